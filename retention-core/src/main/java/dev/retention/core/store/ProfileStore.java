package dev.retention.core.store;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.CustomerProfile;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where customer profiles live. A profile is replaced whole by {@link #put}; the last put wins.
 * Checked by the abstract {@code ProfileStoreContract} test suite (retention-testkit,
 * {@code dev.retention.testkit.contract}).
 */
public interface ProfileStore {

    /**
     * Stores the profile, replacing the customer's previous one whole (fields are not merged: read,
     * change with {@link CustomerProfile#toBuilder()}, put back). Implementations are
     * thread-safe; of two concurrent puts for one customer, one wins whole.
     *
     * @param profile the profile, keyed by its {@link CustomerProfile#customerId()}
     * @throws NullPointerException if {@code profile} is null
     */
    void put(CustomerProfile profile);

    /**
     * The customer's stored profile.
     *
     * @param customerId the customer
     * @return the profile last put for the customer; empty if none was
     * @throws NullPointerException if {@code customerId} is null
     */
    Optional<CustomerProfile> find(CustomerId customerId);

    /**
     * The stored profile, or a stand-in for a customer the shop has told nothing about (a guest who
     * only has events), which no consent-guarded message reaches.
     *
     * @param customerId the customer
     * @return the stored profile, or {@link CustomerProfile#unknown} (no contacts, no consent, no
     *     signup time) if there is none; the stand-in is not stored
     * @throws NullPointerException if {@code customerId} is null
     */
    default CustomerProfile profileOrUnknown(CustomerId customerId) {
        return find(customerId).orElseGet(() -> CustomerProfile.unknown(customerId));
    }

    /**
     * Every stored profile, for bulk evaluation.
     *
     * @return a stream of the profiles in no particular order, one per customer; a profile put while
     *     the stream runs may or may not be in it
     */
    Stream<CustomerProfile> profiles();

    /**
     * The number of stored profiles.
     *
     * @return the count of customers with a profile
     */
    long size();

    /**
     * Removes the customer's profile (the right to erasure); afterwards {@link #find} is empty and
     * {@link #profiles} leaves the customer out. The default throws, so that a store written
     * before erasure existed fails loudly; {@code ProfileStoreContract} checks an override.
     *
     * @param customerId the customer to forget
     * @return whether there was a profile to remove
     * @throws UnsupportedOperationException if the store cannot erase
     */
    default boolean erase(CustomerId customerId) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement erase(CustomerId)");
    }
}
