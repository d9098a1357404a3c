package dev.retention.testkit.backtest;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.metrics.CampaignUplift;
import dev.retention.metrics.OrderLog;
import dev.retention.metrics.UpliftAssignment;
import dev.retention.metrics.UpliftGroup;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outcome of a {@link Backtest}: per campaign, in the order given, what would have been sent;
 * and every decision of the replay, for drilling down or diffing.
 *
 * @param from the first instant of the replay
 * @param to the end of the replay (exclusive)
 * @param conversionWindow how long after a decision an order counted as a conversion
 * @param campaigns one outcome per campaign, in the order the backtest was given them
 * @param decisions every fire log entry of the replay, in the order recorded, in its final state
 */
public record BacktestResult(Instant from, Instant to, Duration conversionWindow, List<CampaignOutcome> campaigns,
        List<FireEntry> decisions) {

    /**
     * Copies the lists.
     *
     * @param from the start of the replay
     * @param to the end of the replay
     * @param conversionWindow the conversion window
     * @param campaigns the outcomes, one per campaign
     * @param decisions the fire log entries
     */
    public BacktestResult {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(conversionWindow, "conversionWindow");
        campaigns = List.copyOf(campaigns);
        decisions = List.copyOf(decisions);
    }

    static BacktestResult of(List<Campaign> campaigns, List<FireEntry> decisions, OrderLog orders, Instant from,
            Instant to, Duration window) {
        List<CampaignOutcome> outcomes = new ArrayList<>();
        for (Campaign campaign : campaigns) {
            outcomes.add(outcome(campaign.id(), decisions, orders, window));
        }
        return new BacktestResult(from, to, window, outcomes, decisions);
    }

    /**
     * The outcome of the campaign with this id.
     *
     * @param campaignId the campaign's id
     * @return the outcome, or empty if the backtest had no such campaign
     */
    public Optional<CampaignOutcome> campaign(String campaignId) {
        return campaigns.stream().filter(c -> c.campaignId().equals(campaignId)).findFirst();
    }

    /**
     * The campaign's entries that reached this status, in the order recorded.
     *
     * @param campaignId the campaign's id
     * @param status the final status, e.g. {@code SENT} or {@code HELD_OUT}
     * @return the entries, an immutable list
     */
    public List<FireEntry> decisions(String campaignId, FireStatus status) {
        return decisions.stream().filter(e -> e.campaignId().equals(campaignId) && e.status() == status).toList();
    }

    private static CampaignOutcome outcome(String id, List<FireEntry> decisions, OrderLog orders, Duration window) {
        int entries = 0;
        int sent = 0;
        int suppressed = 0;
        Set<CustomerId> reached = new HashSet<>();
        Set<CustomerId> heldOut = new HashSet<>();
        for (FireEntry e : decisions) {
            if (!e.campaignId().equals(id)) {
                continue;
            }
            if (e.step() == 0) {
                entries++;
                if (e.status() == FireStatus.SUPPRESSED) {
                    suppressed++;
                } else if (e.status() == FireStatus.HELD_OUT) {
                    heldOut.add(e.customerId());
                }
            }
            if (e.status() == FireStatus.SENT) {
                sent++;
                reached.add(e.customerId());
            }
        }
        List<UpliftAssignment> assignments = UpliftAssignments.of(decisions, id);
        boolean bothGroups = assignments.stream().anyMatch(a -> a.group() == UpliftGroup.TREATED)
                && assignments.stream().anyMatch(a -> a.group() == UpliftGroup.HOLDOUT);
        Optional<CampaignUplift> uplift = bothGroups
                ? Optional.of(CampaignUplift.of(orders, assignments, window))
                : Optional.empty();
        return new CampaignOutcome(id, entries, sent, reached.size(), heldOut.size(), suppressed, uplift);
    }
}
