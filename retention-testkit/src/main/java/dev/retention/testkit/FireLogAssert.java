package dev.retention.testkit;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.campaign.FireStatus;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link FireLog}: which decisions the engine made about whom, and why.
 *
 * <pre>{@code
 * assertThat(driver.fireLog()).hasDecision(dan, "win-back", FireStatus.CANCELLED);
 * assertThat(driver.fireLog()).decisionFor(eve, "win-back").suppressedBecause(DecisionCause.NO_CONSENT);
 * assertThat(driver.fireLog()).hasNoDecision(anna, "win-back");
 * }</pre>
 *
 * Failures list the customer's decisions (campaign, step, status, cause, reason, times).
 */
public final class FireLogAssert extends AbstractAssert<FireLogAssert, FireLog> {

    FireLogAssert(FireLog actual) {
        super(actual, FireLogAssert.class);
    }

    /**
     * Some decision about the customer in the campaign (any entry, any step) has {@code status}.
     *
     * @param customer the customer
     * @param campaignId the campaign's id
     * @param status the expected status
     * @return this assertion
     */
    public FireLogAssert hasDecision(CustomerId customer, String campaignId, FireStatus status) {
        requireNonNull(status, "status");
        List<FireEntry> mine = entries(customer, campaignId);
        if (mine.stream().noneMatch(e -> e.status() == status)) {
            failWithMessage("%nExpecting a %s decision about %s in campaign %s, but there is none.%n%s", status,
                    customer.value(), campaignId, FireEntryAssert.describe(customer, actual.entries(customer)));
        }
        return this;
    }

    /**
     * The engine never decided anything about the customer in the campaign.
     *
     * @param customer the customer
     * @param campaignId the campaign's id
     * @return this assertion
     */
    public FireLogAssert hasNoDecision(CustomerId customer, String campaignId) {
        if (!entries(customer, campaignId).isEmpty()) {
            failWithMessage("%nExpecting no decision about %s in campaign %s, but found some.%n%s", customer.value(),
                    campaignId, FireEntryAssert.describe(customer, actual.entries(customer)));
        }
        return this;
    }

    /**
     * The latest decision about the customer in the campaign, to check its status and cause.
     *
     * @param customer the customer
     * @param campaignId the campaign's id
     * @return an assertion on that decision (fails at once if there is none)
     */
    public FireEntryAssert decisionFor(CustomerId customer, String campaignId) {
        List<FireEntry> mine = entries(customer, campaignId);
        if (mine.isEmpty()) {
            failWithMessage("%nExpecting a decision about %s in campaign %s, but there is none.%n%s", customer.value(),
                    campaignId, FireEntryAssert.describe(customer, actual.entries(customer)));
        }
        return new FireEntryAssert(mine.get(mine.size() - 1), actual.entries(customer));
    }

    private List<FireEntry> entries(CustomerId customer, String campaignId) {
        isNotNull();
        requireNonNull(customer, "customer");
        requireNonNull(campaignId, "campaignId");
        return actual.entries(customer).stream().filter(e -> e.campaignId().equals(campaignId)).toList();
    }
}
