package dev.retention.core.profile;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The customer's latest word on one channel: consent given ({@code granted}) or withdrawn, and when.
 */
public record Consent(Channel channel, boolean granted, Instant at) {

    public Consent {
        requireNonNull(channel, "channel");
        requireNonNull(at, "at");
    }

    public static Consent given(Channel channel, Instant at) {
        return new Consent(channel, true, at);
    }

    public static Consent withdrawn(Channel channel, Instant at) {
        return new Consent(channel, false, at);
    }
}
