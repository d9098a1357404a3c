package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The members of a segment at an instant, sorted by customer id.
 *
 * @param members distinct, in ascending order of {@link CustomerId}
 */
public record Membership(String segment, Instant at, List<CustomerId> members) {

    public Membership {
        requireNonNull(segment, "segment");
        requireNonNull(at, "at");
        members = List.copyOf(requireNonNull(members, "members"));
        for (int i = 1; i < members.size(); i++) {
            checkArgument(members.get(i - 1).compareTo(members.get(i)) < 0,
                    "members must be distinct and sorted, got %s before %s", members.get(i - 1), members.get(i));
        }
    }

    public int count() {
        return members.size();
    }

    public boolean contains(CustomerId customerId) {
        return Collections.binarySearch(members, customerId) >= 0;
    }

    /** Who entered and who left the segment between {@code previous} and this membership. */
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
}
