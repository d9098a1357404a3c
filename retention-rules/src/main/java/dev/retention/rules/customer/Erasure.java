package dev.retention.rules.customer;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * What {@link CustomerStateStore#erase} removed, per store.
 *
 * @param events events removed from the event store
 * @param profiles profiles removed (0 or 1)
 * @param decisions fire-log entries removed (decisions with their personal fields and the
 *     re-entry memory)
 * @param ledgerEntries loyalty ledger entries removed
 */
public record Erasure(long events, int profiles, int decisions, int ledgerEntries) {

    /**
     * Checks the counts.
     *
     * @param events events removed; not negative
     * @param profiles profiles removed; 0 or 1
     * @param decisions fire-log entries removed; not negative
     * @param ledgerEntries ledger entries removed; not negative
     * @throws IllegalArgumentException if a count is negative or {@code profiles} is more than 1
     *     (the message names the field and the value)
     */
    public Erasure {
        checkArgument(events >= 0, "events must not be negative, got %s", events);
        checkArgument(profiles == 0 || profiles == 1, "profiles must be 0 or 1, got %s", profiles);
        checkArgument(decisions >= 0, "decisions must not be negative, got %s", decisions);
        checkArgument(ledgerEntries >= 0, "ledgerEntries must not be negative, got %s", ledgerEntries);
    }

    /**
     * Everything removed, over all stores.
     *
     * @return the sum of the four counts; 0 if nothing was kept about the customer
     */
    public long total() {
        return events + profiles + decisions + ledgerEntries;
    }
}
