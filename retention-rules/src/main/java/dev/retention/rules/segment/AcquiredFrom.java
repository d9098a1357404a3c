package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.profile.AcquisitionSource;
import java.util.Optional;

/**
 * The customer's acquisition source has this channel and, if {@code campaign} is given, this
 * campaign (both case-sensitive). A profile without a source never matches.
 *
 * @param channel the acquisition channel, e.g. {@code "instagram"}
 * @param campaign the acquisition campaign, or empty for any campaign of the channel
 */
public record AcquiredFrom(String channel, Optional<String> campaign) implements Condition {

    /**
     * Validates the components.
     *
     * @param channel the acquisition channel, e.g. {@code "instagram"}
     * @param campaign the acquisition campaign, or empty for any campaign of the channel
     * @throws IllegalArgumentException if {@code channel} is null or blank, or {@code campaign} is blank
     * @throws NullPointerException if {@code campaign} is null
     */
    public AcquiredFrom {
        checkArgument(channel != null && !channel.isBlank(), "acquisition channel must not be blank");
        requireNonNull(campaign, "campaign");
        campaign.ifPresent(c -> checkArgument(!c.isBlank(), "acquisition campaign must not be blank"));
    }

    @Override
    public boolean test(EvaluationContext context) {
        return context.profile().acquisitionSource().filter(this::matches).isPresent();
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Optional<AcquisitionSource> source = context.profile().acquisitionSource();
        return Explanation.leaf("acquisition source", source.map(AcquiredFrom::text).orElse("unknown"),
                "= " + expected(), source.filter(this::matches).isPresent());
    }

    private boolean matches(AcquisitionSource source) {
        return source.channel().equals(channel) && (campaign.isEmpty() || campaign.equals(source.campaign()));
    }

    private static String text(AcquisitionSource source) {
        return source.channel() + source.campaign().map(c -> "/" + c).orElse("");
    }

    private String expected() {
        return channel + campaign.map(c -> "/" + c).orElse("");
    }

    @Override
    public String describe() {
        return "acquired from " + expected();
    }

    @Override
    public String toString() {
        return describe();
    }
}
