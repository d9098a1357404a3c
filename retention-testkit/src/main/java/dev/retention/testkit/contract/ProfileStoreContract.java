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

    /**
     * A stored profile comes back equal in every field: contact points, birthday with its year,
     * sign-up, zone, locale, consents, acquisition source and attributes with values that are
     * hard to store (quotes, a NUL-free control character, right-to-left text, emoji).
     */
    @Test
    public void aStoredProfileComesBackEqualInEveryField() {
        ProfileStore store = newStore();
        CustomerId anna = CustomerId.of("anna'; --");
        CustomerProfile full = CustomerProfile.builder(anna)
                .email("anna+\u00e9@example.com")
                .phone("+49 30 1234567")
                .birthday(java.time.LocalDate.of(1990, 2, 28))
                .signedUpAt(Instant.parse("2025-06-01T10:15:30.123456Z"))
                .zone(java.time.ZoneId.of("Europe/Berlin"))
                .locale(java.util.Locale.forLanguageTag("de-AT"))
                .consent(Consent.given(Channel.EMAIL, Instant.parse("2026-01-01T00:00:00Z")))
                .consent(Consent.withdrawn(Channel.SMS, Instant.parse("2026-02-01T00:00:00Z")))
                .acquisitionSource(dev.retention.core.profile.AcquisitionSource.campaign("newsletter", "spring-sale"))
                .attribute("city", "Z\u00fcrich \"Altstadt\"")
                .attribute("note", "\u05e9\u05dc\u05d5\u05dd \ud83d\ude00\tend")
                .build();
        store.put(full);
        assertThat(store.find(anna)).contains(full);
        CustomerProfile bare = CustomerProfile.builder(CustomerId.of("bare")).build();
        store.put(bare);
        assertThat(store.find(bare.customerId())).contains(bare);
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
