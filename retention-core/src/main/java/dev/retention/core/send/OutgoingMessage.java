package dev.retention.core.send;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import java.util.Map;

/**
 * A message the campaign engine asks a {@link MessageSender} to deliver.
 *
 * <p>Immutable and thread-safe; {@link #toString()} leaves the personalisation values out.
 *
 * @param idempotencyKey the same for every attempt to send this one decision, so a sender (or the
 *     provider behind it) can drop repeats after a retry or a restart
 * @param customerId the recipient; the sender resolves the address for {@code channel} itself
 * @param campaignId the campaign that decided to send
 * @param channel the channel to send on
 * @param templateId the template the sender renders (the shop's email or push template)
 * @param personalisation the values the template needs (viewed products, discount code, ...);
 *     may hold personal data, so senders must not log the values
 */
public record OutgoingMessage(
        String idempotencyKey,
        CustomerId customerId,
        String campaignId,
        Channel channel,
        String templateId,
        Map<String, Object> personalisation) {

    /**
     * Checks the message and copies the personalisation.
     *
     * @param idempotencyKey the key, not blank
     * @param customerId the recipient
     * @param campaignId the campaign, not blank
     * @param channel the channel
     * @param templateId the template, not blank
     * @param personalisation the template's values; an immutable copy is kept
     * @throws IllegalArgumentException if {@code idempotencyKey}, {@code campaignId} or
     *     {@code templateId} is null or blank
     * @throws NullPointerException if {@code customerId}, {@code channel}, {@code personalisation}
     *     or a key or value in it is null
     */
    public OutgoingMessage {
        checkArgument(idempotencyKey != null && !idempotencyKey.isBlank(), "idempotencyKey must not be blank");
        requireNonNull(customerId, "customerId");
        checkArgument(campaignId != null && !campaignId.isBlank(), "campaignId must not be blank");
        requireNonNull(channel, "channel");
        checkArgument(templateId != null && !templateId.isBlank(), "templateId must not be blank");
        personalisation = Map.copyOf(requireNonNull(personalisation, "personalisation"));
    }

    /**
     * Leaves the personalisation values out (they may be personal data).
     *
     * @return the key, customer, campaign, channel, template and the personalisation's field names
     */
    @Override
    public String toString() {
        return "OutgoingMessage[key=" + idempotencyKey + ", customer=" + customerId + ", campaign=" + campaignId
                + ", channel=" + channel + ", template=" + templateId + ", fields=" + personalisation.keySet() + "]";
    }
}
