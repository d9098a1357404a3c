package dev.retention.rules.trigger;

import static dev.retention.rules.testing.Shop.customer;
import static dev.retention.rules.testing.Shop.orderWorth;
import static dev.retention.rules.testing.Shop.refund;
import static dev.retention.rules.testing.Shop.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.profile.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link Trigger#episode} agrees with {@link Trigger#evaluate} for the playbook triggers that answer it
 * without building the firing (and for the default): the engine decides from the episode first.
 */
class TriggerEpisodePropertiesTest {
    private static final CustomerId C = customer("c");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private static final List<Trigger> TRIGGERS = List.of(
            LoyaltyThresholdTrigger.of(3, Money.of(300, "USD")),
            LoyaltyThresholdTrigger.of(1, Money.of(0, "USD")),
            RisingFrequencyTrigger.builder().window(Duration.ofDays(20)).atLeastOrders(3).build(),
            RisingFrequencyTrigger.builder().window(Duration.ofDays(10)).rateAtLeast(1.5, 2).build(),
            WinBackTrigger.builder().atLeastOrders(2).noOrderFor(Duration.ofDays(15)).build(),
            WinBackTrigger.builder().gapExceedsMedianTimes(1.5).build(),
            AbandonedViewTrigger.builder().lookback(Duration.ofHours(24)).settleDelay(HOUR).build());

    /**
     * Orders (hours after the start, worth 1..400 USD, every third refunded in part) and views.
     */
    @Property(tries = 200)
    void theEpisodeIsTheFiringsEpisode(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 2_000) Integer> orderHours,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 2_000) Integer> viewHours,
            @ForAll @IntRange(min = 0, max = 2_200) int nowHour, @ForAll @IntRange(min = 1, max = 400) int worth) {
        List<CustomerEvent> events = new ArrayList<>();
        for (int i = 0; i < orderHours.size(); i++) {
            Instant at = START.plus(HOUR.multipliedBy(orderHours.get(i)));
            OrderPlaced order = orderWorth(C, at, Money.of(1 + (worth * (i + 1)) % 400, "USD"));
            events.add(order);
            if (i % 3 == 2) {
                events.add(refund(order, Money.of(1, "USD"), at.plus(HOUR)));
            }
        }
        for (int h : viewHours) {
            events.add(view(C, "p" + h % 5, START.plus(HOUR.multipliedBy(h))));
        }
        CustomerHistory history = CustomerHistory.of(C, events);
        CustomerProfile profile = CustomerProfile.unknown(C);
        Instant now = START.plus(HOUR.multipliedBy(nowHour)).plusSeconds(nowHour % 7);
        for (Trigger trigger : TRIGGERS) {
            assertThat(trigger.episode(history, profile, now)).as("%s at %s", trigger, now)
                    .isEqualTo(trigger.evaluate(history, profile, now).map(Firing::episode));
        }
    }
}
