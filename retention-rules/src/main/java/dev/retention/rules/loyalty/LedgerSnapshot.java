package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.util.List;
import java.util.Optional;

/**
 * A customer's entries read together with the version of the customer's ledger they make up, so
 * that a decision taken on them can be appended only if nothing was appended since
 * ({@link LedgerStore#appendIfVersion}).
 *
 * @param customerId the customer
 * @param version the customer's ledger version: 0 before the first entry, and different after
 *     every append that stored an entry
 * @param entries the entries in {@link LedgerEntry#TIME_ORDER}
 */
public record LedgerSnapshot(CustomerId customerId, long version, List<LedgerEntry> entries) {

    /**
     * Validates the components and copies {@code entries}.
     *
     * @param customerId the customer
     * @param version the customer's ledger version: 0 before the first entry, and different after
     *     every append that stored an entry
     * @param entries the entries in {@link LedgerEntry#TIME_ORDER}
     * @throws IllegalArgumentException if {@code version} is negative
     * @throws NullPointerException if a component is null
     */
    public LedgerSnapshot {
        requireNonNull(customerId, "customerId");
        checkArgument(version >= 0, "version must not be negative, got %s", version);
        entries = List.copyOf(requireNonNull(entries, "entries"));
    }

    /**
     * The customer's entry with this key, if any (a linear search).
     *
     * @param key the entry key, e.g. {@code "REDEMPTION:checkout-9"}
     * @return the entry, or empty
     */
    public Optional<LedgerEntry> find(String key) {
        requireNonNull(key, "key");
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
