package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.profile.Channel;

/**
 * What a campaign step sends: a channel and the shop's template for it. The personalisation is
 * the trigger's payload (see {@code Firing#payload()}) plus {@code campaignId}, {@code step},
 * {@code triggerReason} and, with A/B variants, {@code variant}.
 *
 * @param channel the channel
 * @param templateId the shop's template for the channel, not blank
 */
public record Message(Channel channel, String templateId) {

    /**
     * Validates the components.
     *
     * @param channel the channel
     * @param templateId the shop's template for the channel, not blank
     * @throws IllegalArgumentException if {@code templateId} is null or blank
     * @throws NullPointerException if {@code channel} is null
     */
    public Message {
        requireNonNull(channel, "channel");
        checkArgument(templateId != null && !templateId.isBlank(), "templateId must not be blank, got %s",
                templateId == null ? "null" : "'" + templateId + "'");
    }

    /**
     * A message on any channel.
     *
     * @param channel the channel
     * @param templateId the shop's template, not blank
     * @return the message
     * @throws IllegalArgumentException if {@code templateId} is null or blank
     */
    public static Message of(Channel channel, String templateId) {
        return new Message(channel, templateId);
    }

    /**
     * An email: {@code Message.email("we-miss-you")}.
     *
     * @param templateId the shop's template, not blank
     * @return the message
     * @throws IllegalArgumentException if {@code templateId} is null or blank
     */
    public static Message email(String templateId) {
        return new Message(Channel.EMAIL, templateId);
    }
}
