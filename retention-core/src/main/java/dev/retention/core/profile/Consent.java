package dev.retention.core.profile;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The customer's latest word on one channel: consent given ({@code granted}) or withdrawn, and when.
 *
 * <p>A profile keeps one consent per channel, the latest, so record each decision as it comes with
 * {@link CustomerProfile.Builder#consent(Consent)}. Immutable and thread-safe.
 *
 * @param channel the channel the decision is about
 * @param granted true if the customer agreed to messages on the channel, false if they withdrew
 *     (or refused) it
 * @param at when the customer made the decision; consent counts from this instant on
 */
public record Consent(Channel channel, boolean granted, Instant at) {

    /**
     * A consent decision.
     *
     * @param channel the channel the decision is about
     * @param granted true for consent given, false for consent withdrawn
     * @param at when the customer decided
     * @throws NullPointerException if {@code channel} or {@code at} is null
     */
    public Consent {
        requireNonNull(channel, "channel");
        requireNonNull(at, "at");
    }

    /**
     * The customer agreed to messages on the channel, e.g. ticked the newsletter box at sign-up.
     *
     * @param channel the channel
     * @param at when the customer agreed
     * @return a granted consent
     * @throws NullPointerException if an argument is null
     */
    public static Consent given(Channel channel, Instant at) {
        return new Consent(channel, true, at);
    }

    /**
     * The customer withdrew consent for the channel, e.g. unsubscribed: from then on no
     * consent-guarded message goes out on it.
     *
     * @param channel the channel
     * @param at when the customer withdrew
     * @return a withdrawn consent
     * @throws NullPointerException if an argument is null
     */
    public static Consent withdrawn(Channel channel, Instant at) {
        return new Consent(channel, false, at);
    }
}
