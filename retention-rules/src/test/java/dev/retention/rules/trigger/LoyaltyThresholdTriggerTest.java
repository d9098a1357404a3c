package dev.retention.rules.trigger;

import static dev.retention.rules.testing.Shop.customer;
import static dev.retention.rules.testing.Shop.orderWorth;
import static dev.retention.rules.testing.Shop.refund;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoyaltyThresholdTriggerTest {
    private static final CustomerId C = customer("c");
    private static final Instant T = Instant.parse("2026-02-01T10:00:00Z");
    private final LoyaltyThresholdTrigger trigger = LoyaltyThresholdTrigger.of(3, Money.of(100, "USD"));

    private boolean fires(CustomerHistory history, Instant now) {
        return trigger.evaluate(history, CustomerProfile.unknown(C), now).isPresent();
    }

    @Test
    void needsTheMinimumNumberOfOrders() {
        CustomerHistory two = CustomerHistory.of(C, orderWorth(C, T, Money.of(80, "USD")),
                orderWorth(C, T.plusSeconds(1), Money.of(80, "USD")));

        assertThat(fires(two, T.plusSeconds(10))).isFalse();
    }

    @Test
    void needsATotalStrictlyAboveTheThreshold() {
        CustomerHistory exactly = CustomerHistory.of(C, orderWorth(C, T, Money.of(40, "USD")),
                orderWorth(C, T.plusSeconds(1), Money.of(30, "USD")), orderWorth(C, T.plusSeconds(2), Money.of(30, "USD")));
        CustomerHistory aboveByACent = CustomerHistory.of(C, orderWorth(C, T, Money.of(40, "USD")),
                orderWorth(C, T.plusSeconds(1), Money.of(30, "USD")),
                orderWorth(C, T.plusSeconds(2), Money.parse("30.01", "USD")));

        assertThat(fires(exactly, T.plusSeconds(10))).isFalse();
        assertThat(fires(aboveByACent, T.plusSeconds(10))).isTrue();
    }

    @Test
    void countsOrdersAtOrBeforeNowOnly() {
        CustomerHistory history = CustomerHistory.of(C, orderWorth(C, T, Money.of(50, "USD")),
                orderWorth(C, T.plusSeconds(1), Money.of(50, "USD")), orderWorth(C, T.plusSeconds(2), Money.of(50, "USD")));

        assertThat(fires(history, T.plusSeconds(2).minusNanos(1))).isFalse();
        assertThat(fires(history, T.plusSeconds(2))).isTrue();
    }

    @Test
    void refundsBringTheTotalDown() {
        OrderPlaced big = orderWorth(C, T, Money.of(90, "USD"));
        CustomerHistory history = CustomerHistory.of(C, big, orderWorth(C, T.plusSeconds(1), Money.of(10, "USD")),
                orderWorth(C, T.plusSeconds(2), Money.of(10, "USD")), refund(big, Money.of(20, "USD"), T.plusSeconds(3)));

        assertThat(fires(history, T.plusSeconds(2))).isTrue();
        assertThat(fires(history, T.plusSeconds(3))).isFalse();
    }

    @Test
    void reasonAndPayloadStateTheNumbers() {
        CustomerHistory history = CustomerHistory.of(C, orderWorth(C, T, Money.of(50, "USD")),
                orderWorth(C, T.plusSeconds(1), Money.of(50, "USD")), orderWorth(C, T.plusSeconds(2), Money.of(50, "USD")));

        Firing firing = trigger.evaluate(history, CustomerProfile.unknown(C), T.plusSeconds(5)).orElseThrow();

        assertThat(firing.reason()).contains("3 orders", "150.00 USD", "100.00 USD");
        assertThat(firing.payload()).containsEntry("orderCount", 3).containsEntry("netTotal", "150.00 USD");
        // what it declares for the build-time template check is what it carries
        assertThat(firing.payload().keySet()).isEqualTo(trigger.payloadFields());
    }
}
