package dev.retention.examples;

import static dev.retention.rules.segment.Conditions.anyProduct;
import static dev.retention.rules.segment.Conditions.noOrderWithin;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static dev.retention.rules.segment.Conditions.ordersWithin;
import static dev.retention.rules.segment.Conditions.spendEver;
import static dev.retention.rules.segment.Conditions.viewedWithoutBuying;

import dev.retention.core.Money;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.ExitCondition;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.campaign.ReEntry;
import dev.retention.rules.trigger.AbandonedViewTrigger;
import dev.retention.rules.trigger.LoyaltyThresholdTrigger;
import dev.retention.rules.trigger.RisingFrequencyTrigger;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.trigger.WinBackTrigger;
import java.time.Duration;
import java.util.List;

/**
 * The four playbook segments and campaigns as the demo's commands use them ({@code summary} counts
 * the segments; {@code backtest}, {@code diff} and {@code report} run the campaigns), with the
 * thresholds of the README's chains, stated once here. Win-back and loyalty threshold enter a
 * customer once ever and have no holdout, so their counts can be recomputed from the order log by
 * hand; abandoned view and rising frequency keep a 10% / 20% holdout so the backtest measures their
 * uplift.
 */
final class PlaybookCampaigns {
    static final Duration ABANDONED_VIEW_WITHIN = Duration.ofDays(7);
    static final int LOYALTY_MIN_ORDERS = 3;
    static final Money LOYALTY_ABOVE = Money.of(100, "USD");
    static final Duration RISING_WINDOW = Duration.ofDays(30);
    static final int RISING_MORE_THAN = 5;
    static final int WIN_BACK_MIN_ORDERS = 3;
    static final Duration WIN_BACK_QUIET = Duration.ofDays(90);
    static final Duration FEEDBACK_AFTER = Duration.ofDays(7);

    private PlaybookCampaigns() {
    }

    /**
     * The four segments, as the README's chains state them (abandoned view counts any product, the
     * README's names three).
     */
    static List<Segment> segments() {
        return List.of(
                Segment.named("abandoned-view")
                        .where(viewedWithoutBuying(anyProduct()).within(ABANDONED_VIEW_WITHIN)),
                Segment.named("loyalty-threshold").where(ordersEver().atLeast(LOYALTY_MIN_ORDERS))
                        .and(spendEver().above(LOYALTY_ABOVE)),
                Segment.named("rising-frequency")
                        .where(ordersWithin(RISING_WINDOW).moreThan(RISING_MORE_THAN)),
                Segment.named("win-back").where(ordersEver().atLeast(WIN_BACK_MIN_ORDERS))
                        .and(noOrderWithin(WIN_BACK_QUIET)));
    }

    /** All four, highest priority first. */
    static List<Campaign> all() {
        return List.of(abandonedView(), loyaltyThreshold(), risingFrequency(), winBack());
    }

    /** Playbook 1: viewed products in the last 24h and bought none of them. */
    static Campaign abandonedView() {
        return Campaign.builder("abandoned-view")
                .trigger(AbandonedViewTrigger.builder().lookback(Duration.ofHours(24))
                        .settleDelay(Duration.ofHours(1)).build())
                .message(Message.email("abandoned-view"))
                .holdout(0.10)
                .cooldown(Duration.ofDays(7))
                .priority(40)
                .build();
    }

    /** Playbook 2: at least 3 orders for more than 100 USD in all: thank you, join the loyalty program. */
    static Campaign loyaltyThreshold() {
        return Campaign.builder("loyalty-threshold")
                .trigger(LoyaltyThresholdTrigger.of(LOYALTY_MIN_ORDERS, LOYALTY_ABOVE))
                .message(Message.email("join-our-loyalty-program"))
                .reEntry(ReEntry.once())
                .priority(30)
                .build();
    }

    /** Playbook 3: more than 5 orders in the last 30 days: upsell from their preferences. */
    static Campaign risingFrequency() {
        return Campaign.builder("rising-frequency")
                .trigger(RisingFrequencyTrigger.builder().window(RISING_WINDOW).atLeastOrders(RISING_MORE_THAN + 1)
                        .build())
                .message(Message.email("you-may-also-like"))
                .reEntry(ReEntry.oncePer(Duration.ofDays(90)))
                .holdout(0.20)
                .priority(20)
                .build();
    }

    /**
     * Playbook 4: at least 3 orders and none for 90 days: a personal letter, then a feedback form a
     * week later unless they ordered meanwhile.
     */
    static Campaign winBack() {
        return Campaign.builder("win-back")
                .trigger(WinBackTrigger.builder().atLeastOrders(WIN_BACK_MIN_ORDERS).noOrderFor(WIN_BACK_QUIET).build())
                .message(Message.email("we-miss-you"))
                .then(FEEDBACK_AFTER, Message.email("tell-us-why"))
                .exitWhen(ExitCondition.CUSTOMER_ORDERED)
                .reEntry(ReEntry.once())
                .priority(10)
                .build();
    }
}
