package dev.retention.testkit.backtest;

import static java.util.Objects.requireNonNull;

import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.loyalty.TierPolicy;
import dev.retention.rules.segment.Segment;

/**
 * The impact of a change before it goes live: who enters and who leaves a segment or a tier, or
 * which messages a campaign would add or drop.
 *
 * <pre>{@code
 * SegmentDiff.Result r = Diff.of(oldWinBack, newWinBack).over(events).at(now);
 * r.entered();  r.left();
 * TierDiff.Result t = Diff.of(oldTiers, newTiers).over(events).at(now);
 * t.moves();    t.entered("Gold");
 * CampaignDiff.Result c = Diff.of(oldCampaign, newCampaign).over(events).from(a).to(b);
 * c.added();    c.dropped();
 * }</pre>
 */
public final class Diff {
    private Diff() {
    }

    /**
     * Segment membership at an instant, old definition against new.
     *
     * @param before the old definition
     * @param after the new definition
     * @return the diff, to complete with {@link SegmentDiff#over} and {@link SegmentDiff#at}
     */
    public static SegmentDiff of(Segment before, Segment after) {
        return new SegmentDiff(requireNonNull(before, "before"), requireNonNull(after, "after"));
    }

    /**
     * Tier of every customer at an instant, old policy against new.
     *
     * @param before the old policy
     * @param after the new policy
     * @return the diff, to complete with {@link TierDiff#over} and {@link TierDiff#at}
     */
    public static TierDiff of(TierPolicy before, TierPolicy after) {
        return new TierDiff(requireNonNull(before, "before"), requireNonNull(after, "after"));
    }

    /**
     * Messages over a replayed period, old campaign against new (each backtested on its own).
     *
     * @param before the old campaign
     * @param after the new campaign
     * @return the diff, to complete with {@link CampaignDiff#over}, {@link CampaignDiff#from} and
     *     {@link CampaignDiff.Replay#to}
     */
    public static CampaignDiff of(Campaign before, Campaign after) {
        return new CampaignDiff(requireNonNull(before, "before"), requireNonNull(after, "after"));
    }
}
