package dev.retention.senders;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.io.BaseEncoding;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a {@link WebhookSender} puts on each request, in the scheme Stripe and GitHub users
 * know: header {@value #HEADER} holds {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the HMAC keyed
 * with the shared secret over {@code <t>.<body>}. Signing the timestamp with the body lets the
 * receiver refuse a replayed request ({@link WebhookVerifier}).
 */
public final class WebhookSignature {
    /** The request header that carries the signature. */
    public static final String HEADER = "Retention-Signature";

    private WebhookSignature() {
    }

    /**
     * The header value for {@code body} sent at {@code timestamp}.
     *
     * @param secret the shared secret, not blank
     * @param timestamp when the request is sent (whole seconds are signed)
     * @param body the exact request body
     * @return {@code t=...,v1=...}
     * @throws IllegalArgumentException if {@code secret} is null or blank
     * @throws NullPointerException if {@code timestamp} or {@code body} is null
     */
    public static String header(String secret, Instant timestamp, byte[] body) {
        long t = requireNonNull(timestamp, "timestamp").getEpochSecond();
        return "t=" + t + ",v1=" + hmacHex(secret, t, body);
    }

    static String hmacHex(String secret, long timestamp, byte[] body) {
        checkArgument(secret != null && !secret.isBlank(), "secret must not be blank");
        requireNonNull(body, "body");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return BaseEncoding.base16().lowerCase().encode(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java platform ships HmacSHA256, and any non-empty key is valid for it
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
