package dev.retention.testkit.backtest;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.ProfileStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Profiles for a replay of a log that has none: a customer without a stored profile counts as
 * having consented to the campaigns' channels since the beginning of time, and as reachable on
 * them (a placeholder email address and phone number under the reserved {@code .invalid} domain:
 * the replay's sender only records), so the backtest measures the campaigns rather than the
 * missing consent and contact records. Stored profiles are used as they are. Thread-safe.
 */
final class AssumedConsent implements ProfileStore {
    private final ProfileStore stored;
    private final Set<Channel> channels;
    private final Map<CustomerId, CustomerProfile> assumed = new ConcurrentHashMap<>();

    AssumedConsent(ProfileStore stored, Set<Channel> channels) {
        this.stored = requireNonNull(stored, "stored");
        this.channels = Set.copyOf(channels);
    }

    @Override
    public void put(CustomerProfile profile) {
        stored.put(profile);
    }

    @Override
    public Optional<CustomerProfile> find(CustomerId customerId) {
        Optional<CustomerProfile> found = stored.find(customerId);
        return found.isPresent() ? found : Optional.of(assumed.computeIfAbsent(customerId, this::consenting));
    }

    private CustomerProfile consenting(CustomerId customerId) {
        CustomerProfile.Builder b = CustomerProfile.builder(customerId)
                .email("assumed@backtest.invalid")
                .phone("assumed (backtest)");
        for (Channel channel : channels) {
            b.consent(Consent.given(channel, Instant.MIN));
        }
        return b.build();
    }

    /** Only the stored profiles: the engine's tick already visits every customer with events. */
    @Override
    public Stream<CustomerProfile> profiles() {
        return stored.profiles();
    }

    @Override
    public long size() {
        return stored.size();
    }
}
