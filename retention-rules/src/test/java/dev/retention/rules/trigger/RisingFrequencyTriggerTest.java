package dev.retention.rules.trigger;

import static dev.retention.rules.testing.Shop.customer;
import static dev.retention.rules.testing.Shop.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RisingFrequencyTriggerTest {
    private static final CustomerId C = customer("c");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private static boolean fires(RisingFrequencyTrigger trigger, CustomerHistory history) {
        return trigger.evaluate(history, CustomerProfile.unknown(C), NOW).isPresent();
    }

    @Test
    void countRuleIncludesAnOrderExactlyAtTheWindowStart() {
        RisingFrequencyTrigger trigger = RisingFrequencyTrigger.builder().window(DAY.multipliedBy(30))
                .atLeastOrders(3).build();
        Instant start = NOW.minus(DAY.multipliedBy(30));

        assertThat(fires(trigger, CustomerHistory.of(C, order(C, start, "a"), order(C, NOW.minus(DAY), "b"),
                order(C, NOW, "c")))).isTrue();
        assertThat(fires(trigger, CustomerHistory.of(C, order(C, start.minusNanos(1), "a"),
                order(C, NOW.minus(DAY), "b"), order(C, NOW, "c")))).isFalse();
    }

    @Test
    void rateRuleComparesTheRecentRateWithTheCustomersOwnBaseline() {
        // baseline: 2 orders in the 90 days before the window; recent: 2 orders in 30 days -> 3x the rate
        Instant first = NOW.minus(DAY.multipliedBy(120));
        CustomerHistory history = CustomerHistory.of(C, order(C, first, "a"), order(C, first.plus(DAY.multipliedBy(45)), "a"),
                order(C, NOW.minus(DAY.multipliedBy(10)), "b"), order(C, NOW.minus(DAY), "a"));

        assertThat(fires(RisingFrequencyTrigger.builder().rateAtLeast(3.0, 2).build(), history)).isTrue();
        assertThat(fires(RisingFrequencyTrigger.builder().rateAtLeast(3.1, 2).build(), history)).isFalse();
        assertThat(fires(RisingFrequencyTrigger.builder().rateAtLeast(2.0, 3).build(), history)).isFalse();
    }

    @Test
    void rateRuleNeedsABaselineOfAtLeastOneWindow() {
        Instant first = NOW.minus(DAY.multipliedBy(59));
        CustomerHistory history = CustomerHistory.of(C, order(C, first, "a"), order(C, NOW.minus(DAY.multipliedBy(2)), "b"),
                order(C, NOW.minus(DAY), "c"), order(C, NOW, "c"));

        assertThat(fires(RisingFrequencyTrigger.builder().rateAtLeast(1.5, 2).build(), history)).isFalse();
    }

    @Test
    void payloadHoldsTheProductsOnMostOfTheCustomersOrders() {
        RisingFrequencyTrigger trigger = RisingFrequencyTrigger.builder().atLeastOrders(3).build();
        CustomerHistory history = CustomerHistory.of(C, order(C, NOW.minus(DAY.multipliedBy(3)), "coffee", "mug"),
                order(C, NOW.minus(DAY.multipliedBy(2)), "coffee"), order(C, NOW.minus(DAY), "tea", "coffee"));

        Firing firing = trigger.evaluate(history, CustomerProfile.unknown(C), NOW).orElseThrow();

        assertThat(firing.payload().get("favouriteProducts")).isEqualTo(List.of("coffee", "tea", "mug"));
        assertThat(firing.payload()).containsEntry("recentOrders", 3);
        // what it declares for the build-time template check is what it carries
        assertThat(firing.payload().keySet()).isEqualTo(trigger.payloadFields());
        assertThat(firing.reason()).contains("3 orders in the last 30d");
    }

    @Test
    void needsARule() {
        assertThatThrownBy(() -> RisingFrequencyTrigger.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("atLeastOrders");
    }
}
