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

    public TierDiff over(Collection<? extends CustomerEvent> events) {
        return new TierDiff(before, after, EventLog.of(events));
    }

    public TierDiff over(EventStore events) {
        return new TierDiff(before, after, EventLog.of(events));
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
        public Result {
            requireNonNull(at, "at");
            before = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(before));
            after = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(after));
            moves = List.copyOf(moves);
        }

        /** Customers in the tier under the new policy who were not under the old one. */
        public List<CustomerId> entered(String tier) {
            return moves.stream().filter(m -> m.after().equals(tier)).map(Move::customerId).toList();
        }

        /** Customers in the tier under the old policy who are not under the new one. */
        public List<CustomerId> left(String tier) {
            return moves.stream().filter(m -> m.before().equals(tier)).map(Move::customerId).toList();
        }
    }
}
