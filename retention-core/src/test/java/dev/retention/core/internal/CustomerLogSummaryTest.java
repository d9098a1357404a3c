package dev.retention.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The money summary the log keeps on append: sums per currency, reset by erasure, carried by snapshots. */
class CustomerLogSummaryTest {
    private static final CustomerId ANNA = CustomerId.of("anna");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static OrderPlaced order(String id, int minute, long minor, Currency currency) {
        return new OrderPlaced(id, ANNA, T0.plusSeconds(60L * minute), OrderId.of("o-" + id), List.of(),
                Money.ofMinor(minor, currency));
    }

    private static OrderRefunded refund(String id, String orderEventId, int minute, long minor, Currency currency) {
        return new OrderRefunded(id, ANNA, T0.plusSeconds(60L * minute), OrderId.of("o-" + orderEventId),
                Money.ofMinor(minor, currency));
    }

    @Test
    void sumsOrdersAndRefundsPerCurrency() {
        CustomerLog log = new CustomerLog(ANNA, new Dictionary<>());
        log.append(order("a", 5, 10_00, USD));
        log.append(order("b", 1, 7_50, EUR));
        log.append(refund("r", "a", 9, 3_00, USD));
        log.append(order("c", 3, 2_00, USD));
        log.append(new ProductViewed("v", ANNA, T0, ProductId.of("p")));

        int usd = Currencies.code(USD);
        int eur = Currencies.code(EUR);
        assertThat(log.orderSum(usd)).isEqualTo(12_00);
        assertThat(log.refundSum(usd)).isEqualTo(3_00);
        assertThat(log.orderSum(eur)).isEqualTo(7_50);
        assertThat(log.refundSum(eur)).isZero();
        assertThat(log.orderSum(Currencies.code(Currency.getInstance("JPY")))).isZero();
        assertThat(log.soleOrderCurrency()).isEqualTo(-2);
    }

    @Test
    void soleOrderCurrencyIgnoresRefundsOfOrdersNotYetStored() {
        CustomerLog log = new CustomerLog(ANNA, new Dictionary<>());
        assertThat(log.soleOrderCurrency()).isEqualTo(-1);
        log.append(refund("r", "a", 9, 3_00, EUR)); // its order arrives later
        assertThat(log.soleOrderCurrency()).isEqualTo(-1);
        assertThat(log.refundSum(Currencies.code(EUR))).isEqualTo(3_00);
        log.append(order("a", 5, 10_00, EUR));
        assertThat(log.soleOrderCurrency()).isEqualTo(Currencies.code(EUR));
    }

    @Test
    void refusedEventLeavesTheSummaryAsItWas() {
        CustomerLog log = new CustomerLog(ANNA, new Dictionary<>());
        log.append(order("a", 5, Long.MAX_VALUE - 5, USD));
        assertThatThrownBy(() -> log.append(order("b", 6, 6, USD))).hasMessageContaining("overflow");
        assertThatThrownBy(() -> log.append(refund("r", "a", 7, Long.MAX_VALUE, EUR)))
                .hasMessageContaining("currency");
        assertThat(log.orderSum(Currencies.code(USD))).isEqualTo(Long.MAX_VALUE - 5);
        assertThat(log.refundSum(Currencies.code(EUR))).isZero();
        assertThat(log.soleOrderCurrency()).isEqualTo(Currencies.code(USD));
    }

    @Test
    void snapshotsKeepTheirSumsAndErasureResetsThem() {
        CustomerLog log = new CustomerLog(ANNA, new Dictionary<>());
        int usd = Currencies.code(USD);
        log.append(order("a", 5, 10_00, USD));
        CustomerLog before = log.snapshot();
        log.append(order("b", 6, 5_00, USD));
        log.append(refund("r", "a", 7, 1_00, USD));
        assertThat(before.orderSum(usd)).isEqualTo(10_00);
        assertThat(before.refundSum(usd)).isZero();
        assertThat(log.snapshot().orderSum(usd)).isEqualTo(15_00);

        log.clear();
        assertThat(log.orderSum(usd)).isZero();
        assertThat(log.refundSum(usd)).isZero();
        assertThat(log.soleOrderCurrency()).isEqualTo(-1);
        assertThat(before.orderSum(usd)).isEqualTo(10_00);
        log.append(order("a", 5, 4_00, USD)); // the same id after erasure is a new order
        assertThat(log.orderSum(usd)).isEqualTo(4_00);
    }

    /** The summary is added to in place between snapshots, and replaced after each: every snapshot keeps its sums. */
    @Test
    void inPlaceSumsNeverReachASnapshot() {
        CustomerLog log = new CustomerLog(ANNA, new Dictionary<>());
        int usd = Currencies.code(USD);
        log.append(order("a", 1, 1_00, USD));
        log.append(order("b", 2, 2_00, USD)); // no snapshot yet: in place
        CustomerLog first = log.snapshot();
        log.append(order("c", 3, 4_00, USD)); // replaces the shared array
        log.append(refund("r", "c", 4, 1_00, USD)); // in place again
        CustomerLog second = log.snapshot();
        CustomerLog third = log.snapshot();
        log.append(order("d", 5, 8_00, USD));
        log.append(order("e", 6, 16_00, EUR));

        assertThat(first.orderSum(usd)).isEqualTo(3_00);
        assertThat(first.refundSum(usd)).isZero();
        assertThat(second.orderSum(usd)).isEqualTo(7_00);
        assertThat(second.refundSum(usd)).isEqualTo(1_00);
        assertThat(third.orderSum(usd)).isEqualTo(7_00);
        assertThat(log.orderSum(usd)).isEqualTo(15_00);
        assertThat(log.refundSum(usd)).isEqualTo(1_00);
        assertThat(log.orderSum(Currencies.code(EUR))).isEqualTo(16_00);
        assertThat(second.orderSum(Currencies.code(EUR))).isZero();
    }
}
