package dev.retention.examples.playbook;

import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.campaign.Variant;
import dev.retention.rules.trigger.AbandonedViewTrigger;
import dev.retention.rules.trigger.Incentive;
import dev.retention.rules.trigger.IncentivePolicy;
import dev.retention.rules.trigger.Recommender;
import java.time.Duration;

/**
 * Playbook 1, abandoned view: "viewed product cards and did not buy" gets a letter with the
 * viewed products, recommendations of what goes with them and, for first-time buyers, a small
 * discount. Then test, test, test: two variants of the letter and a 10% holdout to measure uplift.
 *
 * <p>Copy {@link #campaign} and replace the template ids with your own email templates. Tested
 * with the test kit in {@code AbandonedViewExampleTest}.
 */
public final class AbandonedViewExample {
    /** The discount offered to customers who have never ordered. */
    public static final Incentive FIRST_ORDER_DISCOUNT = new Incentive("WELCOME5", "5% off your first order");

    private AbandonedViewExample() {
    }

    /**
     * The campaign: fires an hour after the customer's last view if they bought none of the
     * products they viewed in the last 24 hours; at most one letter a week per customer.
     *
     * @param recommender what to recommend, e.g. {@code CoPurchaseRecommender.from(eventStore)}
     *     rebuilt nightly from the shop's orders
     */
    public static Campaign campaign(Recommender recommender) {
        return Campaign.builder("abandoned-view")
                .trigger(AbandonedViewTrigger.builder()
                        .lookback(Duration.ofHours(24))
                        .settleDelay(Duration.ofHours(1))
                        .recommender(recommender, 3)
                        .incentives(IncentivePolicy.firstOrderOnly(FIRST_ORDER_DISCOUNT))
                        .build())
                .message(Message.email("abandoned-view"))
                .variants(Variant.of("plain", "abandoned-view-plain", 1),
                        Variant.of("urgent", "abandoned-view-urgent", 1))
                .holdout(0.10)
                .cooldown(Duration.ofDays(7))
                .build();
    }
}
