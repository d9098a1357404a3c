package dev.retention.rules.customer;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.loyalty.LedgerSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * Everything the library keeps about one customer, read in one step by
 * {@link CustomerStateStore#read}: no change of this customer falls between the parts.
 *
 * @param customerId whose state this is
 * @param history the customer's events, in time order
 * @param profile the stored profile, if any
 * @param decisions the customer's fire-log entries, in the order recorded (the campaign decisions
 *     and the re-entry memory)
 * @param ledger the customer's loyalty ledger entries and version
 */
public record CustomerState(CustomerId customerId, CustomerHistory history, Optional<CustomerProfile> profile,
        List<FireEntry> decisions, LedgerSnapshot ledger) {

    /**
     * Checks that every part is present and belongs to {@code customerId}; copies {@code decisions}.
     *
     * @param customerId whose state this is
     * @param history the customer's events
     * @param profile the stored profile, if any
     * @param decisions the customer's fire-log entries; copied
     * @param ledger the customer's ledger snapshot
     * @throws NullPointerException if a part is null
     * @throws IllegalArgumentException if a part belongs to another customer (the message names both)
     */
    public CustomerState {
        requireNonNull(customerId, "customerId");
        requireNonNull(history, "history");
        requireNonNull(profile, "profile");
        decisions = List.copyOf(requireNonNull(decisions, "decisions"));
        requireNonNull(ledger, "ledger");
        checkArgument(history.customerId().equals(customerId), "history belongs to %s, not to %s",
                history.customerId(), customerId);
        profile.ifPresent(p -> checkArgument(p.customerId().equals(customerId), "profile belongs to %s, not to %s",
                p.customerId(), customerId));
        for (FireEntry entry : decisions) {
            checkArgument(entry.customerId().equals(customerId), "decision %s belongs to %s, not to %s", entry.key(),
                    entry.customerId(), customerId);
        }
        checkArgument(ledger.customerId().equals(customerId), "ledger belongs to %s, not to %s", ledger.customerId(),
                customerId);
    }

    /**
     * Whether the library keeps nothing about the customer (never seen, or erased): no event, no
     * profile, no fire-log entry and no ledger entry.
     *
     * @return true if every part is empty
     */
    public boolean isEmpty() {
        return history.isEmpty() && profile.isEmpty() && decisions.isEmpty() && ledger.entries().isEmpty();
    }
}
