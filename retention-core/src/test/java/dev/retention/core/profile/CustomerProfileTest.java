package dev.retention.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CustomerProfileTest {
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void consentStandsFromTheMomentItIsGivenUntilWithdrawn() {
        CustomerProfile given = CustomerProfile.builder(CustomerId.of("c1"))
                .consent(Consent.given(Channel.EMAIL, JAN)).build();
        assertThat(given.hasConsent(Channel.EMAIL, JAN.minusSeconds(1))).isFalse();
        assertThat(given.hasConsent(Channel.EMAIL, JAN)).isTrue();
        assertThat(given.hasConsent(Channel.SMS, JAN)).isFalse();

        CustomerProfile withdrawn = given.toBuilder().consent(Consent.withdrawn(Channel.EMAIL, JAN.plusSeconds(60)))
                .build();
        assertThat(withdrawn.hasConsent(Channel.EMAIL, JAN.plusSeconds(120))).isFalse();
        assertThat(withdrawn.consent(Channel.EMAIL)).map(Consent::granted).contains(false);
    }

    @Test
    void birthdayFromAFullDateKeepsBoth() {
        CustomerProfile p = CustomerProfile.builder(CustomerId.of("c1")).birthday(LocalDate.of(1990, 3, 14))
                .zone(ZoneId.of("Europe/Berlin")).build();
        assertThat(p.birthday()).contains(MonthDay.of(3, 14));
        assertThat(p.birthDate()).contains(LocalDate.of(1990, 3, 14));
        assertThat(p.toBuilder().build()).isEqualTo(p);
    }

    @Test
    void localeIsKeptAndMustNameALanguage() {
        CustomerProfile p = CustomerProfile.builder(CustomerId.of("c1")).locale(java.util.Locale.forLanguageTag("de-AT"))
                .build();
        assertThat(p.locale()).contains(java.util.Locale.forLanguageTag("de-AT"));
        assertThat(p.toBuilder().build()).isEqualTo(p);
        assertThat(CustomerProfile.builder(CustomerId.of("c2")).build().locale()).isEmpty();
        assertThat(CustomerProfile.unknown(CustomerId.of("c3")).locale()).isEmpty();
        assertThatThrownBy(() -> CustomerProfile.builder(CustomerId.of("c1")).locale(java.util.Locale.ROOT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("locale");
    }

    @Test
    void toStringLeaksNoContactData() {
        CustomerProfile p = CustomerProfile.builder(CustomerId.of("c1")).email("anna@example.com")
                .phone("+49 30 1234567").attribute("firstName", "Anna").build();
        assertThat(p.toString()).doesNotContain("anna@example.com", "1234567", "Anna").contains("c1");
    }

    @Test
    void refusesInconsistentInput() {
        assertThatThrownBy(() -> CustomerProfile.builder(CustomerId.of("c1")).email("not-an-email"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email");
        assertThatThrownBy(() -> CustomerProfile.builder(CustomerId.of("c1")).attribute(" ", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attribute");
    }
}
