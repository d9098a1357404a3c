package dev.retention.rules.loyalty;

import dev.retention.core.CustomerId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Storage SPI for points ledgers: append-only, idempotent by entry key, versioned per customer.
 *
 * <p>Implementations must be safe for concurrent use, keep at most one entry per customer and
 * {@link LedgerEntry#key() key} (the first one appended wins, even under concurrent appends), and
 * never change or delete an entry. Every implementation should pass {@code LedgerStoreContract}
 * (retention-testkit, package {@code dev.retention.testkit.contract}).
 *
 * <h2>Versions: why and what</h2>
 * A redemption is decided on all of the customer's entries (a redemption dated earlier than one
 * already recorded must not spend its points again), so two ledgers deciding at once, in two
 * threads or in two JVMs over one database, must not both append on the same reading. Each
 * customer's ledger therefore has a version: {@link #snapshot} reads the entries and the version
 * in one step, every append that stores an entry changes the version, and
 * {@link #appendIfVersion} appends only if the version is still the one read (a compare-and-set;
 * in SQL, {@code UPDATE ledger_version SET version = version + 1 WHERE customer = ? AND version = ?}
 * and the inserts in one transaction). A store that checks the version and appends in two steps
 * lets two redemptions spend the same points; the contract's tests look for exactly that.
 */
public interface LedgerStore {

    /**
     * Appends the entry unless the customer's ledger already holds one with the same key, and
     * changes the customer's version if it did.
     *
     * @param entry the entry
     * @return {@code true} if the entry was stored, {@code false} if the key was already taken (the
     *     stored entry is kept unchanged, even if it differs)
     */
    boolean append(LedgerEntry entry);

    /**
     * Appends each entry as {@link #append} would, one by one (not atomically).
     *
     * @param entries the entries, of any customers
     * @return how many were new
     */
    default int appendAll(Collection<LedgerEntry> entries) {
        int added = 0;
        for (LedgerEntry entry : entries) {
            if (append(entry)) {
                added++;
            }
        }
        return added;
    }

    /**
     * Atomically: if the customer's version is {@code expectedVersion}, appends those of
     * {@code entries} whose key is not taken yet (changing the version if any was stored) and
     * returns {@code true}; otherwise stores nothing and returns {@code false}. No other append
     * to the customer's ledger may come between the comparison and the appends.
     *
     * @param customerId the customer
     * @param expectedVersion the version read with {@link #snapshot}
     * @param entries entries of {@code customerId} only
     * @return whether the version matched (and the new entries were stored)
     * @throws IllegalArgumentException if an entry belongs to another customer
     */
    boolean appendIfVersion(CustomerId customerId, long expectedVersion, List<LedgerEntry> entries);

    /**
     * The customer's entries and version, read in one step; version 0 and no entries for an unknown customer.
     *
     * @param customerId the customer
     * @return the snapshot
     */
    LedgerSnapshot snapshot(CustomerId customerId);

    /**
     * The customer's entries in {@link LedgerEntry#TIME_ORDER}; empty for an unknown customer.
     *
     * @param customerId the customer
     * @return the entries, unmodifiable
     */
    default List<LedgerEntry> entries(CustomerId customerId) {
        return snapshot(customerId).entries();
    }

    /**
     * The customers with at least one entry.
     *
     * @return the customers, a snapshot
     */
    Set<CustomerId> customers();

    /**
     * Removes every entry of the customer (the right to erasure): afterwards the customer's
     * snapshot is empty, {@link #customers} leaves them out, and an entry appended later, even with
     * a key seen before, is stored as new. The version may start again from 0, so a redemption
     * decided on a reading from before the erasure must not be appended after it (run both in
     * one customer's {@code CustomerStateStore.update}, which {@code erase} waits for).
     *
     * <p>The default throws, so that a store written before erasure existed fails loudly;
     * {@code LedgerStoreContract} checks an override.
     *
     * @param customerId the customer to forget
     * @return how many entries were removed
     * @throws UnsupportedOperationException if the store cannot erase
     */
    default int erase(CustomerId customerId) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement erase(CustomerId)");
    }
}
