package dev.retention.examples.playbook;

import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.campaign.ReEntry;
import dev.retention.rules.trigger.Recommender;
import dev.retention.rules.trigger.RisingFrequencyTrigger;
import java.time.Duration;

/**
 * Playbook 3, rising frequency: a customer who made more than 5 purchases in the last 30 days gets
 * an upsell letter with products chosen from their own preferences (the products on most of their
 * orders, and what other customers bought with them), at most once a month.
 *
 * <p>Tested in {@code RisingFrequencyExampleTest}.
 */
public final class RisingFrequencyExample {
    private RisingFrequencyExample() {
    }

    /**
     * @param recommender what goes with the customer's favourites, e.g.
     *     {@code CoPurchaseRecommender.from(eventStore)} rebuilt nightly
     */
    public static Campaign campaign(Recommender recommender) {
        return Campaign.builder("rising-frequency-upsell")
                .trigger(RisingFrequencyTrigger.builder()
                        .window(Duration.ofDays(30))
                        .atLeastOrders(6) // "more than 5", as the README's segment chain says
                        .recommender(recommender, 3)
                        .build())
                .message(Message.email("upsell"))
                .reEntry(ReEntry.oncePer(Duration.ofDays(30)))
                .build();
    }
}
