package dev.retention.metrics;

import static dev.retention.metrics.Orders.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionRateTest {

    @Test
    void fiveHundredAtStartOfWhom270BoughtAgainIsFiftyFourPercent() {
        Orders orders = new Orders();
        for (int i = 0; i < 500; i++) {
            orders.order("old" + i, "2025-03-01", "20.00");
            if (i < 270) {
                orders.order("old" + i, "2026-06-01", "25.00");
            }
        }
        for (int i = 0; i < 40; i++) {
            orders.order("new" + i, "2026-02-01", "15.00");
        }

        RetentionRate rate = RetentionRate.of(orders.log(), period("2026-01-01", "2027-01-01"));

        assertThat(rate).isEqualTo(new RetentionRate(500, 40, 310, 270));
        assertThat(rate.crr()).hasValue(0.54);
        assertThat(rate.churnRate().getAsDouble()).isCloseTo(0.46, within(1e-12));
        assertThat(rate.crrNumerator()).isEqualTo(rate.customersAtEnd() - rate.newCustomers()).isEqualTo(270);
        assertThat(rate.crrDenominator()).isEqualTo(500);
    }

    @Test
    void periodIncludesItsStartAndExcludesItsEnd() {
        OrderLog log = new Orders()
                .order("a", "2026-01-01", "1.00")   // before: S
                .order("a", "2026-02-01", "1.00")   // at from: in period
                .order("b", "2026-01-15", "1.00")   // before: S
                .order("b", "2026-03-01", "1.00")   // at to: not in period
                .order("c", "2026-02-10", "1.00")   // new
                .order("d", "2026-03-01", "1.00")   // first order at to: neither new nor at end
                .log();

        RetentionRate rate = RetentionRate.of(log, period("2026-02-01", "2026-03-01"));

        assertThat(rate).isEqualTo(new RetentionRate(2, 1, 2, 1));
        assertThat(rate.crr()).hasValue(0.5);
    }

    @Test
    void lookBackCountsOnlyCustomersActiveShortlyBeforeThePeriod() {
        OrderLog log = new Orders()
                .order("recent", "2025-12-01", "1.00")
                .order("recent", "2026-01-10", "1.00")
                .order("dormant", "2024-01-01", "1.00")
                .order("dormant", "2026-01-20", "1.00")  // came back, but was not in S with the look-back
                .order("quiet", "2025-11-15", "1.00")
                .log();
        ReportingPeriod january = period("2026-01-01", "2026-02-01");

        RetentionRate all = RetentionRate.of(log, january);
        RetentionRate recent = RetentionRate.of(log, january, Duration.ofDays(90));

        assertThat(all).isEqualTo(new RetentionRate(3, 0, 2, 2));
        assertThat(recent).isEqualTo(new RetentionRate(2, 0, 2, 1));
        assertThat(recent.crr()).hasValue(0.5);
        // E - N counts the dormant customer too, so with a look-back CRR is retained / S
        assertThat(recent.customersAtEnd() - recent.newCustomers()).isEqualTo(2);
    }

    @Test
    void crrIsAbsentWithoutCustomersAtStart() {
        OrderLog log = new Orders().order("a", "2026-01-10", "1.00").log();

        RetentionRate rate = RetentionRate.of(log, period("2026-01-01", "2026-02-01"));

        assertThat(rate).isEqualTo(new RetentionRate(0, 1, 1, 0));
        assertThat(rate.crr()).isEmpty();
        assertThat(rate.churnRate()).isEmpty();
    }

    @Test
    void rejectsInconsistentCountsAndNonPositiveLookBack() {
        assertThatThrownBy(() -> new RetentionRate(10, 0, 5, 11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retained");
        assertThatThrownBy(() -> RetentionRate.of(new Orders().log(), period("2026-01-01", "2026-02-01"),
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lookBack");
        assertThatThrownBy(() -> period("2026-02-01", "2026-02-01")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from before to");
    }
}
