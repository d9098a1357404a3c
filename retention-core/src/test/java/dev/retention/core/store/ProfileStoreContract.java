package dev.retention.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ProfileStore} must show; extend it with {@link #newStore()}. */
public abstract class ProfileStoreContract {

    protected abstract ProfileStore newStore();

    @Test
    void putReplacesTheWholeProfile() {
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

    @Test
    void anUnknownCustomerHasNoProfileButAnUnknownDefault() {
        ProfileStore store = newStore();
        CustomerId bob = CustomerId.of("bob");
        assertThat(store.find(bob)).isEmpty();
        CustomerProfile fallback = store.profileOrUnknown(bob);
        assertThat(fallback.customerId()).isEqualTo(bob);
        assertThat(fallback.hasConsent(Channel.EMAIL, Instant.MAX)).isFalse();
        assertThat(store.profiles()).isEmpty();
    }
}
