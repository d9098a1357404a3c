package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The members of a segment at an instant, sorted by customer id.
 *
 * @param segment the segment's name
 * @param at the instant the segment was evaluated at
 * @param members distinct, in ascending order of {@link CustomerId}
 */
public record Membership(String segment, Instant at, List<CustomerId> members) {

    /**
     * Validates the components and copies {@code members}.
     *
     * @param segment the segment's name
     * @param at the instant the segment was evaluated at
     * @param members distinct, in ascending order of {@link CustomerId}
     * @throws IllegalArgumentException if {@code members} is not strictly ascending (duplicates or unsorted)
     * @throws NullPointerException if a component is null
     */
    public Membership {
        requireNonNull(segment, "segment");
        requireNonNull(at, "at");
        // the evaluator's lists are sorted and distinct by construction (it checks its own sort);
        // checking again would read every member's id string, scattered over the heap, once more
        boolean checked = members instanceof CheckedIds;
        members = List.copyOf(requireNonNull(members, "members"));
        for (int i = 1; i < members.size() && !checked; i++) {
            checkArgument(members.get(i - 1).compareTo(members.get(i)) < 0,
                    "members must be distinct and sorted, got %s before %s", members.get(i - 1), members.get(i));
        }
    }

    /**
     * The number of members.
     *
     * @return the size of {@link #members()}
     */
    public int count() {
        return members.size();
    }

    /**
     * Whether the customer is a member (a binary search, O(log n)).
     *
     * @param customerId the customer
     * @return true if the customer is among the members
     */
    public boolean contains(CustomerId customerId) {
        return Collections.binarySearch(members, customerId) >= 0;
    }

    /**
     * Who entered and who left the segment between {@code previous} and this membership; one merge pass
     * over both sorted lists.
     *
     * @param previous the earlier membership (its segment name is not compared)
     * @return the change from {@code previous.at()} to {@link #at()}
     */
    public MembershipChange changesSince(Membership previous) {
        requireNonNull(previous, "previous");
        List<CustomerId> entered = new ArrayList<>();
        List<CustomerId> left = new ArrayList<>();
        List<CustomerId> before = previous.members();
        int i = 0;
        int j = 0;
        // both lists are sorted: one merge pass
        while (i < before.size() || j < members.size()) {
            int cmp = i == before.size() ? 1 : j == members.size() ? -1 : before.get(i).compareTo(members.get(j));
            if (cmp < 0) {
                left.add(before.get(i++));
            } else if (cmp > 0) {
                entered.add(members.get(j++));
            } else {
                i++;
                j++;
            }
        }
        return new MembershipChange(previous.at(), at, entered, left);
    }

    /**
     * Ids that {@link SegmentEvaluator} sorted and found distinct, so that the constructor need not
     * compare them again. Package-private: only the evaluator makes one.
     */
    static final class CheckedIds extends AbstractList<CustomerId> {
        private final CustomerId[] ids;
        private final int size;

        CheckedIds(CustomerId[] ids, int size) {
            this.ids = ids;
            this.size = size;
        }

        @Override
        public CustomerId get(int index) {
            Objects.checkIndex(index, size);
            return ids[index];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public Object[] toArray() {
            return Arrays.copyOf(ids, size, Object[].class);
        }
    }
}
