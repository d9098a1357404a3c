package dev.retention.testkit;

import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireLog;
import dev.retention.rules.loyalty.PointsLedger;
import dev.retention.rules.loyalty.TierPolicy;
import dev.retention.rules.segment.Segment;
import java.util.List;

/**
 * The AssertJ entry point for retention: statically import {@code RetentionAssertions.assertThat}
 * next to AssertJ's own {@code Assertions.assertThat} (the overloads do not clash).
 *
 * <pre>{@code
 * assertThat(driver.outbox()).sentTo(carla).campaign("win-back").exactlyOnce().withProduct("tent");
 * assertThat(driver.fireLog()).decisionFor(eve, "win-back").suppressedBecause(DecisionCause.NO_CONSENT);
 * assertThat(winBack).matches(history).at(now);
 * assertThat(ledger).balanceOf(anna).at(now).isEqualTo(120);
 * assertThat(tiers).tierOf(history).at(now).is("Gold");
 * }</pre>
 *
 * Every failure message explains itself: segment failures carry the explanation tree and the
 * customer's recent events, outbox and fire-log failures the engine's decisions with their reasons.
 */
public final class RetentionAssertions {
    private RetentionAssertions() {
    }

    /**
     * Assertions on what was sent, to whom and when (see {@link OutboxAssert}).
     *
     * @param outbox what a driver sent, from {@link CampaignTestDriver#outbox()}
     * @return the assertion
     */
    public static OutboxAssert assertThat(Outbox outbox) {
        return new OutboxAssert(outbox);
    }

    /**
     * Assertions on the engine's decisions (see {@link FireLogAssert}).
     *
     * @param fireLog the fire log, e.g. {@link CampaignTestDriver#fireLog()}
     * @return the assertion
     */
    public static FireLogAssert assertThat(FireLog fireLog) {
        return new FireLogAssert(fireLog);
    }

    /**
     * One decision; a failure does not list the customer's other decisions (for that, use
     * {@link FireLogAssert#decisionFor}).
     *
     * @param entry the decision
     * @return the assertion
     */
    public static FireEntryAssert assertThat(FireEntry entry) {
        return new FireEntryAssert(entry, entry == null ? List.of() : List.of(entry));
    }

    /**
     * Assertions on who is a member of the segment and when (see {@link SegmentAssert}).
     *
     * @param segment the segment
     * @return the assertion
     */
    public static SegmentAssert assertThat(Segment segment) {
        return new SegmentAssert(segment);
    }

    /**
     * Assertions on customers' points balances (see {@link LedgerAssert}).
     *
     * @param ledger the ledger
     * @return the assertion
     */
    public static LedgerAssert assertThat(PointsLedger ledger) {
        return new LedgerAssert(ledger);
    }

    /**
     * Assertions on customers' tiers (see {@link TierPolicyAssert}).
     *
     * @param policy the tier policy
     * @return the assertion
     */
    public static TierPolicyAssert assertThat(TierPolicy policy) {
        return new TierPolicyAssert(policy);
    }
}
