package dev.retention.rules.loyalty;

import dev.retention.core.CustomerId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Storage SPI for points ledgers: append-only, idempotent by entry key.
 *
 * <p>Implementations must be safe for concurrent use, keep at most one entry per customer and
 * {@link LedgerEntry#key() key} (the first one appended wins, even under concurrent appends), and
 * never change or delete an entry. Every implementation should pass {@code LedgerStoreContract}
 * from this module's tests.
 */
public interface LedgerStore {

    /**
     * Appends the entry unless the customer's ledger already holds one with the same key.
     *
     * @return {@code true} if the entry was stored, {@code false} if the key was already taken (the
     *     stored entry is kept unchanged, even if it differs)
     */
    boolean append(LedgerEntry entry);

    /** Appends each entry as {@link #append} would; returns how many were new. */
    default int appendAll(Collection<LedgerEntry> entries) {
        int added = 0;
        for (LedgerEntry entry : entries) {
            if (append(entry)) {
                added++;
            }
        }
        return added;
    }

    /** The customer's entries in {@link LedgerEntry#TIME_ORDER}; empty for an unknown customer. */
    List<LedgerEntry> entries(CustomerId customerId);

    /** The customers with at least one entry. */
    Set<CustomerId> customers();
}
