package dev.retention.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.ProfileStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ProfileStore} must show. Extend it with {@link #newStore()} returning a
 * new, empty store of your implementation; every test gets its own store.
 */
public abstract class ProfileStoreContract {

    /** For subclasses. */
    protected ProfileStoreContract() {}

    /**
     * A new, empty store of the implementation under test.
     *
     * @return a store holding no profile
     */
    protected abstract ProfileStore newStore();

    /** {@code put} replaces a customer's whole profile: contact points and consents not given again are gone. */
    @Test
    public void putReplacesTheWholeProfile() {
        ProfileStore store = newStore();
        CustomerId anna = CustomerId.of("anna");
        store.put(CustomerProfile.builder(anna).email("anna@example.com")
                .consent(Consent.given(Channel.EMAIL, Instant.parse("2026-01-01T00:00:00Z"))).build());
        store.put(CustomerProfile.builder(anna).attribute("city", "Berlin").build());
        CustomerProfile stored = store.find(anna).orElseThrow();
        assertThat(stored.email()).isEmpty();
        assertThat(stored.consents()).isEmpty();
        assertThat(stored.attribute("city")).contains("Berlin");
        assertThat(store.size()).isEqualTo(1);
    }

    /** A customer without a profile has none, and {@code profileOrUnknown} gives one without consent. */
    @Test
    public void anUnknownCustomerHasNoProfileButAnUnknownDefault() {
        ProfileStore store = newStore();
        CustomerId bob = CustomerId.of("bob");
        assertThat(store.find(bob)).isEmpty();
        CustomerProfile fallback = store.profileOrUnknown(bob);
        assertThat(fallback.customerId()).isEqualTo(bob);
        assertThat(fallback.hasConsent(Channel.EMAIL, Instant.MAX)).isFalse();
        assertThat(store.profiles()).isEmpty();
    }
}
