package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.profile.Channel;

/**
 * What a campaign step sends: a channel and the shop's template for it. The personalisation is
 * the trigger's payload (see {@code Firing#payload()}) plus {@code campaignId}, {@code step},
 * {@code triggerReason} and, with A/B variants, {@code variant}.
 */
public record Message(Channel channel, String templateId) {

    public Message {
        requireNonNull(channel, "channel");
        checkArgument(templateId != null && !templateId.isBlank(), "templateId must not be blank, got %s",
                templateId == null ? "null" : "'" + templateId + "'");
    }

    public static Message of(Channel channel, String templateId) {
        return new Message(channel, templateId);
    }

    public static Message email(String templateId) {
        return new Message(Channel.EMAIL, templateId);
    }
}
