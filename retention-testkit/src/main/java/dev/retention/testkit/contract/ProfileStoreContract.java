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

    /** Erasing a customer removes their profile and nothing else; a later put starts afresh. */
    @Test
    public void erasingACustomerRemovesTheirProfileOnly() {
        ProfileStore store = newStore();
        CustomerId anna = CustomerId.of("anna");
        CustomerId bob = CustomerId.of("bob");
        store.put(CustomerProfile.builder(anna).email("anna@example.com").build());
        store.put(CustomerProfile.builder(bob).email("bob@example.com").build());

        assertThat(store.erase(anna)).isTrue();

        assertThat(store.find(anna)).isEmpty();
        assertThat(store.profileOrUnknown(anna).email()).isEmpty();
        assertThat(store.profiles()).extracting(CustomerProfile::customerId).containsExactly(bob);
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.erase(anna)).as("nothing left to erase").isFalse();

        store.put(CustomerProfile.builder(anna).attribute("city", "Berlin").build());
        assertThat(store.find(anna).orElseThrow().email()).isEmpty();
    }
}
