package dev.retention.rules.campaign;

import dev.retention.core.CustomerId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The campaign engine's outbox and memory: every decision about every message, recorded before
 * anything is sent. The engine keeps no other durable state, so a new engine over the same fire
 * log (after a crash or a restart) sends every pending entry and repeats nothing already decided.
 *
 * <p>Contract (checked by the abstract {@code FireLogContract} test suite in retention-testkit,
 * package {@code dev.retention.testkit.contract}, that every implementation
 * extends):
 * <ul>
 *   <li>{@link #record} stores an entry only if no entry has its key; it is atomic, so of two
 *       concurrent records of one key exactly one succeeds.
 *   <li>{@link #replace} is a compare-and-set on the whole entry: of two engines racing to claim a
 *       pending entry, exactly one succeeds.
 *   <li>A claim is kept as written: an {@link FireStatus#IN_FLIGHT} entry is stored and read back
 *       in flight with its lease end ({@link FireEntry#dueAt()}), and {@link #due} leaves it out
 *       until the lease ends, so no other engine sends it meanwhile; after that {@link #due} lists
 *       it again, so that a claim lost in a crash is taken over and sent.
 *   <li>{@link #erase} forgets a customer's decisions (the right to erasure): every entry of the
 *       customer is gone from every read, and a later decision with a key seen before is recorded
 *       as new, so the customer re-enters campaigns as a new customer.
 *   <li>Reads return immutable entries; lists are snapshots.
 *   <li>Implementations are thread-safe.
 * </ul>
 */
public interface FireLog {

    /**
     * Stores a new entry.
     *
     * @param entry the entry; its key must not be in the log yet
     * @return false, storing nothing, if an entry with the same key exists
     */
    boolean record(FireEntry entry);

    /**
     * Replaces the stored entry with the same key as {@code expected}, if it still equals
     * {@code expected}.
     *
     * @param expected the entry as the caller last read it
     * @param replacement the new state of the entry, with the same key
     * @return whether it was replaced
     * @throws IllegalArgumentException if the two entries have different keys
     */
    boolean replace(FireEntry expected, FireEntry replacement);

    /**
     * The entry with this idempotency key, in its current state.
     *
     * @param key the idempotency key
     * @return the entry, or empty if the log has none with that key
     */
    Optional<FireEntry> find(String key);

    /**
     * The customer's entries in the order they were recorded (current state of each), as an
     * unmodifiable snapshot: later records and replacements do not change a list already returned.
     *
     * @param customerId the customer
     * @return the entries; empty for a customer with none
     */
    List<FireEntry> entries(CustomerId customerId);

    /**
     * The entries an engine may claim at {@code asOf}, by due time, then key: the
     * {@link FireStatus#PENDING} ones with {@code dueAt <= asOf}, and the {@link FireStatus#IN_FLIGHT}
     * ones whose lease ({@code dueAt}) ended at or before {@code asOf}.
     *
     * @param asOf the instant
     * @return the claimable entries, a snapshot
     */
    List<FireEntry> due(Instant asOf);

    /**
     * Every entry in the order recorded, for attribution and reports.
     *
     * @return the entries, each in its current state
     */
    Stream<FireEntry> entries();

    /**
     * Removes every entry of the customer: the decisions' personal fields (recipient,
     * personalisation, reasons) and the re-entry memory go with them. Afterwards {@link #entries(CustomerId)}
     * is empty, {@link #find} and {@link #due} know none of the keys, and {@link #record} takes
     * them again. Counts already computed from the log (reports, uplift) are not recomputed.
     *
     * <p>The default throws, so that a log written before erasure existed fails loudly;
     * {@code FireLogContract} checks an override.
     *
     * @param customerId the customer to forget
     * @return how many entries were removed
     * @throws UnsupportedOperationException if the log cannot erase
     */
    default int erase(CustomerId customerId) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement erase(CustomerId)");
    }
}
