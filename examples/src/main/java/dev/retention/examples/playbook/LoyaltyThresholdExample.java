package dev.retention.examples.playbook;

import static dev.retention.rules.segment.Conditions.customEvents;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static dev.retention.rules.segment.Conditions.spendEver;

import dev.retention.core.Money;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.ExitCondition;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.campaign.ReEntry;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.trigger.Trigger;
import java.time.Duration;
import java.util.List;

/**
 * Playbook 2, loyalty threshold and welcome chain: a customer who made 3 purchases for a total
 * above 100.00 USD gets one thank-you letter inviting them into the loyalty program; when they
 * join (the shop records a custom event {@value #JOINED}), an individual chain of letters follows:
 * a welcome discount at once, early access after a week, "buy 2, get the 3rd free" after two weeks.
 * A member who leaves the program (custom event {@value #LEFT}) gets no further letters of the chain.
 *
 * <p>Both campaigns start from segments written in the DSL ({@code Trigger.onEntering(segment)}),
 * the same segments a marketer can store as JSON. Tested in {@code LoyaltyThresholdExampleTest}.
 */
public final class LoyaltyThresholdExample {
    /** The custom event the shop records when a customer joins the loyalty program. */
    public static final String JOINED = "loyalty-joined";
    /** The custom event the shop records when a customer leaves the loyalty program. */
    public static final String LEFT = "loyalty-left";

    /** Made at least 3 purchases for a net total above 100.00 USD. */
    public static final Segment LOYALTY_THRESHOLD = Segment.named("loyalty-threshold")
            .where(ordersEver().atLeast(3))
            .and(spendEver().above(Money.of(100, "USD")));

    /** Joined the loyalty program and never left it. */
    public static final Segment LOYALTY_MEMBERS = Segment.named("loyalty-members")
            .where(customEvents(JOINED).ever().atLeast(1))
            .and(customEvents(LEFT).ever().exactly(0));

    private LoyaltyThresholdExample() {
    }

    /** The thank-you letter with the invitation, once per customer, ever. */
    public static Campaign invitation() {
        return Campaign.builder("loyalty-invitation")
                .trigger(Trigger.onEntering(LOYALTY_THRESHOLD))
                .message(Message.email("thank-you-join-loyalty"))
                .reEntry(ReEntry.once())
                .build();
    }

    /** The welcome chain for new members; a member who leaves the program gets no further letters. */
    public static Campaign welcomeChain() {
        return Campaign.builder("loyalty-welcome")
                .trigger(Trigger.onEntering(LOYALTY_MEMBERS))
                .message(Message.email("welcome-discount"))
                .then(Duration.ofDays(7), Message.email("early-access"))
                .then(Duration.ofDays(14), Message.email("buy-2-get-3rd-free"))
                .reEntry(ReEntry.once())
                .exitWhen(ExitCondition.LEFT_TRIGGER)
                .build();
    }

    /** Both campaigns, for the engine. */
    public static List<Campaign> campaigns() {
        return List.of(invitation(), welcomeChain());
    }
}
