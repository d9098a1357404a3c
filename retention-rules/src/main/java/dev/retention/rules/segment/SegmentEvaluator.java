package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.ProfileStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Evaluates a segment over every customer of an event store: streaming over
 * {@link EventStore#readHistories}, one history at a time, optionally on all cores (the common
 * fork-join pool). Customers without events are not evaluated; those without a stored profile get
 * {@link dev.retention.core.profile.CustomerProfile#unknown}. Profiles are looked up only if a
 * condition of the segments reads them (a profile condition or a {@link UserCondition}).
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
    /** Whether a condition of the segments may read the profile; if none does, bulk evaluation skips the lookup. */
    private final boolean profileNeeded;
    /** What bulk evaluation passes as the profile when no condition reads it. */
    private final CustomerProfile noProfile = CustomerProfile.unknown(CustomerId.of("none"));

    private SegmentEvaluator(Builder builder) {
        this.segments = List.copyOf(builder.segments);
        this.catalog = builder.catalog;
        this.parallel = builder.parallel;
        this.profileNeeded = segments.stream().anyMatch(s -> ProfileUse.mayRead(s.condition()));
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
        // the window bounds fixed by now, once for the pass (see BulkPlan)
        BulkPlan[] plans = new BulkPlan[n];
        for (int i = 0; i < n; i++) {
            plans[i] = BulkPlan.of(segments.get(i).condition(), now);
        }
        BulkPlan.Pass pass = new BulkPlan.Pass(now, catalog);
        // one result per customer who is in at least one segment; the others allocate nothing (unless
        // a condition reads the profile or is tested as it is), and their ids are never made
        Stream<Member> read = events.readHistories(history -> {
            CustomerProfile profile = profileNeeded ? profiles.profileOrUnknown(history.customerId()) : noProfile;
            long first = 0; // segments 0 to 63; more for the rest, rarely needed
            long[] more = null;
            for (int i = 0; i < n; i++) {
                if (plans[i].test(history, profile, pass)) {
                    if (i < 64) {
                        first |= 1L << i;
                    } else {
                        if (more == null) {
                            more = new long[(n - 1) >>> 6];
                        }
                        more[(i >>> 6) - 1] |= 1L << i;
                    }
                }
            }
            return first == 0 && more == null ? null : new Member(history.customerId(), first, more);
        });
        Member[] members = (parallel ? read.parallel() : read.sequential()).filter(Objects::nonNull)
                .toArray(Member[]::new);
        // one sort for all segments, on keys held in the members themselves (see Member)
        if (parallel) {
            Arrays.parallelSort(members);
        } else {
            Arrays.sort(members);
        }
        for (int i = 1; i < members.length; i++) {
            if (members[i - 1].compareTo(members[i]) == 0) {
                throw new IllegalStateException("the event store handed over customer " + members[i].id
                        + " twice in one pass");
            }
        }
        // one walk over the members for all segments: the sort leaves them scattered over the heap
        int[] counts = new int[n];
        for (Member member : members) {
            for (int i = 0; i < n; i++) {
                if (member.in(i)) {
                    counts[i]++;
                }
            }
        }
        CustomerId[][] ids = new CustomerId[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = new CustomerId[counts[i]];
            counts[i] = 0;
        }
        for (Member member : members) {
            for (int i = 0; i < n; i++) {
                if (member.in(i)) {
                    ids[i][counts[i]++] = member.id;
                }
            }
        }
        Map<String, Membership> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(segments.get(i).name(), new Membership(segments.get(i).name(), now,
                    new Membership.CheckedIds(ids[i], counts[i])));
        }
        return out;
    }

    /**
     * A customer in at least one segment: which ones, and the first eight characters of the id
     * packed into two longs, so that sorting compares numbers in the array's own objects and reads
     * the id's string only for ids that share those characters. Shorter ids are padded with zero
     * characters, which can only tie with a real zero character: the string comparison then decides,
     * so the order is {@link CustomerId}'s.
     */
    private static final class Member implements Comparable<Member> {
        final CustomerId id;
        private final long head;
        private final long tail;
        /** Bit {@code i} for segment {@code i < 64}. */
        private final long first;
        /** Bit {@code i % 64} of word {@code i / 64 - 1} for segment {@code i >= 64}; null if there are none. */
        private final long[] more;

        Member(CustomerId id, long first, long[] more) {
            this.id = id;
            this.head = chars(id.value(), 0);
            this.tail = chars(id.value(), 4);
            this.first = first;
            this.more = more;
        }

        boolean in(int segment) {
            return segment < 64 ? (first >>> segment & 1) != 0 : (more[(segment >>> 6) - 1] >>> segment & 1) != 0;
        }

        private static long chars(String value, int from) {
            long packed = 0;
            for (int i = from; i < from + 4; i++) {
                packed = packed << 16 | (i < value.length() ? value.charAt(i) : 0);
            }
            return packed;
        }

        @Override
        public int compareTo(Member other) {
            int c = Long.compareUnsigned(head, other.head);
            if (c == 0) {
                c = Long.compareUnsigned(tail, other.tail);
            }
            return c != 0 ? c : id.compareTo(other.id);
        }
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
