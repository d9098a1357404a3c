package dev.retention.core.profile;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the shop knows about a customer besides their events: contact points, birthday, sign-up,
 * time zone, consent per channel, acquisition source and free-form attributes.
 *
 * <p>Immutable; build one with {@link #builder(CustomerId)} and derive changed copies with
 * {@link #toBuilder()}. The email and phone are personal data: the library never logs them.
 *
 * <pre>{@code
 * CustomerProfile anna = CustomerProfile.builder(CustomerId.of("c-42"))
 *         .email("anna@example.com")
 *         .birthday(MonthDay.of(3, 14))
 *         .zone(ZoneId.of("Europe/Berlin"))
 *         .consent(Consent.given(Channel.EMAIL, signupTime))
 *         .attribute("city", "Berlin")
 *         .build();
 * }</pre>
 *
 * @param birthDate the full date of birth when known; {@code birthday} is then its month and day
 * @param zone the customer's time zone, for quiet hours and birthdays; UTC when unknown
 */
public record CustomerProfile(
        CustomerId customerId,
        Optional<String> email,
        Optional<String> phone,
        Optional<MonthDay> birthday,
        Optional<LocalDate> birthDate,
        Optional<Instant> signedUpAt,
        ZoneId zone,
        Map<Channel, Consent> consents,
        Optional<AcquisitionSource> acquisitionSource,
        Map<String, String> attributes) {

    public CustomerProfile {
        requireNonNull(customerId, "customerId");
        requireNonNull(email, "email");
        requireNonNull(phone, "phone");
        requireNonNull(birthday, "birthday");
        requireNonNull(birthDate, "birthDate");
        requireNonNull(signedUpAt, "signedUpAt");
        requireNonNull(zone, "zone");
        requireNonNull(acquisitionSource, "acquisitionSource");
        consents = Map.copyOf(requireNonNull(consents, "consents"));
        attributes = Map.copyOf(requireNonNull(attributes, "attributes"));
        birthDate.ifPresent(date -> checkArgument(birthday.equals(Optional.of(MonthDay.from(date))),
                "birthday %s does not match birthDate %s", birthday.orElse(null), date));
        consents.forEach((channel, consent) -> checkArgument(consent.channel().equals(channel),
                "consent for %s filed under channel %s", consent.channel(), channel));
    }

    public static Builder builder(CustomerId customerId) {
        return new Builder(customerId);
    }

    /** A profile that knows nothing but the id: no contact points, no consent, UTC. */
    public static CustomerProfile unknown(CustomerId customerId) {
        // no builder: bulk evaluation asks for one of these per customer without a stored profile
        return new CustomerProfile(customerId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), ZoneOffset.UTC, Map.of(), Optional.empty(), Map.of());
    }

    public Builder toBuilder() {
        Builder b = new Builder(customerId);
        b.email = email.orElse(null);
        b.phone = phone.orElse(null);
        b.birthday = birthday.orElse(null);
        b.birthDate = birthDate.orElse(null);
        b.signedUpAt = signedUpAt.orElse(null);
        b.zone = zone;
        b.consents.putAll(consents);
        b.acquisitionSource = acquisitionSource.orElse(null);
        b.attributes.putAll(attributes);
        return b;
    }

    /** The latest consent decision for the channel, if the customer ever made one. */
    public Optional<Consent> consent(Channel channel) {
        return Optional.ofNullable(consents.get(channel));
    }

    /**
     * Whether the customer's consent for the channel stands at {@code at}: given at or before
     * {@code at} and not withdrawn since. No record means no consent.
     */
    public boolean hasConsent(Channel channel, Instant at) {
        Consent c = consents.get(channel);
        return c != null && c.granted() && !c.at().isAfter(at);
    }

    /** Leaves the email and phone out, so a logged profile leaks no contact data. */
    @Override
    public String toString() {
        return "CustomerProfile[customerId=" + customerId
                + ", email=" + (email.isPresent() ? "<set>" : "<none>")
                + ", phone=" + (phone.isPresent() ? "<set>" : "<none>")
                + ", birthday=" + birthday.map(MonthDay::toString).orElse("<none>")
                + ", signedUpAt=" + signedUpAt.map(Instant::toString).orElse("<none>")
                + ", zone=" + zone + ", consents=" + consents.values()
                + ", acquisitionSource=" + acquisitionSource.map(Object::toString).orElse("<none>")
                + ", attributes=" + attributes.keySet() + "]";
    }

    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** Builds {@link CustomerProfile}s; not thread-safe. */
    public static final class Builder {
        private final CustomerId customerId;
        private String email;
        private String phone;
        private MonthDay birthday;
        private LocalDate birthDate;
        private Instant signedUpAt;
        private ZoneId zone = ZoneOffset.UTC;
        private final Map<Channel, Consent> consents = new LinkedHashMap<>();
        private AcquisitionSource acquisitionSource;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(CustomerId customerId) {
            this.customerId = requireNonNull(customerId, "customerId");
        }

        public Builder email(String email) {
            checkArgument(email != null && email.contains("@"), "email must contain '@'");
            this.email = email;
            return this;
        }

        public Builder phone(String phone) {
            checkArgument(phone != null && !phone.isBlank(), "phone must not be blank");
            this.phone = phone;
            return this;
        }

        /** Month and day only, when the customer did not give the year. */
        public Builder birthday(MonthDay birthday) {
            this.birthday = requireNonNull(birthday, "birthday");
            this.birthDate = null;
            return this;
        }

        public Builder birthday(LocalDate birthDate) {
            this.birthDate = requireNonNull(birthDate, "birthDate");
            this.birthday = MonthDay.from(birthDate);
            return this;
        }

        public Builder signedUpAt(Instant signedUpAt) {
            this.signedUpAt = requireNonNull(signedUpAt, "signedUpAt");
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = requireNonNull(zone, "zone");
            return this;
        }

        /** Records the customer's latest decision for the consent's channel, replacing an earlier one. */
        public Builder consent(Consent consent) {
            requireNonNull(consent, "consent");
            consents.put(consent.channel(), consent);
            return this;
        }

        public Builder acquisitionSource(AcquisitionSource source) {
            this.acquisitionSource = requireNonNull(source, "source");
            return this;
        }

        public Builder attribute(String name, String value) {
            checkArgument(name != null && !name.isBlank(), "attribute name must not be blank");
            requireNonNull(value, () -> "value of attribute " + name);
            attributes.put(name, value);
            return this;
        }

        public CustomerProfile build() {
            return new CustomerProfile(customerId, Optional.ofNullable(email), Optional.ofNullable(phone),
                    Optional.ofNullable(birthday), Optional.ofNullable(birthDate), Optional.ofNullable(signedUpAt),
                    zone, consents, Optional.ofNullable(acquisitionSource), attributes);
        }
    }
}
