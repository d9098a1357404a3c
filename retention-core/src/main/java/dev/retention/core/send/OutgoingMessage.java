package dev.retention.core.send;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import java.util.Map;

/**
 * A message the campaign engine asks a {@link MessageSender} to deliver.
 *
 * @param idempotencyKey the same for every attempt to send this one decision, so a sender (or the
 *     provider behind it) can drop repeats after a retry or a restart
 * @param campaignId the campaign that decided to send
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

    public OutgoingMessage {
        checkArgument(idempotencyKey != null && !idempotencyKey.isBlank(), "idempotencyKey must not be blank");
        requireNonNull(customerId, "customerId");
        checkArgument(campaignId != null && !campaignId.isBlank(), "campaignId must not be blank");
        requireNonNull(channel, "channel");
        checkArgument(templateId != null && !templateId.isBlank(), "templateId must not be blank");
        personalisation = Map.copyOf(requireNonNull(personalisation, "personalisation"));
    }

    /** Leaves the personalisation values out (they may be personal data). */
    @Override
    public String toString() {
        return "OutgoingMessage[key=" + idempotencyKey + ", customer=" + customerId + ", campaign=" + campaignId
                + ", channel=" + channel + ", template=" + templateId + ", fields=" + personalisation.keySet() + "]";
    }
}
