package dev.retention.core.send;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A message the campaign engine asks a {@link MessageSender} to deliver.
 *
 * <p>Immutable and thread-safe; {@link #toString()} leaves the personalisation values out.
 *
 * @param idempotencyKey the same for every attempt to send this one decision, so a sender (or the
 *     provider behind it) can drop repeats after a retry or a restart
 * @param customerId the customer the message is for
 * @param campaignId the campaign that decided to send
 * @param channel the channel to send on
 * @param templateId the template the sender renders (the shop's email or push template)
 * @param personalisation the values the template needs (viewed products, discount code, ...);
 *     may hold personal data, so senders must not log the values
 * @param recipient where to deliver: the customer's contact point for the channel, resolved by the
 *     campaign engine from the customer's profile at the moment it sends (the email address for
 *     {@code email}, the phone number for {@code sms}), so a changed address is used at once; empty
 *     for a channel the profile holds no contact point for ({@code push}, {@code webhook}, channels of
 *     your own), which the sender addresses by {@link #customerId()}. The engine never sends an
 *     {@code email} or {@code sms} message without one: a customer without the contact point gets the
 *     decision recorded as not sent, with the reason. Messages the engine records in its fire log
 *     carry no recipient (the fire log keeps no contact data); personal data, never logged
 * @param locale the customer's language from the profile ({@code CustomerProfile.locale()}), set by
 *     the campaign engine with the recipient at the moment it sends, for a sender that chooses a
 *     template by language; empty when the profile names none (the sender's default language) and
 *     in messages the fire log records
 */
public record OutgoingMessage(
        String idempotencyKey,
        CustomerId customerId,
        String campaignId,
        Channel channel,
        String templateId,
        Map<String, Object> personalisation,
        Optional<String> recipient,
        Optional<Locale> locale) {

    /**
     * Checks the message and copies the personalisation.
     *
     * @param idempotencyKey the key, not blank
     * @param customerId the recipient
     * @param campaignId the campaign, not blank
     * @param channel the channel
     * @param templateId the template, not blank
     * @param personalisation the template's values; an immutable copy is kept
     * @param recipient the address for the channel, resolved by the engine from the profile at send
     *     time; empty for channels addressed by customer id (push, webhook) or before addressing
     * @param locale the customer's language, resolved by the engine from the profile at send time;
     *     empty if the profile names none, or before addressing
     * @throws IllegalArgumentException if {@code idempotencyKey}, {@code campaignId} or
     *     {@code templateId} is null or blank, {@code recipient} holds a blank string or {@code locale}
     *     holds {@link Locale#ROOT}
     * @throws NullPointerException if {@code customerId}, {@code channel}, {@code personalisation}
     *     or a key or value in it, {@code recipient} or {@code locale} is null
     */
    public OutgoingMessage {
        checkArgument(idempotencyKey != null && !idempotencyKey.isBlank(), "idempotencyKey must not be blank");
        requireNonNull(customerId, "customerId");
        checkArgument(campaignId != null && !campaignId.isBlank(), "campaignId must not be blank");
        requireNonNull(channel, "channel");
        checkArgument(templateId != null && !templateId.isBlank(), "templateId must not be blank");
        personalisation = Map.copyOf(requireNonNull(personalisation, "personalisation"));
        requireNonNull(recipient, "recipient");
        recipient.ifPresent(r -> checkArgument(!r.isBlank(), "recipient must not be blank"));
        requireNonNull(locale, "locale");
        locale.ifPresent(l -> checkArgument(!l.getLanguage().isEmpty(), "locale must name a language, got '%s'",
                l.toLanguageTag()));
    }

    /**
     * A message addressed to {@code recipient}, with no locale.
     *
     * @param idempotencyKey the key, not blank
     * @param customerId the customer the message is for
     * @param campaignId the campaign, not blank
     * @param channel the channel
     * @param templateId the template, not blank
     * @param personalisation the template's values; an immutable copy is kept
     * @param recipient the address for the channel, or empty
     */
    public OutgoingMessage(String idempotencyKey, CustomerId customerId, String campaignId, Channel channel,
            String templateId, Map<String, Object> personalisation, Optional<String> recipient) {
        this(idempotencyKey, customerId, campaignId, channel, templateId, personalisation, recipient, Optional.empty());
    }

    /**
     * A message with no recipient yet: what a decision records, before the engine addresses it.
     *
     * @param idempotencyKey the key, not blank
     * @param customerId the customer the message is for
     * @param campaignId the campaign, not blank
     * @param channel the channel
     * @param templateId the template, not blank
     * @param personalisation the template's values; an immutable copy is kept
     */
    public OutgoingMessage(String idempotencyKey, CustomerId customerId, String campaignId, Channel channel,
            String templateId, Map<String, Object> personalisation) {
        this(idempotencyKey, customerId, campaignId, channel, templateId, personalisation, Optional.empty(),
                Optional.empty());
    }

    /**
     * The same message addressed to {@code recipient} (same idempotency key and locale).
     *
     * @param recipient the address for the channel (an email address, a phone number), not blank
     * @return the addressed message
     * @throws IllegalArgumentException if {@code recipient} is null or blank
     */
    public OutgoingMessage withRecipient(String recipient) {
        checkArgument(recipient != null && !recipient.isBlank(), "recipient must not be blank");
        return new OutgoingMessage(idempotencyKey, customerId, campaignId, channel, templateId, personalisation,
                Optional.of(recipient), locale);
    }

    /**
     * The same message for a customer of this language (same idempotency key and recipient).
     *
     * @param locale the customer's language, e.g. {@code Locale.forLanguageTag("de-AT")}
     * @return the message with the locale
     * @throws IllegalArgumentException if {@code locale} names no language ({@link Locale#ROOT})
     * @throws NullPointerException if {@code locale} is null
     */
    public OutgoingMessage withLocale(Locale locale) {
        return new OutgoingMessage(idempotencyKey, customerId, campaignId, channel, templateId, personalisation,
                recipient, Optional.of(requireNonNull(locale, "locale")));
    }

    /**
     * The same message without a recipient (the locale kept).
     *
     * @return this message if it has none, else a copy without it
     */
    public OutgoingMessage withoutRecipient() {
        return recipient.isEmpty() ? this
                : new OutgoingMessage(idempotencyKey, customerId, campaignId, channel, templateId, personalisation,
                        Optional.empty(), locale);
    }

    /**
     * Leaves the personalisation values and the recipient out (they may be personal data).
     *
     * @return the key, customer, campaign, channel, template, the personalisation's field names and
     *     whether a recipient is set, and the locale
     */
    @Override
    public String toString() {
        return "OutgoingMessage[key=" + idempotencyKey + ", customer=" + customerId + ", campaign=" + campaignId
                + ", channel=" + channel + ", template=" + templateId + ", fields=" + personalisation.keySet()
                + ", recipient=" + (recipient.isPresent() ? "<set>" : "<none>")
                + locale.map(l -> ", locale=" + l.toLanguageTag()).orElse("") + "]";
    }
}
