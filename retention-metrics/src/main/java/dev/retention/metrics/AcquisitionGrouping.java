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

    /** The acquisition channel, e.g. {@code "facebook-ads"}. */
    public static Function<CustomerId, String> byChannel(ProfileStore profiles) {
        requireNonNull(profiles, "profiles");
        return id -> profiles.find(id).flatMap(p -> p.acquisitionSource()).map(AcquisitionSource::channel)
                .orElse(UNKNOWN);
    }

    /** The channel and, when known, the campaign: {@code "email/black-friday-2026"} or {@code "organic"}. */
    public static Function<CustomerId, String> byCampaign(ProfileStore profiles) {
        requireNonNull(profiles, "profiles");
        return id -> profiles.find(id).flatMap(p -> p.acquisitionSource())
                .map(s -> s.campaign().map(c -> s.channel() + "/" + c).orElse(s.channel()))
                .orElse(UNKNOWN);
    }
}
