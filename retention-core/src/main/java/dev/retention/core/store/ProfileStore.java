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

    /** Stores the profile, replacing the customer's previous one. */
    void put(CustomerProfile profile);

    Optional<CustomerProfile> find(CustomerId customerId);

    /** The stored profile, or {@link CustomerProfile#unknown} (no contacts, no consent) if there is none. */
    default CustomerProfile profileOrUnknown(CustomerId customerId) {
        return find(customerId).orElseGet(() -> CustomerProfile.unknown(customerId));
    }

    /** Every stored profile, in no particular order. */
    Stream<CustomerProfile> profiles();

    long size();

    /**
     * Removes the customer's profile (the right to erasure); afterwards {@link #find} is empty and
     * {@link #profiles} leaves the customer out. The default throws, so that a store written
     * before erasure existed fails loudly; {@code ProfileStoreContract} checks an override.
     *
     * @return whether there was a profile to remove
     * @throws UnsupportedOperationException if the store cannot erase
     */
    default boolean erase(CustomerId customerId) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement erase(CustomerId)");
    }
}
