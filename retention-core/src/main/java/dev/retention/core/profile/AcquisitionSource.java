package dev.retention.core.profile;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Where the customer first came from: a channel ({@code "organic"}, {@code "facebook-ads"},
 * {@code "referral"}) and, when known, the campaign ({@code "black-friday-2026"}).
 *
 * <p>Metrics split by it answer "which channels and campaigns bring customers who come back". The
 * strings are the shop's own labels, compared exactly (case matters). Immutable and thread-safe.
 *
 * @param channel the acquisition channel, not blank
 * @param campaign the campaign within the channel, not blank when present; empty when unknown
 */
public record AcquisitionSource(String channel, Optional<String> campaign) {

    /**
     * Checks the labels.
     *
     * @param channel the acquisition channel, not blank
     * @param campaign the campaign, not blank when present
     * @throws IllegalArgumentException if {@code channel} is null or blank, or {@code campaign} holds
     *     a blank string
     * @throws NullPointerException if {@code campaign} is null (use {@link Optional#empty()})
     */
    public AcquisitionSource {
        checkArgument(channel != null && !channel.isBlank(), "acquisition channel must not be blank, got %s",
                channel == null ? "null" : "'" + channel + "'");
        requireNonNull(campaign, "campaign");
        campaign.ifPresent(c -> checkArgument(!c.isBlank(), "acquisition campaign must not be blank"));
    }

    /**
     * A source known only by its channel, e.g. {@code channel("organic")}.
     *
     * @param channel the acquisition channel, not blank
     * @return the source, without campaign
     * @throws IllegalArgumentException if {@code channel} is null or blank
     */
    public static AcquisitionSource channel(String channel) {
        return new AcquisitionSource(channel, Optional.empty());
    }

    /**
     * A source with its campaign, e.g. {@code campaign("facebook-ads", "black-friday-2026")}.
     *
     * @param channel the acquisition channel, not blank
     * @param campaign the campaign, not blank
     * @return the source
     * @throws IllegalArgumentException if {@code channel} is null or blank, or {@code campaign} is
     *     blank
     * @throws NullPointerException if {@code campaign} is null
     */
    public static AcquisitionSource campaign(String channel, String campaign) {
        return new AcquisitionSource(channel, Optional.of(campaign));
    }
}
