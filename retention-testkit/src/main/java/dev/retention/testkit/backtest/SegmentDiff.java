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

    /**
     * The customers to compare: everyone with an event in {@code events}.
     *
     * @param events the events, in any order
     * @return a new diff over them
     */
    public SegmentDiff over(Collection<? extends CustomerEvent> events) {
        return new SegmentDiff(before, after, EventLog.of(events), profiles);
    }

    /**
     * The customers to compare: everyone with an event in the store, read when {@link #at} runs.
     *
     * @param events the store
     * @return a new diff over its customers
     */
    public SegmentDiff over(EventStore events) {
        return new SegmentDiff(before, after, EventLog.of(events), profiles);
    }

    /**
     * The customers' profiles, for conditions on consent or attributes; none by default.
     *
     * @param profiles the profiles; customers without one have an unknown profile
     * @return a new diff with them
     */
    public SegmentDiff profiles(ProfileStore profiles) {
        return new SegmentDiff(before, after, log, requireNonNull(profiles, "profiles"));
    }

    /**
     * Evaluates both definitions for every customer at {@code at} (events after it do not count).
     *
     * @param at the instant of the comparison
     * @return the member counts and who enters and who leaves
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
        /**
         * Copies the lists.
         *
         * @param at the instant compared
         * @param before members under the old definition
         * @param after members under the new definition
         * @param entered new-only members
         * @param left old-only members
         */
        public Result {
            requireNonNull(at, "at");
            entered = List.copyOf(entered);
            left = List.copyOf(left);
        }
    }
}
