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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the shop knows about a customer besides their events: contact points, birthday, sign-up,
 * time zone, language, consent per channel, acquisition source and free-form attributes.
 *
 * <p>Immutable; build one with {@link #builder(CustomerId)} and derive changed copies with
 * {@link #toBuilder()}. The email and phone are personal data: the library never logs them.
 *
 * <pre>{@code
 * CustomerProfile anna = CustomerProfile.builder(CustomerId.of("c-42"))
 *         .email("anna@example.com")
 *         .birthday(MonthDay.of(3, 14))
 *         .zone(ZoneId.of("Europe/Berlin"))
 *         .locale(Locale.GERMANY)
 *         .consent(Consent.given(Channel.EMAIL, signupTime))
 *         .attribute("city", "Berlin")
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe as any immutable value; the {@link Builder} is not.
 *
 * @param customerId whose profile this is
 * @param email the e-mail address, if the customer gave one (checked only for an {@code '@'})
 * @param phone the phone number, as the shop keeps it (not normalised), if known
 * @param birthday the month and day of birth, for birthday triggers; present whenever
 *     {@code birthDate} is
 * @param birthDate the full date of birth when known; {@code birthday} is then its month and day
 * @param signedUpAt when the customer created an account; empty for guests and imported customers
 * @param zone the customer's time zone, for quiet hours and birthdays; UTC when unknown
 * @param locale the customer's language (and region), for choosing a message's template; empty
 *     when unknown, and senders then fall back to their default
 * @param consents the latest consent decision per channel, keyed by the consent's own channel; a
 *     channel missing here has no consent (an immutable map)
 * @param acquisitionSource where the customer first came from, if known
 * @param attributes free-form name/value pairs of the shop's (e.g. {@code "city"}), which segments
 *     can test; an immutable map
 */
public record CustomerProfile(
        CustomerId customerId,
        Optional<String> email,
        Optional<String> phone,
        Optional<MonthDay> birthday,
        Optional<LocalDate> birthDate,
        Optional<Instant> signedUpAt,
        ZoneId zone,
        Optional<Locale> locale,
        Map<Channel, Consent> consents,
        Optional<AcquisitionSource> acquisitionSource,
        Map<String, String> attributes) {

    /**
     * Checks the profile and copies the maps; prefer {@link #builder(CustomerId)}, which fills the
     * optional fields with empties.
     *
     * @param customerId whose profile this is
     * @param email the e-mail address, or empty
     * @param phone the phone number, or empty
     * @param birthday the month and day of birth, or empty
     * @param birthDate the full date of birth, or empty; if present, {@code birthday} must be its
     *     month and day
     * @param signedUpAt when the customer signed up, or empty
     * @param zone the customer's time zone
     * @param locale the customer's language, or empty
     * @param consents the latest consent per channel; each consent must be filed under its own
     *     channel
     * @param acquisitionSource where the customer came from, or empty
     * @param attributes free-form attributes
     * @throws NullPointerException if an argument, a map key or a map value is null
     * @throws IllegalArgumentException if {@code birthDate} is present and {@code birthday} is not its
     *     month and day, or a consent is filed under another channel than its own
     */
    public CustomerProfile {
        requireNonNull(customerId, "customerId");
        requireNonNull(email, "email");
        requireNonNull(phone, "phone");
        requireNonNull(birthday, "birthday");
        requireNonNull(birthDate, "birthDate");
        requireNonNull(signedUpAt, "signedUpAt");
        requireNonNull(zone, "zone");
        requireNonNull(locale, "locale");
        requireNonNull(acquisitionSource, "acquisitionSource");
        consents = Map.copyOf(requireNonNull(consents, "consents"));
        attributes = Map.copyOf(requireNonNull(attributes, "attributes"));
        birthDate.ifPresent(date -> checkArgument(birthday.equals(Optional.of(MonthDay.from(date))),
                "birthday %s does not match birthDate %s", birthday.orElse(null), date));
        consents.forEach((channel, consent) -> checkArgument(consent.channel().equals(channel),
                "consent for %s filed under channel %s", consent.channel(), channel));
    }

    /**
     * Starts a profile that knows only the id: no contact points, birthday, sign-up, consent,
     * source or attributes, time zone UTC.
     *
     * @param customerId whose profile it is
     * @return a new builder
     * @throws NullPointerException if {@code customerId} is null
     */
    public static Builder builder(CustomerId customerId) {
        return new Builder(customerId);
    }

    /**
     * A profile that knows nothing but the id: no contact points, no consent, UTC. What
     * {@link dev.retention.core.store.ProfileStore#profileOrUnknown} answers for a customer
     * without a stored profile.
     *
     * @param customerId whose profile it is
     * @return the empty profile
     * @throws NullPointerException if {@code customerId} is null
     */
    public static CustomerProfile unknown(CustomerId customerId) {
        // no builder: bulk evaluation asks for one of these per customer without a stored profile
        return new CustomerProfile(customerId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), ZoneOffset.UTC, Optional.empty(), Map.of(), Optional.empty(), Map.of());
    }

    /**
     * A builder holding this profile's values, to derive a changed copy; this profile is not
     * changed.
     *
     * @return a new builder with every field of this profile
     */
    public Builder toBuilder() {
        Builder b = new Builder(customerId);
        b.email = email.orElse(null);
        b.phone = phone.orElse(null);
        b.birthday = birthday.orElse(null);
        b.birthDate = birthDate.orElse(null);
        b.signedUpAt = signedUpAt.orElse(null);
        b.zone = zone;
        b.locale = locale.orElse(null);
        b.consents.putAll(consents);
        b.acquisitionSource = acquisitionSource.orElse(null);
        b.attributes.putAll(attributes);
        return b;
    }

    /**
     * The latest consent decision for the channel, given or withdrawn.
     *
     * @param channel the channel
     * @return the decision; empty if the customer never made one for the channel
     */
    public Optional<Consent> consent(Channel channel) {
        return Optional.ofNullable(consents.get(channel));
    }

    /**
     * Whether the customer's consent for the channel stands at {@code at}: given at or before
     * {@code at} and not withdrawn since. No record means no consent.
     *
     * <p>Judged from the latest decision only, since the profile keeps no earlier ones: if the
     * latest is a withdrawal, the answer is false for every {@code at}, even an instant before the
     * withdrawal when consent stood (so a backtest over past instants sees today's withdrawals).
     *
     * @param channel the channel
     * @param at the instant the message would go out
     * @return true if the latest decision for {@code channel} grants consent and was made at or
     *     before {@code at}
     */
    public boolean hasConsent(Channel channel, Instant at) {
        Consent c = consents.get(channel);
        return c != null && c.granted() && !c.at().isAfter(at);
    }

    /**
     * Leaves the email and phone out, so a logged profile leaks no contact data; attribute values
     * are left out too (only their names show), as they may be personal.
     *
     * @return the fields, with {@code <set>} or {@code <none>} for the contact points
     */
    @Override
    public String toString() {
        return "CustomerProfile[customerId=" + customerId
                + ", email=" + (email.isPresent() ? "<set>" : "<none>")
                + ", phone=" + (phone.isPresent() ? "<set>" : "<none>")
                + ", birthday=" + birthday.map(MonthDay::toString).orElse("<none>")
                + ", signedUpAt=" + signedUpAt.map(Instant::toString).orElse("<none>")
                + ", zone=" + zone + ", locale=" + locale.map(Locale::toLanguageTag).orElse("<none>")
                + ", consents=" + consents.values()
                + ", acquisitionSource=" + acquisitionSource.map(Object::toString).orElse("<none>")
                + ", attributes=" + attributes.keySet() + "]";
    }

    /**
     * One free-form attribute.
     *
     * @param name the attribute's name, compared exactly
     * @return its value; empty if the profile has no such attribute
     * @throws NullPointerException if {@code name} is null
     */
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
        private Locale locale;
        private final Map<Channel, Consent> consents = new LinkedHashMap<>();
        private AcquisitionSource acquisitionSource;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(CustomerId customerId) {
            this.customerId = requireNonNull(customerId, "customerId");
        }

        /**
         * Sets the e-mail address, replacing an earlier one.
         *
         * @param email the address; checked only for an {@code '@'}
         * @return this builder
         * @throws IllegalArgumentException if {@code email} is null or has no {@code '@'} (the
         *     message does not repeat the value, which is personal data)
         */
        public Builder email(String email) {
            checkArgument(email != null && email.contains("@"), "email must contain '@'");
            this.email = email;
            return this;
        }

        /**
         * Sets the phone number, replacing an earlier one; kept as given.
         *
         * @param phone the number, in the shop's format (E.164 such as {@code "+4930123456"} suits
         *     SMS providers)
         * @return this builder
         * @throws IllegalArgumentException if {@code phone} is null or blank
         */
        public Builder phone(String phone) {
            checkArgument(phone != null && !phone.isBlank(), "phone must not be blank");
            this.phone = phone;
            return this;
        }

        /**
         * Sets the birthday as month and day only, when the customer did not give the year; clears
         * a full date of birth set before.
         *
         * @param birthday the month and day, e.g. {@code MonthDay.of(3, 14)}; February 29 is
         *     allowed
         * @return this builder
         * @throws NullPointerException if {@code birthday} is null
         */
        public Builder birthday(MonthDay birthday) {
            this.birthday = requireNonNull(birthday, "birthday");
            this.birthDate = null;
            return this;
        }

        /**
         * Sets the full date of birth, and the birthday to its month and day.
         *
         * @param birthDate the date of birth
         * @return this builder
         * @throws NullPointerException if {@code birthDate} is null
         */
        public Builder birthday(LocalDate birthDate) {
            this.birthDate = requireNonNull(birthDate, "birthDate");
            this.birthday = MonthDay.from(birthDate);
            return this;
        }

        /**
         * Sets when the customer created an account.
         *
         * @param signedUpAt the sign-up instant
         * @return this builder
         * @throws NullPointerException if {@code signedUpAt} is null
         */
        public Builder signedUpAt(Instant signedUpAt) {
            this.signedUpAt = requireNonNull(signedUpAt, "signedUpAt");
            return this;
        }

        /**
         * Sets the customer's time zone (UTC unless set), in which quiet hours and birthdays are
         * judged.
         *
         * @param zone the zone, e.g. {@code ZoneId.of("Europe/Berlin")}
         * @return this builder
         * @throws NullPointerException if {@code zone} is null
         */
        public Builder zone(ZoneId zone) {
            this.zone = requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Sets the customer's language (and region, if known), from which senders choose a
         * message's template; unknown unless set.
         *
         * @param locale the locale, e.g. {@code Locale.forLanguageTag("de-AT")}
         * @return this builder
         * @throws NullPointerException if {@code locale} is null
         * @throws IllegalArgumentException if {@code locale} has no language ({@link Locale#ROOT})
         */
        public Builder locale(Locale locale) {
            requireNonNull(locale, "locale");
            checkArgument(!locale.getLanguage().isEmpty(), "locale must name a language, but is '%s'",
                    locale.toLanguageTag());
            this.locale = locale;
            return this;
        }

        /**
         * Records the customer's latest decision for the consent's channel, replacing an earlier one
         * whatever the instants: call it in the order the decisions were made.
         *
         * @param consent the decision
         * @return this builder
         * @throws NullPointerException if {@code consent} is null
         */
        public Builder consent(Consent consent) {
            requireNonNull(consent, "consent");
            consents.put(consent.channel(), consent);
            return this;
        }

        /**
         * Sets where the customer first came from.
         *
         * @param source the channel and, when known, campaign
         * @return this builder
         * @throws NullPointerException if {@code source} is null
         */
        public Builder acquisitionSource(AcquisitionSource source) {
            this.acquisitionSource = requireNonNull(source, "source");
            return this;
        }

        /**
         * Sets a free-form attribute, replacing an earlier value of the same name.
         *
         * @param name the name, e.g. {@code "city"}; not blank
         * @param value the value; may be empty, not null
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is null or blank
         * @throws NullPointerException if {@code value} is null
         */
        public Builder attribute(String name, String value) {
            checkArgument(name != null && !name.isBlank(), "attribute name must not be blank");
            requireNonNull(value, () -> "value of attribute " + name);
            attributes.put(name, value);
            return this;
        }

        /**
         * Builds the profile; the builder may be changed and used again afterwards.
         *
         * @return a new immutable profile with the values set so far
         */
        public CustomerProfile build() {
            return new CustomerProfile(customerId, Optional.ofNullable(email), Optional.ofNullable(phone),
                    Optional.ofNullable(birthday), Optional.ofNullable(birthDate), Optional.ofNullable(signedUpAt),
                    zone, Optional.ofNullable(locale), consents, Optional.ofNullable(acquisitionSource), attributes);
        }
    }
}
