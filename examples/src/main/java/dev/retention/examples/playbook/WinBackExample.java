package dev.retention.examples.playbook;

import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.noOrderWithin;
import static dev.retention.rules.segment.Conditions.ordersEver;

import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.ExitCondition;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.trigger.Trigger;
import java.time.Duration;

/**
 * Playbook 4, falling frequency (win-back): "bought at least 3 times" and "has not bought for 90
 * days" together get a personal win-back letter; a week later, unless they ordered in between, a
 * short feedback form asking why they stopped. A customer who comes back and lapses again is
 * written to again, because they left the segment in between.
 *
 * <p>The segment is the DSL version of {@code segments/win-back.json}. Tested in
 * {@code WinBackExampleTest}.
 */
public final class WinBackExample {
    // guide:win-back-campaign:begin
    /** Bought at least 3 times, and not in the last 90 days. */
    public static final Segment LAPSED_REGULARS = Segment.named("win-back")
            .where(ordersEver().atLeast(3))
            .and(noOrderWithin(days(90)));

    private WinBackExample() {
    }

    public static Campaign campaign() {
        return Campaign.builder("win-back")
                .trigger(Trigger.onEntering(LAPSED_REGULARS))
                .message(Message.email("we-miss-you"))
                .then(Duration.ofDays(7), Message.email("why-did-you-stop-feedback-form"))
                .exitWhen(ExitCondition.CUSTOMER_ORDERED)
                .build();
    }
    // guide:win-back-campaign:end
}
