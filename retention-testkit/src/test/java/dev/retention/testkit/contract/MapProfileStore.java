package dev.retention.testkit.contract;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.ProfileStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A user's own profile store, written from the SPI alone: a map under one monitor. */
final class MapProfileStore implements ProfileStore {
    private final Map<CustomerId, CustomerProfile> profiles = new HashMap<>();

    @Override
    public synchronized void put(CustomerProfile profile) {
        profiles.put(profile.customerId(), requireNonNull(profile, "profile"));
    }

    @Override
    public synchronized Optional<CustomerProfile> find(CustomerId customerId) {
        return Optional.ofNullable(profiles.get(customerId));
    }

    @Override
    public synchronized Stream<CustomerProfile> profiles() {
        return List.copyOf(profiles.values()).stream();
    }

    @Override
    public synchronized long size() {
        return profiles.size();
    }

    @Override
    public synchronized boolean erase(CustomerId customerId) {
        return profiles.remove(customerId) != null;
    }
}
