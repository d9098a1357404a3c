package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.ProfileStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Several segments are best evaluated together, in one pass: each customer's history is
 * taken and their profile looked up once for all of them.
 *
 * <pre>{@code
 * SegmentEvaluator nightly = SegmentEvaluator.builder(abandonedView, loyal, rising, winBack).parallel(true).build();
 * Map<String, Membership> bySegment = nightly.membersOfEach(events, profiles, now);
 * }</pre>
 *
 * <p>Immutable and thread-safe; the result does not depend on parallelism.
 */
public final class SegmentEvaluator {
    private final List<Segment> segments;
    private final Catalog catalog;
    private final boolean parallel;

    private SegmentEvaluator(Builder builder) {
        this.segments = List.copyOf(builder.segments);
        this.catalog = builder.catalog;
        this.parallel = builder.parallel;
    }

    /**
     * An evaluator of one segment, for {@link SegmentEvaluator#members}.
     *
     * @param segment the segment
     * @return a builder, sequential and without a catalog until told otherwise
     */
    public static Builder builder(Segment segment) {
        return new Builder(List.of(requireNonNull(segment, "segment")));
    }

    /**
     * An evaluator of several segments at once, for {@link #membersOfEach}.
     *
     * @param first the first segment
     * @param more the other segments, none null
     * @return a builder, sequential and without a catalog until told otherwise
     * @throws IllegalArgumentException if two segments share a name
     */
    public static Builder builder(Segment first, Segment... more) {
        List<Segment> all = new java.util.ArrayList<>();
        all.add(requireNonNull(first, "first"));
        for (Segment s : more) {
            all.add(requireNonNull(s, "segment"));
        }
        return new Builder(all);
    }

    /**
     * A sequential evaluator without a catalog (a category condition throws).
     *
     * @param segment the segment
     * @return the evaluator
     */
    public static SegmentEvaluator of(Segment segment) {
        return builder(segment).build();
    }

    /**
     * The (first) segment.
     *
     * @return the segment given first
     */
    public Segment segment() {
        return segments.get(0);
    }

    /**
     * The segments, in the order given.
     *
     * @return the segments, unmodifiable
     */
    public List<Segment> segments() {
        return segments;
    }

    /**
     * The segment's members at {@code now}, sorted by id. Reads every history of {@code events} once;
     * customers without events are never members, and a customer without a stored profile is evaluated
     * with an unknown profile.
     *
     * @param events the store whose customers are evaluated
     * @param profiles where the customers' profiles are looked up
     * @param now the instant of evaluation; events after it do not count
     * @return the members at {@code now}
     * @throws IllegalStateException if this evaluator holds several segments: use {@link #membersOfEach},
     *     or if a category condition is evaluated without a catalog
     */
    public Membership members(EventStore events, ProfileStore profiles, Instant now) {
        if (segments.size() != 1) {
            throw new IllegalStateException("this evaluator holds " + segments.size()
                    + " segments; use membersOfEach");
        }
        return membersOfEach(events, profiles, now).get(segments.get(0).name());
    }

    /**
     * Every segment's members at {@code now}, by segment name, in the order the segments were given: one
     * pass over the store for all of them.
     *
     * @param events the store whose customers are evaluated
     * @param profiles where the customers' profiles are looked up
     * @param now the instant of evaluation; events after it do not count
     * @return the members of each segment, by name, in the order given
     * @throws IllegalStateException if a category condition is evaluated without a catalog
     */
    public Map<String, Membership> membersOfEach(EventStore events, ProfileStore profiles, Instant now) {
        requireNonNull(events, "events");
        requireNonNull(profiles, "profiles");
        requireNonNull(now, "now");
        int n = segments.size();
        Stream<CustomerHistory> histories = events.histories();
        List<List<CustomerId>> found = (parallel ? histories.parallel() : histories.sequential()).collect(
                () -> emptyLists(n),
                (lists, history) -> {
                    EvaluationContext context = new EvaluationContext(history,
                            profiles.profileOrUnknown(history.customerId()), now, catalog);
                    for (int i = 0; i < n; i++) {
                        if (segments.get(i).test(context)) {
                            lists.get(i).add(history.customerId());
                        }
                    }
                },
                (left, right) -> {
                    for (int i = 0; i < n; i++) {
                        left.get(i).addAll(right.get(i));
                    }
                });
        Map<String, Membership> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            CustomerId[] members = found.get(i).toArray(CustomerId[]::new);
            if (parallel) {
                Arrays.parallelSort(members);
            } else {
                Arrays.sort(members);
            }
            out.put(segments.get(i).name(), new Membership(segments.get(i).name(), now, Arrays.asList(members)));
        }
        return out;
    }

    private static List<List<CustomerId>> emptyLists(int n) {
        List<List<CustomerId>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    /**
     * The members at {@code now} compared with an earlier evaluation: who entered, who left.
     *
     * @param previous an earlier membership of the same segment (the name is not checked)
     * @param events the store whose customers are evaluated
     * @param profiles where the customers' profiles are looked up
     * @param now the instant of evaluation
     * @return the change from {@code previous.at()} to {@code now}
     * @throws IllegalStateException if this evaluator holds several segments
     */
    public MembershipChange changesSince(Membership previous, EventStore events, ProfileStore profiles, Instant now) {
        return members(events, profiles, now).changesSince(previous);
    }

    /** Configures a {@link SegmentEvaluator}; not thread-safe. */
    public static final class Builder {
        private final List<Segment> segments;
        private Catalog catalog = Catalog.empty();
        private boolean parallel;

        private Builder(List<Segment> segments) {
            java.util.Set<String> names = new java.util.HashSet<>();
            for (Segment s : segments) {
                checkArgument(names.add(s.name()), "segment names must be unique, '%s' appears twice", s.name());
            }
            this.segments = segments;
        }

        /**
         * The catalog for category conditions; default {@link Catalog#empty()}, under which they throw.
         *
         * @param catalog the catalog; called from several threads if the evaluator is parallel
         * @return this builder
         */
        public Builder catalog(Catalog catalog) {
            this.catalog = requireNonNull(catalog, "catalog");
            return this;
        }

        /**
         * Whether to use all cores (the common fork-join pool); default false. The result is the same either way.
         *
         * @param parallel true to evaluate customers in parallel
         * @return this builder
         */
        public Builder parallel(boolean parallel) {
            this.parallel = parallel;
            return this;
        }

        /**
         * Builds the evaluator; the builder may be reused.
         *
         * @return the immutable, thread-safe evaluator
         */
        public SegmentEvaluator build() {
            return new SegmentEvaluator(this);
        }
    }
}
