package dev.retention.senders;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.RetentionException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Checks a {@link WebhookSignature} on the receiving side: the HMAC must match the body, and the
 * signed timestamp must lie within the replay window of the receiver's clock, so a captured request
 * cannot be played again later. Immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.of(secret, Duration.ofMinutes(5), Clock.systemUTC());
 * verifier.verify(request.header("Retention-Signature"), request.bodyBytes()); // throws if forged or stale
 * }</pre>
 */
public final class WebhookVerifier {
    private final String secret;
    private final Duration window;
    private final Clock clock;

    private WebhookVerifier(String secret, Duration window, Clock clock) {
        this.secret = secret;
        this.window = window;
        this.clock = clock;
    }

    /**
     * A verifier for one shared secret.
     *
     * @param secret the secret the sender signs with, not blank
     * @param replayWindow how far the signed time may lie from now, either way; positive
     * @param clock the receiver's clock
     * @return the verifier
     * @throws IllegalArgumentException if {@code secret} is blank or {@code replayWindow} not positive
     * @throws NullPointerException if an argument is null
     */
    public static WebhookVerifier of(String secret, Duration replayWindow, Clock clock) {
        checkArgument(secret != null && !secret.isBlank(), "secret must not be blank");
        requireNonNull(replayWindow, "replayWindow");
        checkArgument(!replayWindow.isNegative() && !replayWindow.isZero(), "replayWindow must be positive, got %s",
                replayWindow);
        return new WebhookVerifier(secret, replayWindow, requireNonNull(clock, "clock"));
    }

    /**
     * Whether the request is authentic and fresh.
     *
     * @param header the {@value WebhookSignature#HEADER} header's value, or null if absent
     * @param body the exact request body
     * @return true if {@link #verify} would pass
     */
    public boolean isValid(String header, byte[] body) {
        try {
            verify(header, body);
            return true;
        } catch (InvalidSignatureException e) {
            return false;
        }
    }

    /**
     * Checks the request, or says why it is refused.
     *
     * @param header the {@value WebhookSignature#HEADER} header's value, or null if absent
     * @param body the exact request body, not null
     * @throws InvalidSignatureException if the header is missing or malformed, no {@code v1}
     *     signature matches, or the timestamp lies outside the replay window
     * @throws NullPointerException if {@code body} is null
     */
    public void verify(String header, byte[] body) {
        requireNonNull(body, "body");
        if (header == null || header.isBlank()) {
            throw new InvalidSignatureException("missing " + WebhookSignature.HEADER + " header");
        }
        OptionalLong timestamp = OptionalLong.empty();
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new InvalidSignatureException("malformed signature header element '" + part + "'");
            }
            if (kv[0].equals("t")) {
                try {
                    timestamp = OptionalLong.of(Long.parseLong(kv[1]));
                } catch (NumberFormatException e) {
                    throw new InvalidSignatureException("malformed timestamp t=" + kv[1]);
                }
            } else if (kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
            // other schemes (v0, future versions) are ignored, as Stripe's verifiers do
        }
        if (timestamp.isEmpty() || signatures.isEmpty()) {
            throw new InvalidSignatureException("signature header needs t= and v1=");
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp.getAsLong());
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(window) > 0) {
            throw new InvalidSignatureException("timestamp " + signedAt + " is outside the replay window of "
                    + window + " around " + clock.instant());
        }
        byte[] expected = WebhookSignature.hmacHex(secret, timestamp.getAsLong(), body)
                .getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatures) {
            // constant time, so the comparison leaks nothing about how much of a forgery matched
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return;
            }
        }
        throw new InvalidSignatureException("no v1 signature matches the body");
    }

    /** A webhook request whose signature is missing, forged or stale. */
    public static final class InvalidSignatureException extends RetentionException {
        private static final long serialVersionUID = 1L;

        /**
         * An exception saying why the request was refused.
         *
         * @param message why
         */
        public InvalidSignatureException(String message) {
            super(message);
        }
    }
}
