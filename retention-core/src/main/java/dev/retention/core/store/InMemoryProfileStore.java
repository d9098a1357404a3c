package dev.retention.core.store;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.CustomerProfile;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The default {@link ProfileStore}: profiles in a concurrent map. Thread-safe. */
public final class InMemoryProfileStore implements ProfileStore {
    private final ConcurrentHashMap<CustomerId, CustomerProfile> profiles = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryProfileStore() {
    }

    @Override
    public void put(CustomerProfile profile) {
        requireNonNull(profile, "profile");
        profiles.put(profile.customerId(), profile);
    }

    @Override
    public Optional<CustomerProfile> find(CustomerId customerId) {
        return Optional.ofNullable(profiles.get(requireNonNull(customerId, "customerId")));
    }

    @Override
    public CustomerProfile profileOrUnknown(CustomerId customerId) {
        CustomerProfile profile = profiles.get(requireNonNull(customerId, "customerId"));
        return profile != null ? profile : CustomerProfile.unknown(customerId);
    }

    @Override
    public Stream<CustomerProfile> profiles() {
        return profiles.values().stream();
    }

    @Override
    public boolean erase(CustomerId customerId) {
        return profiles.remove(requireNonNull(customerId, "customerId")) != null;
    }

    @Override
    public long size() {
        return profiles.size();
    }
}
