package dev.retention.testkit.backtest;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.rules.loyalty.TierPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Old tier policy against new over an event log: every customer whose tier at an instant differs.
 * Only events at or before the instant count. Immutable; {@link #at} evaluates on the calling thread.
 */
public final class TierDiff {
    private final TierPolicy before;
    private final TierPolicy after;
    private final EventLog log;

    TierDiff(TierPolicy before, TierPolicy after) {
        this(before, after, null);
    }

    private TierDiff(TierPolicy before, TierPolicy after, EventLog log) {
        this.before = before;
        this.after = after;
        this.log = log;
    }

    /**
     * The customers to compare: everyone with an event in {@code events}.
     *
     * @param events the events, in any order
     * @return a new diff over them
     */
    public TierDiff over(Collection<? extends CustomerEvent> events) {
        return new TierDiff(before, after, EventLog.of(events));
    }

    /**
     * The customers to compare: everyone with an event in the store, read when {@link #at} runs.
     *
     * @param events the store
     * @return a new diff over its customers
     */
    public TierDiff over(EventStore events) {
        return new TierDiff(before, after, EventLog.of(events));
    }

    /**
     * Computes every customer's tier under both policies at {@code at} (events after it do not count).
     *
     * @param at the instant of the comparison
     * @return the customers per tier under each policy and who moves
     * @throws IllegalArgumentException if {@link #over} was not called
     */
    public Result at(Instant at) {
        requireNonNull(at, "at");
        if (log == null) {
            throw new IllegalArgumentException("no event log: call over(...) before at(...)");
        }
        InMemoryEventStore store = log.storeAsOf(at);
        Map<String, Integer> countsBefore = new LinkedHashMap<>();
        Map<String, Integer> countsAfter = new LinkedHashMap<>();
        before.tiers().forEach(t -> countsBefore.put(t.name(), 0));
        after.tiers().forEach(t -> countsAfter.put(t.name(), 0));
        List<Move> moves = new ArrayList<>();
        store.histories().sorted(Comparator.comparing(CustomerHistory::customerId)).forEach(h -> {
            String old = before.tierOf(h, at).tier().name();
            String now = after.tierOf(h, at).tier().name();
            countsBefore.merge(old, 1, Integer::sum);
            countsAfter.merge(now, 1, Integer::sum);
            if (!old.equals(now)) {
                moves.add(new Move(h.customerId(), old, now));
            }
        });
        return new Result(at, countsBefore, countsAfter, moves);
    }

    /** A customer whose tier differs between the two policies. */
    public record Move(CustomerId customerId, String before, String after) {
        /**
         * Checks that the parts are given.
         *
         * @param customerId the customer
         * @param before the tier under the old policy
         * @param after the tier under the new policy
         */
        public Move {
            requireNonNull(customerId, "customerId");
            requireNonNull(before, "before");
            requireNonNull(after, "after");
        }
    }

    /**
     * The difference at one instant.
     *
     * @param before customers per tier under the old policy, in the policy's tier order
     * @param after customers per tier under the new policy, in the policy's tier order
     * @param moves the customers whose tier differs, by id
     */
    public record Result(Instant at, Map<String, Integer> before, Map<String, Integer> after, List<Move> moves) {
        /**
         * Copies the maps (keeping the tier order) and the list.
         *
         * @param at the instant compared
         * @param before customers per tier under the old policy
         * @param after customers per tier under the new policy
         * @param moves the customers whose tier differs
         */
        public Result {
            requireNonNull(at, "at");
            before = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(before));
            after = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(after));
            moves = List.copyOf(moves);
        }

        /**
         * Customers in the tier under the new policy who were not under the old one.
         *
         * @param tier the tier's name
         * @return the customers, by id; empty if none
         */
        public List<CustomerId> entered(String tier) {
            return moves.stream().filter(m -> m.after().equals(tier)).map(Move::customerId).toList();
        }

        /**
         * Customers in the tier under the old policy who are not under the new one.
         *
         * @param tier the tier's name
         * @return the customers, by id; empty if none
         */
        public List<CustomerId> left(String tier) {
            return moves.stream().filter(m -> m.before().equals(tier)).map(Move::customerId).toList();
        }
    }
}
