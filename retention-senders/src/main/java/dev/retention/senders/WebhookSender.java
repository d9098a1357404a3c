package dev.retention.senders;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each message as signed JSON to one URL: the shop's own messaging service, Zapier, a CRM.
 *
 * <p>The body holds {@code idempotencyKey}, {@code campaign}, {@code step}, {@code customer},
 * {@code channel}, {@code template}, {@code recipient} (if the engine resolved one), {@code locale}
 * (the customer's language tag, if the profile names one) and
 * {@code data} (the personalisation). Headers: {@code Idempotency-Key} (the fire entry's key, the
 * same on every retry) and {@value WebhookSignature#HEADER} ({@link WebhookSignature}).
 *
 * <p>The answer maps to the engine's retry: 2xx is sent; 408, 429 and 5xx, a timeout or a refused
 * connection are retried (honouring {@code Retry-After}); any other status (4xx, an unfollowed 3xx)
 * is a permanent failure. Thread-safe; one instance serves all the engine's send threads.
 *
 * <pre>{@code
 * MessageSender sender = WebhookSender.builder(URI.create("https://shop.example/hooks/retention"), secret)
 *         .requestTimeout(Duration.ofSeconds(5)).build();
 * }</pre>
 */
public final class WebhookSender implements MessageSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String secret;
    private final Duration requestTimeout;
    private final Clock clock;
    private final HttpClient client;

    private WebhookSender(Builder b) {
        this.url = b.url;
        this.secret = b.secret;
        this.requestTimeout = b.requestTimeout;
        this.clock = b.clock;
        this.client = HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Starts a sender posting to {@code url}, signing with {@code secret}.
     *
     * @param url an absolute {@code http} or {@code https} URL
     * @param secret the shared secret the receiver verifies with, not blank
     * @return a builder with 5 seconds connect and 10 seconds request timeout and the UTC clock
     * @throws IllegalArgumentException if {@code url} is not absolute http(s) or {@code secret} is blank
     * @throws NullPointerException if {@code url} is null
     */
    public static Builder builder(URI url, String secret) {
        return new Builder(url, secret);
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        requireNonNull(message, "message");
        byte[] body = body(message);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.idempotencyKey())
                .header(WebhookSignature.HEADER, WebhookSignature.header(secret, clock.instant(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return result(response.statusCode(), response.headers().firstValue("Retry-After"));
        } catch (HttpTimeoutException e) {
            return failed(message, "timeout: " + e.getClass().getSimpleName());
        } catch (ConnectException e) {
            return failed(message, "connection failed: " + e.getClass().getSimpleName());
        } catch (IOException e) {
            return failed(message, "I/O error: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(message, "interrupted");
        }
    }

    private DeliveryResult failed(OutgoingMessage message, String why) {
        LOG.debug("webhook send failed: key={} {}", message.idempotencyKey(), why);
        return DeliveryResult.retryableFailure(why);
    }

    private DeliveryResult result(int status, Optional<String> retryAfter) {
        String detail = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return DeliveryResult.sent();
        }
        if (status == 408 || status == 429 || status >= 500) {
            Optional<Duration> wait = retryAfter.flatMap(this::parseRetryAfter);
            return wait.map(w -> DeliveryResult.retryableFailure(detail + ", retry after " + w, w))
                    .orElseGet(() -> DeliveryResult.retryableFailure(detail));
        }
        return DeliveryResult.permanentFailure(status >= 300 && status < 400 ? detail + " (redirects are not followed)"
                : detail);
    }

    /** Delta seconds or an HTTP date (RFC 9110); anything else is ignored, the engine's backoff applies. */
    Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static byte[] body(OutgoingMessage message) {
        ObjectNode json = JSON.createObjectNode();
        json.put("idempotencyKey", message.idempotencyKey());
        json.put("campaign", message.campaignId());
        Object step = message.personalisation().get("step");
        json.put("step", step instanceof Number n ? n.intValue() : 0);
        json.put("customer", message.customerId().value());
        json.put("channel", message.channel().name());
        json.put("template", message.templateId());
        message.recipient().ifPresent(r -> json.put("recipient", r));
        message.locale().ifPresent(l -> json.put("locale", l.toLanguageTag()));
        json.set("data", JSON.valueToTree(message.personalisation()));
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook body for key " + message.idempotencyKey(), e);
        }
    }

    /** Configures a {@link WebhookSender}; {@link #build()} checks the settings. */
    public static final class Builder {
        private final URI url;
        private final String secret;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder(URI url, String secret) {
            requireNonNull(url, "url");
            checkArgument(url.isAbsolute() && ("http".equals(url.getScheme()) || "https".equals(url.getScheme())),
                    "url must be an absolute http or https URL, got %s", url);
            checkArgument(secret != null && !secret.isBlank(), "secret must not be blank");
            this.url = url;
            this.secret = secret;
        }

        /**
         * How long to wait for the TCP (and TLS) connection; default 5 seconds.
         *
         * @param timeout positive
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive("connectTimeout", timeout);
            return this;
        }

        /**
         * How long to wait for the response once connected; default 10 seconds. Keep it below the
         * engine's send timeout, so the sender answers a retry before the engine gives up on it.
         *
         * @param timeout positive
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive("requestTimeout", timeout);
            return this;
        }

        /**
         * The clock the signature's timestamp and {@code Retry-After} dates are read against;
         * default UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The sender.
         *
         * @return a sender with these settings
         */
        public WebhookSender build() {
            return new WebhookSender(this);
        }

        private static Duration positive(String name, Duration d) {
            requireNonNull(d, name);
            checkArgument(!d.isNegative() && !d.isZero(), "%s must be positive, got %s", name, d);
            return d;
        }
    }
}
