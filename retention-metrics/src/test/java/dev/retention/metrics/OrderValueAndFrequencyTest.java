package dev.retention.metrics;

import static dev.retention.metrics.Orders.day;
import static dev.retention.metrics.Orders.period;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.Money;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderValueAndFrequencyTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void averageOrderValueIsPerCurrencyGrossAndNetOfRefundsInThePeriod() {
        OrderLog log = new Orders()
                .order("a", day("2026-01-02"), "10.00", "USD")
                .order("a", day("2026-01-03"), "20.00", "USD")
                .order("b", day("2026-01-04"), "30.00", "USD")
                .order("b", day("2026-01-05"), "99.00", "EUR")
                .order("c", day("2026-02-01"), "500.00", "USD")  // after the period
                .refund("a", "2026-01-20", "6.00", "USD")
                .refund("c", "2026-02-03", "500.00", "USD")      // after the period
                .log();

        List<AverageOrderValue> values = AverageOrderValue.of(log, period("2026-01-01", "2026-02-01"));

        assertThat(values).extracting(AverageOrderValue::currency).containsExactly(EUR, USD);
        AverageOrderValue usd = values.get(1);
        assertThat(usd.orders()).isEqualTo(3);
        assertThat(usd.revenue()).isEqualTo(Money.parse("60.00", "USD"));
        assertThat(usd.refunds()).isEqualTo(Money.parse("6.00", "USD"));
        assertThat(usd.netRevenue()).isEqualTo(Money.parse("54.00", "USD"));
        assertThat(usd.aov()).hasValue(Money.parse("20.00", "USD"));
        assertThat(usd.netAov()).hasValue(Money.parse("18.00", "USD"));
        assertThat(values.get(0).aov()).hasValue(Money.parse("99.00", "EUR"));
    }

    @Test
    void averageIsRoundedHalfEvenToTheMinorUnit() {
        ReportingPeriod january = period("2026-01-01", "2026-02-01");
        OrderLog thirds = new Orders().order("a", "2026-01-02", "5.00").order("a", "2026-01-03", "3.00")
                .order("a", "2026-01-04", "2.00").log();
        OrderLog halfUp = new Orders().order("a", "2026-01-02", "0.01").order("b", "2026-01-03", "0.02").log();
        OrderLog halfDown = new Orders().order("a", "2026-01-02", "0.01").order("b", "2026-01-03", "0.04").log();

        assertThat(AverageOrderValue.of(thirds, january, USD).aov()).hasValue(Money.parse("3.33", "USD"));
        assertThat(AverageOrderValue.of(halfUp, january, USD).aov()).hasValue(Money.parse("0.02", "USD"));
        assertThat(AverageOrderValue.of(halfDown, january, USD).aov()).hasValue(Money.parse("0.02", "USD"));
    }

    @Test
    void averageOrderValueWithoutOrdersIsEmpty() {
        AverageOrderValue none = AverageOrderValue.of(new Orders().log(), period("2026-01-01", "2026-02-01"), USD);

        assertThat(none.orders()).isZero();
        assertThat(none.revenue()).isEqualTo(Money.zero(USD));
        assertThat(none.aov()).isEmpty();
    }

    @Test
    void repeatPurchaseRateCountsCustomersWithTwoOrMoreOrdersInThePeriod() {
        OrderLog log = new Orders()
                .order("a", "2026-01-02", "1.00").order("a", "2026-01-09", "1.00").order("a", "2026-01-10", "1.00")
                .order("b", "2026-01-02", "1.00").order("b", "2026-02-02", "1.00")
                .order("c", "2025-12-31", "1.00").order("c", "2026-01-31", "1.00")
                .order("d", "2026-01-20", "1.00").order("d", "2026-01-20", "2.00")
                .log();

        RepeatPurchaseRate rate = RepeatPurchaseRate.of(log, period("2026-01-01", "2026-02-01"));

        assertThat(rate).isEqualTo(new RepeatPurchaseRate(2, 4));
        assertThat(rate.rate()).hasValue(0.5);
    }

    @Test
    void purchaseFrequencyIsOrdersPerOrderingCustomerWithIntervalsInsideThePeriod() {
        OrderLog log = new Orders()
                .order("a", "2026-01-01", "1.00").order("a", "2026-01-03", "1.00").order("a", "2026-01-11", "1.00")
                .order("b", "2025-12-01", "1.00").order("b", "2026-01-05", "1.00").order("b", "2026-01-09", "1.00")
                .order("c", "2026-01-20", "1.00")
                .log();

        PurchaseFrequency frequency = PurchaseFrequency.of(log, period("2026-01-01", "2026-02-01"));

        // 6 orders by 3 customers; gaps 2 days, 8 days (a) and 4 days (b; its December order is outside)
        assertThat(frequency.orders()).isEqualTo(6);
        assertThat(frequency.customers()).isEqualTo(3);
        assertThat(frequency.frequency()).hasValue(2.0);
        assertThat(frequency.intervals()).isEqualTo(3);
        assertThat(frequency.meanInterval()).hasValue(Duration.ofDays(14).dividedBy(3));
        assertThat(frequency.medianInterval()).hasValue(Duration.ofDays(4));
    }

    @Test
    void medianOfAnEvenNumberOfIntervalsIsTheMeanOfTheMiddleTwo() {
        OrderLog log = new Orders()
                .order("a", "2026-01-01", "1.00").order("a", "2026-01-02", "1.00")
                .order("b", "2026-01-01", "1.00").order("b", "2026-01-04", "1.00")
                .log();

        PurchaseFrequency frequency = PurchaseFrequency.of(log, period("2026-01-01", "2026-02-01"));

        assertThat(frequency.medianInterval()).hasValue(Duration.ofHours(48));
        assertThat(frequency.meanInterval()).hasValue(Duration.ofHours(48));
    }

    @Test
    void purchaseFrequencyWithoutRepeatOrdersHasNoIntervals() {
        OrderLog log = new Orders().order("a", "2026-01-01", "1.00").log();

        PurchaseFrequency frequency = PurchaseFrequency.of(log, period("2026-01-01", "2026-02-01"));

        assertThat(frequency.frequency()).hasValue(1.0);
        assertThat(frequency.meanInterval()).isEqualTo(Optional.empty());
        assertThat(frequency.medianInterval()).isEmpty();
    }
}
