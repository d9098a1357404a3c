package dev.retention.senders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.DeliveryResult.Status;
import dev.retention.core.send.OutgoingMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSenderTest {
    private static final String SECRET = "whsec_test";
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final LoopbackHttpServer server = new LoopbackHttpServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private WebhookSender sender() {
        return WebhookSender.builder(server.url(), SECRET).clock(CLOCK).connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(2)).build();
    }

    private static OutgoingMessage message() {
        return new OutgoingMessage("winback:anna:0:1", new CustomerId("anna"), "winback", Channel.WEBHOOK,
                "we-miss-you", Map.of("step", 1, "discountCode", "COMEBACK10", "viewed", List.of("kettle", "mug")));
    }

    @Test
    void postsSignedJsonThatTheReceiverVerifies() throws IOException {
        DeliveryResult result = sender().send(message());

        assertThat(result.status()).isEqualTo(Status.SENT);
        assertThat(server.received).singleElement().satisfies(r -> {
            assertThat(r.headers().getFirst("Idempotency-Key")).isEqualTo("winback:anna:0:1");
            assertThat(r.headers().getFirst("Content-Type")).isEqualTo("application/json");
            String signature = r.headers().getFirst(WebhookSignature.HEADER);
            assertThat(signature).startsWith("t=" + NOW.getEpochSecond() + ",v1=");
            WebhookVerifier.of(SECRET, Duration.ofMinutes(5), CLOCK).verify(signature, r.body());
            assertThat(WebhookVerifier.of("another secret", Duration.ofMinutes(5), CLOCK).isValid(signature, r.body()))
                    .isFalse();
        });
        JsonNode body = new ObjectMapper().readTree(server.received.get(0).body());
        assertThat(body.get("idempotencyKey").asText()).isEqualTo("winback:anna:0:1");
        assertThat(body.get("campaign").asText()).isEqualTo("winback");
        assertThat(body.get("step").asInt()).isEqualTo(1);
        assertThat(body.get("customer").asText()).isEqualTo("anna");
        assertThat(body.get("channel").asText()).isEqualTo("webhook");
        assertThat(body.get("template").asText()).isEqualTo("we-miss-you");
        assertThat(body.get("data").get("discountCode").asText()).isEqualTo("COMEBACK10");
        assertThat(body.get("data").get("viewed").get(1).asText()).isEqualTo("mug");
        assertThat(body.has("recipient")).isFalse();
        assertThat(body.has("locale")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "200, SENT", "202, SENT", "204, SENT",
        "301, PERMANENT_FAILURE", "400, PERMANENT_FAILURE", "401, PERMANENT_FAILURE", "404, PERMANENT_FAILURE",
        "410, PERMANENT_FAILURE", "422, PERMANENT_FAILURE",
        "408, RETRYABLE_FAILURE", "429, RETRYABLE_FAILURE", "500, RETRYABLE_FAILURE", "502, RETRYABLE_FAILURE",
        "503, RETRYABLE_FAILURE", "504, RETRYABLE_FAILURE"})
    void eachStatusClassMapsToWhatTheEngineDoesNext(int status, Status expected) {
        server.status = status;

        DeliveryResult result = sender().send(message());

        assertThat(result.status()).isEqualTo(expected);
        if (expected != Status.SENT) {
            assertThat(result.detail()).hasValueSatisfying(d -> assertThat(d).startsWith("HTTP " + status));
        }
        assertThat(result.retryAfter()).isEmpty();
    }

    @Test
    void retryAfterInSecondsOrAsADateIsPassedToTheEngine() {
        server.status = 429;
        server.retryAfter = "120";
        assertThat(sender().send(message()).retryAfter()).contains(Duration.ofSeconds(120));

        server.status = 503;
        server.retryAfter = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(NOW.plusSeconds(300), ZoneOffset.UTC));
        assertThat(sender().send(message()).retryAfter()).contains(Duration.ofSeconds(300));

        server.retryAfter = "soon";
        DeliveryResult unreadable = sender().send(message());
        assertThat(unreadable.status()).isEqualTo(Status.RETRYABLE_FAILURE);
        assertThat(unreadable.retryAfter()).isEmpty();
    }

    @Test
    void aSlowServerIsATimeoutTheEngineRetries() {
        server.hold = new CountDownLatch(1);
        WebhookSender impatient = WebhookSender.builder(server.url(), SECRET).clock(CLOCK)
                .requestTimeout(Duration.ofMillis(200)).build();

        DeliveryResult result = impatient.send(message());

        assertThat(result.status()).isEqualTo(Status.RETRYABLE_FAILURE);
        assertThat(result.detail()).hasValueSatisfying(d -> assertThat(d).startsWith("timeout"));
    }

    @Test
    void aRefusedConnectionIsRetried() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        WebhookSender toNowhere = WebhookSender.builder(URI.create("http://127.0.0.1:" + port + "/hook"), SECRET)
                .connectTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(1)).build();

        DeliveryResult result = toNowhere.send(message());

        assertThat(result.status()).isEqualTo(Status.RETRYABLE_FAILURE);
        assertThat(result.detail()).hasValueSatisfying(d -> assertThat(d).startsWith("connection failed"));
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> WebhookSender.builder(URI.create("ftp://x/hook"), SECRET))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url").hasMessageContaining("ftp://x/hook");
        assertThatThrownBy(() -> WebhookSender.builder(server.url(), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> WebhookSender.builder(server.url(), SECRET).requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requestTimeout").hasMessageContaining("PT0S");
    }
}
