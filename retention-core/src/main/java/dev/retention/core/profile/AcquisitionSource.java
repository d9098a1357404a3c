package dev.retention.core.profile;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where the customer first came from: a channel ({@code "organic"}, {@code "facebook-ads"},
 * {@code "referral"}) and, when known, the campaign ({@code "black-friday-2026"}).
 */
public record AcquisitionSource(String channel, Optional<String> campaign) {

    public AcquisitionSource {
        checkArgument(channel != null && !channel.isBlank(), "acquisition channel must not be blank, got %s",
                channel == null ? "null" : "'" + channel + "'");
        requireNonNull(campaign, "campaign");
        campaign.ifPresent(c -> checkArgument(!c.isBlank(), "acquisition campaign must not be blank"));
    }

    public static AcquisitionSource channel(String channel) {
        return new AcquisitionSource(channel, Optional.empty());
    }

    public static AcquisitionSource campaign(String channel, String campaign) {
        return new AcquisitionSource(channel, Optional.of(campaign));
    }
}
