package dev.retention.predictive;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Models with the CDNOW figures (in weeks) and customers ordering at given days, for the condition tests. */
final class Shops {
    static final Instant START = Instant.parse("2026-01-05T12:00:00Z");
    static final CustomerSummaries WEEKLY = CustomerSummaries.builder().timeUnit(Duration.ofDays(7)).build();
    static final BgNbdModel CDNOW = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
    static final GammaGammaModel CDNOW_SPEND = new GammaGammaModel(6.25, 3.74, 15.44);
    static final Predictions PREDICTIONS = Predictions.of(CDNOW, CDNOW_SPEND, WEEKLY);

    private Shops() {}

    /** The customer's orders (at most one a day) of {@code amount} USD each, {@code days} after {@link #START}. */
    static List<CustomerEvent> orders(String customer, long amount, long... days) {
        return orders(customer, Money.of(amount, "USD"), days);
    }

    static List<CustomerEvent> orders(String customer, Money amount, long... days) {
        List<CustomerEvent> events = new ArrayList<>();
        CustomerId id = CustomerId.of(customer);
        for (int i = 0; i < days.length; i++) {
            String key = customer + "-d" + days[i]; // one order a day: the day keeps ids unique
            events.add(OrderPlaced.of("ev-" + key, id, START.plus(Duration.ofDays(days[i])), OrderId.of(key),
                    List.of(LineItem.of(ProductId.of("tea"), 1, amount))));
        }
        return events;
    }

    static CustomerHistory history(String customer, long amount, long... days) {
        return CustomerHistory.of(CustomerId.of(customer), orders(customer, amount, days));
    }

    static Instant day(long n) {
        return START.plus(Duration.ofDays(n));
    }
}
