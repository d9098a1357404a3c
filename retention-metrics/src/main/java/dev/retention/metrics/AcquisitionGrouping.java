package dev.retention.metrics;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.AcquisitionSource;
import dev.retention.core.store.ProfileStore;
import java.util.function.Function;

/**
 * Group keys by acquisition source, for {@link OrderLog#groupBy}: which channels and campaigns bring
 * customers who come back. Customers without a profile or without a source are in {@link #UNKNOWN}.
 */
public final class AcquisitionGrouping {
    /** The key of customers whose acquisition source is not known. */
    public static final String UNKNOWN = "(unknown)";

    private AcquisitionGrouping() {}

    /**
     * Groups customers by the channel they were acquired through, e.g. {@code "facebook-ads"}: pass
     * it to {@link OrderLog#groupBy} to compare the retention of channels.
     *
     * @param profiles where the customers' profiles are; the function reads it each time it is
     *     applied, so it sees the profiles as they are then
     * @return the customer's acquisition channel, or {@link #UNKNOWN} without a profile or a source;
     *     thread-safe if the store is
     */
    public static Function<CustomerId, String> byChannel(ProfileStore profiles) {
        requireNonNull(profiles, "profiles");
        return id -> profiles.find(id).flatMap(p -> p.acquisitionSource()).map(AcquisitionSource::channel)
                .orElse(UNKNOWN);
    }

    /**
     * Groups customers by channel and, when known, campaign: {@code "email/black-friday-2026"} for a
     * source with a campaign, {@code "organic"} for one without. Finer than {@link #byChannel}, so
     * groups are smaller and their rates noisier.
     *
     * @param profiles where the customers' profiles are; the function reads it each time it is
     *     applied, so it sees the profiles as they are then
     * @return the customer's {@code channel/campaign} or channel, or {@link #UNKNOWN} without a profile
     *     or a source; thread-safe if the store is
     */
    public static Function<CustomerId, String> byCampaign(ProfileStore profiles) {
        requireNonNull(profiles, "profiles");
        return id -> profiles.find(id).flatMap(p -> p.acquisitionSource())
                .map(s -> s.campaign().map(c -> s.channel() + "/" + c).orElse(s.channel()))
                .orElse(UNKNOWN);
    }
}
