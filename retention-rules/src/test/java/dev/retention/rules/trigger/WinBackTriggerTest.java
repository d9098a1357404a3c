package dev.retention.rules.trigger;

import static dev.retention.rules.testing.Shop.customer;
import static dev.retention.rules.testing.Shop.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WinBackTriggerTest {
    private static final CustomerId C = customer("c");
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private static Optional<Firing> at(WinBackTrigger trigger, CustomerHistory history, Instant now) {
        return trigger.evaluate(history, CustomerProfile.unknown(C), now);
    }

    @Test
    void absoluteRuleFiresExactlyWhenTheQuietPeriodIsOver() {
        WinBackTrigger trigger = WinBackTrigger.builder().atLeastOrders(2).noOrderFor(DAY.multipliedBy(90)).build();
        Instant last = T.plus(DAY.multipliedBy(10));
        CustomerHistory history = CustomerHistory.of(C, order(C, T, "a"), order(C, last, "b"));

        assertThat(at(trigger, history, last.plus(DAY.multipliedBy(90)).minusNanos(1))).isEmpty();
        assertThat(at(trigger, history, last.plus(DAY.multipliedBy(90)))).isPresent();
    }

    @Test
    void absoluteRuleNeedsTheMinimumNumberOfPastOrders() {
        WinBackTrigger trigger = WinBackTrigger.builder().atLeastOrders(2).noOrderFor(DAY.multipliedBy(90)).build();

        assertThat(at(trigger, CustomerHistory.of(C, order(C, T, "a")), T.plus(DAY.multipliedBy(365)))).isEmpty();
    }

    @Test
    void relativeRuleFiresWhenTheGapExceedsAMultipleOfTheMedianInterval() {
        // intervals 10d, 10d, 20d: median 10d; 3x the median is 30d
        WinBackTrigger trigger = WinBackTrigger.builder().gapExceedsMedianTimes(3).build();
        Instant last = T.plus(DAY.multipliedBy(40));
        CustomerHistory history = CustomerHistory.of(C, order(C, T, "a"), order(C, T.plus(DAY.multipliedBy(10)), "a"),
                order(C, T.plus(DAY.multipliedBy(20)), "a"), order(C, last, "a"));

        assertThat(at(trigger, history, last.plus(DAY.multipliedBy(30)))).isEmpty();
        Firing firing = at(trigger, history, last.plus(DAY.multipliedBy(30)).plusNanos(1)).orElseThrow();
        assertThat(firing.reason()).contains("usual gap of 10d");
        assertThat(firing.payload()).containsEntry("orderCount", 4).containsEntry("daysSinceLastOrder", 30L);
        // what it declares for the build-time template check is what it carries
        assertThat(firing.payload().keySet()).isEqualTo(trigger.payloadFields());
    }

    @Test
    void relativeRuleNeedsEnoughIntervalsToTrustTheMedian() {
        WinBackTrigger trigger = WinBackTrigger.builder().gapExceedsMedianTimes(2).build();
        CustomerHistory history = CustomerHistory.of(C, order(C, T, "a"), order(C, T.plus(DAY), "a"));

        assertThat(at(trigger, history, T.plus(DAY.multipliedBy(365)))).isEmpty();
    }

    @Test
    void eachLastOrderIsItsOwnEpisode() {
        WinBackTrigger trigger = WinBackTrigger.builder().noOrderFor(DAY.multipliedBy(30)).build();
        CustomerHistory once = CustomerHistory.of(C, order(C, T, "a"));
        CustomerHistory again = CustomerHistory.of(C, order(C, T, "a"), order(C, T.plus(DAY.multipliedBy(40)), "a"));

        assertThat(at(trigger, once, T.plus(DAY.multipliedBy(31))).orElseThrow().episode())
                .isNotEqualTo(at(trigger, again, T.plus(DAY.multipliedBy(71))).orElseThrow().episode());
    }
}
