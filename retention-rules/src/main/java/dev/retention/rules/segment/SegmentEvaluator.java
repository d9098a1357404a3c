package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.ProfileStore;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Evaluates a segment over every customer of an event store: streaming over
 * {@link EventStore#histories()}, one history at a time, optionally on all cores (the common
 * fork-join pool). Customers without events are not evaluated; those without a stored profile get
 * {@link dev.retention.core.profile.CustomerProfile#unknown}.
 *
 * <pre>{@code
 * SegmentEvaluator evaluator = SegmentEvaluator.builder(winBack).parallel(true).build();
 * Membership today = evaluator.members(events, profiles, now);
 * MembershipChange change = today.changesSince(yesterday);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the result does not depend on parallelism.
 */
public final class SegmentEvaluator {
    private final Segment segment;
    private final Catalog catalog;
    private final boolean parallel;

    private SegmentEvaluator(Builder builder) {
        this.segment = builder.segment;
        this.catalog = builder.catalog;
        this.parallel = builder.parallel;
    }

    public static Builder builder(Segment segment) {
        return new Builder(segment);
    }

    /** A sequential evaluator with an empty catalog. */
    public static SegmentEvaluator of(Segment segment) {
        return builder(segment).build();
    }

    public Segment segment() {
        return segment;
    }

    /** The segment's members at {@code now}, sorted by id. */
    public Membership members(EventStore events, ProfileStore profiles, Instant now) {
        requireNonNull(events, "events");
        requireNonNull(profiles, "profiles");
        requireNonNull(now, "now");
        Stream<CustomerHistory> histories = events.histories();
        List<CustomerId> members = (parallel ? histories.parallel() : histories.sequential())
                .filter(history -> segment.test(new EvaluationContext(history,
                        profiles.profileOrUnknown(history.customerId()), now, catalog)))
                .map(CustomerHistory::customerId)
                .sorted()
                .toList();
        return new Membership(segment.name(), now, members);
    }

    /** The members at {@code now} compared with an earlier evaluation. */
    public MembershipChange changesSince(Membership previous, EventStore events, ProfileStore profiles, Instant now) {
        return members(events, profiles, now).changesSince(previous);
    }

    /** Configures a {@link SegmentEvaluator}; not thread-safe. */
    public static final class Builder {
        private final Segment segment;
        private Catalog catalog = Catalog.empty();
        private boolean parallel;

        private Builder(Segment segment) {
            this.segment = requireNonNull(segment, "segment");
        }

        /** The catalog for category conditions; default {@link Catalog#empty()}. */
        public Builder catalog(Catalog catalog) {
            this.catalog = requireNonNull(catalog, "catalog");
            return this;
        }

        /** Whether to use all cores (the common fork-join pool); default false. */
        public Builder parallel(boolean parallel) {
            this.parallel = parallel;
            return this;
        }

        public SegmentEvaluator build() {
            return new SegmentEvaluator(this);
        }
    }
}
