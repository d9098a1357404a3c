package dev.retention.testkit.backtest;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.metrics.CampaignUplift;
import java.util.Optional;

/**
 * What one campaign would have done in a backtest.
 *
 * @param campaignId the campaign
 * @param entries how many times customers entered the campaign (first-step decisions of any status)
 * @param messagesSent messages that would have been sent, every step of every entry
 * @param customersReached distinct customers sent at least one message
 * @param heldOutCustomers distinct customers put in the holdout group
 * @param suppressed first-step decisions a guard suppressed (consent, cooldown, frequency cap)
 * @param uplift conversion of treated versus held-out customers; empty unless both groups have a customer
 */
public record CampaignOutcome(String campaignId, int entries, int messagesSent, int customersReached,
        int heldOutCustomers, int suppressed, Optional<CampaignUplift> uplift) {

    /**
     * Checks the counts.
     *
     * @param campaignId the campaign's id
     * @param entries the campaign's entries, not negative
     * @param messagesSent messages sent, not negative
     * @param customersReached customers reached, not negative
     * @param heldOutCustomers customers held out, not negative
     * @param suppressed suppressed first steps, not negative
     * @param uplift the uplift, if both groups have a customer
     * @throws IllegalArgumentException if a count is negative
     */
    public CampaignOutcome {
        requireNonNull(campaignId, "campaignId");
        checkArgument(entries >= 0, "entries must not be negative, got %s", entries);
        checkArgument(messagesSent >= 0, "messagesSent must not be negative, got %s", messagesSent);
        checkArgument(customersReached >= 0, "customersReached must not be negative, got %s", customersReached);
        checkArgument(heldOutCustomers >= 0, "heldOutCustomers must not be negative, got %s", heldOutCustomers);
        checkArgument(suppressed >= 0, "suppressed must not be negative, got %s", suppressed);
        requireNonNull(uplift, "uplift");
    }
}
