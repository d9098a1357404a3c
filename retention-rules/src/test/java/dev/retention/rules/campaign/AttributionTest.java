package dev.retention.rules.campaign;

import static dev.retention.rules.testing.Shop.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.trigger.WinBackTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fire log is enough to compare conversion after a message with conversion in the holdout. */
class AttributionTest {
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void treatedAndHeldOutEntriesCarryTheirDecisionTimesForConversionWindows() {
        EngineFixture shop = new EngineFixture();
        List<CustomerId> customers = IntStream.range(0, 300).mapToObj(i -> shop.subscriber("c" + i)).toList();
        Campaign winBack = Campaign.builder("win-back").trigger(WinBackTrigger.builder().noOrderFor(DAY.multipliedBy(30))
                .build()).message(Message.email("miss-you")).holdout(0.2).build();
        CampaignEngine engine = shop.engine(winBack).build();
        Instant start = shop.clock.instant();
        customers.forEach(c -> shop.events.append(order(c, start, "a")));

        engine.tick(start.plus(DAY.multipliedBy(30)));
        // the letter works: every recipient orders two days later; nobody else does
        for (OutgoingMessage letter : shop.sender.sent()) {
            shop.events.append(order(letter.customerId(), start.plus(DAY.multipliedBy(32)), "b"));
        }

        Map<FireStatus, List<FireEntry>> groups = shop.fireLog.entries()
                .filter(e -> e.campaignId().equals("win-back") && e.step() == 0)
                .collect(Collectors.groupingBy(FireEntry::status));
        double treated = conversion(shop, groups.get(FireStatus.SENT));
        double control = conversion(shop, groups.get(FireStatus.HELD_OUT));

        assertThat(groups.get(FireStatus.SENT).size() + groups.get(FireStatus.HELD_OUT).size()).isEqualTo(300);
        assertThat(groups.get(FireStatus.HELD_OUT)).hasSizeBetween(30, 90);
        assertThat(treated).isEqualTo(1.0);
        assertThat(control).isEqualTo(0.0);
    }

    /** The share of entries whose customer ordered within 7 days after the decision. */
    private static double conversion(EngineFixture shop, List<FireEntry> entries) {
        long converted = entries.stream().filter(e -> {
            CustomerHistory history = shop.events.history(e.customerId());
            return history.orderCount(e.decidedAt(), e.decidedAt().plus(DAY.multipliedBy(7))) > 0;
        }).count();
        return (double) converted / entries.size();
    }
}
