package dev.retention.testkit.backtest;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.metrics.UpliftAssignment;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The adapter from a campaign's fire log to the metrics module's {@code CampaignUplift}: one
 * {@link UpliftAssignment} per customer, from their first entry into the campaign that was
 * either sent ({@link FireStatus#SENT}, treated) or held out ({@link FireStatus#HELD_OUT},
 * holdout). Only first messages (step 0) count; later entries of the
 * same customer are left out because the uplift metric counts each customer once, and entries
 * that were suppressed, cancelled, failed or are still pending belong to neither group.
 *
 * <p>The assignment's time is one nanosecond after the entry's {@code decidedAt}: the order that
 * made a trigger fire (a loyalty threshold crossed, a rising frequency) is stamped with the very
 * instant of the decision, and it must not count as the customer's answer to the letter. So a
 * customer converts with an order in
 * {@code [decidedAt + 1ns, decidedAt + 1ns + window)}.
 */
public final class UpliftAssignments {
    private UpliftAssignments() {
    }

    /**
     * @param entries fire log entries in the order recorded (as {@code FireLog.entries()} lists them)
     * @param campaignId the campaign to measure; entries of other campaigns are ignored
     * @return one assignment per customer, treated or held out, in the order of their first such entry
     */
    public static List<UpliftAssignment> of(Collection<FireEntry> entries, String campaignId) {
        requireNonNull(entries, "entries");
        requireNonNull(campaignId, "campaignId");
        Set<CustomerId> seen = new HashSet<>();
        List<UpliftAssignment> out = new ArrayList<>();
        for (FireEntry e : entries) {
            if (!e.campaignId().equals(campaignId) || e.step() != 0) {
                continue;
            }
            if (e.status() == FireStatus.SENT && seen.add(e.customerId())) {
                out.add(UpliftAssignment.treated(e.customerId(), e.decidedAt().plusNanos(1)));
            } else if (e.status() == FireStatus.HELD_OUT && seen.add(e.customerId())) {
                out.add(UpliftAssignment.holdout(e.customerId(), e.decidedAt().plusNanos(1)));
            }
        }
        return List.copyOf(out);
    }
}
