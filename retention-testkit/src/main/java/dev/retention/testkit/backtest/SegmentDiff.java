package dev.retention.testkit.backtest;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.core.store.ProfileStore;
import dev.retention.rules.segment.Membership;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentEvaluator;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Old segment definition against new over an event log: who would enter and who would leave at
 * an instant. Only events at or before the instant count. Immutable; {@link #at} evaluates on the
 * calling thread.
 */
public final class SegmentDiff {
    private final Segment before;
    private final Segment after;
    private final EventLog log;
    private final ProfileStore profiles;

    SegmentDiff(Segment before, Segment after) {
        this(before, after, null, new InMemoryProfileStore());
    }

    private SegmentDiff(Segment before, Segment after, EventLog log, ProfileStore profiles) {
        this.before = before;
        this.after = after;
        this.log = log;
        this.profiles = profiles;
    }

    public SegmentDiff over(Collection<? extends CustomerEvent> events) {
        return new SegmentDiff(before, after, EventLog.of(events), profiles);
    }

    public SegmentDiff over(EventStore events) {
        return new SegmentDiff(before, after, EventLog.of(events), profiles);
    }

    /** The customers' profiles, for conditions on consent or attributes; none by default. */
    public SegmentDiff profiles(ProfileStore profiles) {
        return new SegmentDiff(before, after, log, requireNonNull(profiles, "profiles"));
    }

    /**
     * @throws IllegalArgumentException if {@link #over} was not called
     */
    public Result at(Instant at) {
        requireNonNull(at, "at");
        if (log == null) {
            throw new IllegalArgumentException("no event log: call over(...) before at(...)");
        }
        InMemoryEventStore store = log.storeAsOf(at);
        Membership old = SegmentEvaluator.of(before).members(store, profiles, at);
        Membership now = SegmentEvaluator.of(after).members(store, profiles, at);
        var change = now.changesSince(old);
        return new Result(at, old.count(), now.count(), change.entered(), change.left());
    }

    /**
     * The difference at one instant.
     *
     * @param before members under the old definition
     * @param after members under the new definition
     * @param entered members under the new definition only, sorted by id
     * @param left members under the old definition only, sorted by id
     */
    public record Result(Instant at, int before, int after, List<CustomerId> entered, List<CustomerId> left) {
        public Result {
            requireNonNull(at, "at");
            entered = List.copyOf(entered);
            left = List.copyOf(left);
        }
    }
}
