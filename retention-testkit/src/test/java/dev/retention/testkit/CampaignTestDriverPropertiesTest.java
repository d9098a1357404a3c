package dev.retention.testkit;

import static dev.retention.testkit.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.trigger.WinBackTrigger;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The documented tick schedule: a time-driven trigger is found at the first tick at or after it fires. */
class CampaignTestDriverPropertiesTest {
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration LAPSE = Duration.ofDays(60);
    private static final CustomerId CARLA = CustomerId.of("carla");

    @Provide
    Arbitrary<Duration> intervals() {
        return Arbitraries.of(Duration.ofMinutes(1), Duration.ofMinutes(7), Duration.ofMinutes(15), Duration.ofHours(1),
                Duration.ofHours(6));
    }

    @Property(tries = 60)
    void aLapseIsDecidedAtTheFirstMultipleOfTheIntervalAtOrAfterItCompletes(
            @ForAll @IntRange(min = 0, max = 24 * 60 - 1) int minuteOfDay,
            @ForAll @IntRange(min = 0, max = 59) int second,
            @ForAll("intervals") Duration interval) {
        Instant lastOrder = START.minus(LAPSE).plus(Duration.ofMinutes(minuteOfDay)).plusSeconds(second);
        Instant lapsed = lastOrder.plus(LAPSE);
        Campaign winBack = Campaign.builder("win-back")
                .trigger(WinBackTrigger.builder().atLeastOrders(2).noOrderFor(LAPSE).build())
                .message(Message.email("we-miss-you")).build();
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(START).campaign(winBack)
                .tickEvery(interval).build();
        driver.given(aCustomer("carla").ordered(lastOrder.minus(Duration.ofDays(30)), "a").ordered(lastOrder, "b"));

        driver.advance(Duration.ofDays(2));

        // ticks run "every interval on the interval", counted from the epoch, at instants after the start
        // (advance never ticks at the instant it starts from; tick() does that)
        long step = interval.toMillis();
        long firstTick = Math.floorDiv(lapsed.toEpochMilli() + step - 1, step) * step;
        if (firstTick <= START.toEpochMilli()) {
            firstTick = Math.floorDiv(START.toEpochMilli(), step) * step + step;
        }
        Instant expected = Instant.ofEpochMilli(firstTick);
        assertThat(driver.decisions(CARLA)).singleElement().satisfies(entry -> {
            assertThat(entry.decidedAt()).isEqualTo(expected);
            assertThat(entry.updatedAt()).isEqualTo(expected);
            assertThat(entry.status()).isEqualTo(FireStatus.SENT);
        });
    }
}
