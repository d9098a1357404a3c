package dev.retention.rules.loyalty;

import dev.retention.core.CustomerId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replays a customer's activity through a {@link TierPolicy} up to an instant (inclusive): upgrades
 * at the activity that crosses a threshold, reviews, at-risk notices and grace periods.
 *
 * <p>A review's verdict is what the customer qualified for in the reviewed window; a grace period
 * only delays it (the customer never ends below that verdict because more activity rolled out of
 * the window during the grace period), which keeps the tier monotone in spend.
 */
final class TierTimeline {
    private static final int REVIEW = 0;
    private static final int NOTICE = 1;
    private static final int INCREASE = 2;
    private static final int DEADLINE = 3;

    private final TierPolicy policy;
    private final QualifyingActivity activity;
    private final Instant at;
    private final List<Change> changes = new ArrayList<>();
    private int tier;
    private Instant since;
    private Instant deadline;
    private int verdict;

    private record Change(TierChangeKind kind, Instant at, int from, int to) {}

    TierTimeline(TierPolicy policy, QualifyingActivity activity, Instant at) {
        this.policy = policy;
        this.activity = activity;
        this.at = at;
        run();
    }

    private void run() {
        List<Instant> increases = activity.increasesIn(Instant.MIN, at.plusNanos(1));
        if (increases.isEmpty()) {
            return;
        }
        Duration notice = policy.atRiskNotice();
        Instant review = policy.nextReview(increases.get(0));
        boolean noticeDue = !notice.isZero() && !review.minus(notice).isBefore(increases.get(0));
        int next = 0;
        while (true) {
            Instant best = null;
            int kind = -1;
            if (!review.isAfter(at)) {
                best = review;
                kind = REVIEW;
            }
            if (noticeDue && !review.minus(notice).isAfter(at) && isBefore(review.minus(notice), best)) {
                best = review.minus(notice);
                kind = NOTICE;
            }
            if (next < increases.size() && isBefore(increases.get(next), best)) {
                best = increases.get(next);
                kind = INCREASE;
            }
            if (deadline != null && !deadline.isAfter(at) && isBefore(deadline, best)) {
                best = deadline;
                kind = DEADLINE;
            }
            if (best == null) {
                return;
            }
            if (kind == REVIEW) {
                review(review);
                review = policy.nextReview(review);
                noticeDue = !notice.isZero();
            } else if (kind == NOTICE) {
                notice(best, review);
                noticeDue = false;
            } else if (kind == INCREASE) {
                increase(best);
                next++;
            } else {
                deadline(best);
            }
        }
    }

    /** Strictly before, so that at equal instants the earlier-ranked kind wins. */
    private static boolean isBefore(Instant candidate, Instant best) {
        return best == null || candidate.isBefore(best);
    }

    private void review(Instant review) {
        if (tier == 0) {
            return;
        }
        int judged = policy.indexFor(activity.valueIn(policy.window().reviewStartFor(review, policy.zone()), review));
        if (judged >= tier) {
            deadline = null;
        } else if (policy.gracePeriod().isZero()) {
            change(TierChangeKind.DOWNGRADED, review, judged);
        } else {
            deadline = review.plus(policy.gracePeriod());
            verdict = judged;
            changes.add(new Change(TierChangeKind.AT_RISK, review, tier, judged));
        }
    }

    private void notice(Instant when, Instant review) {
        if (tier == 0 || deadline != null) {
            return;
        }
        int projected = policy.indexFor(valueCountedAt(review, when));
        if (projected < tier) {
            changes.add(new Change(TierChangeKind.AT_RISK, when, tier, projected));
        }
    }

    private void increase(Instant when) {
        int qualified = policy.indexFor(currentValue(when));
        if (qualified > tier) {
            change(TierChangeKind.UPGRADED, when, qualified);
        }
        if (deadline != null && qualified >= tier) {
            deadline = null;
        }
    }

    private void deadline(Instant when) {
        int target = Math.max(verdict, policy.indexFor(currentValue(when)));
        if (target < tier) {
            change(TierChangeKind.DOWNGRADED, when, target);
        }
        deadline = null;
    }

    private void change(TierChangeKind kind, Instant when, int to) {
        changes.add(new Change(kind, when, tier, to));
        tier = to;
        since = when;
    }

    /** The value in the window ending at {@code when}, inclusive. */
    private long currentValue(Instant when) {
        return activity.valueIn(policy.window().startFor(when, policy.zone()), when.plusNanos(1));
    }

    /** The activity up to {@code when} (inclusive) that the review on {@code review} will count. */
    private long valueCountedAt(Instant review, Instant when) {
        Instant start = policy.window().reviewStartFor(review, policy.zone());
        return start.isAfter(when) ? 0 : activity.valueIn(start, when.plusNanos(1));
    }

    TierStatus status() {
        List<Tier> tiers = policy.tiers();
        Tier current = tiers.get(tier);
        long value = currentValue(at);
        Optional<Tier> nextTier = tier + 1 < tiers.size() ? Optional.of(tiers.get(tier + 1)) : Optional.empty();
        long missing = nextTier.map(t -> Math.max(0, t.threshold() - value)).orElse(0L);
        Instant nextReview = policy.nextReview(at);
        long needed;
        if (tier == 0) {
            needed = 0;
        } else if (deadline != null) {
            needed = Math.max(0, current.threshold() - value);
        } else {
            needed = Math.max(0, current.threshold() - valueCountedAt(nextReview, at));
        }
        return new TierStatus(at, current, Optional.ofNullable(since), policy.measure(), policy.currency(), value,
                policy.window().startFor(at, policy.zone()), policy.window().describe(), nextTier, missing,
                nextReview, needed, Optional.ofNullable(deadline));
    }

    List<TierChange> changes(CustomerId customerId) {
        List<TierChange> out = new ArrayList<>();
        for (Change c : changes) {
            out.add(new TierChange(customerId, c.kind(), c.at(), policy.tiers().get(c.from()).name(),
                    policy.tiers().get(c.to()).name()));
        }
        return out;
    }
}
