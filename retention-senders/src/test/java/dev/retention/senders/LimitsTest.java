package dev.retention.senders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.DeliveryResult.Status;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.PlannedMessage;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LimitsTest {
    private final AtomicInteger delivered = new AtomicInteger();
    private final MessageSender counting = m -> {
        delivered.incrementAndGet();
        return DeliveryResult.sent();
    };

    private static OutgoingMessage on(Channel channel, String key) {
        return new OutgoingMessage(key, new CustomerId("c-1"), "c", channel, "t", Map.of());
    }

    @Test
    void aChannelOverItsRateGetsARetryableFailureAndOtherChannelsPass() {
        // one message per 1000 seconds: the second within the test can never get a permit
        MessageSender limited = Limits.rate(counting, Map.of(Channel.EMAIL, 0.001), Duration.ZERO);

        assertThat(limited.send(on(Channel.EMAIL, "k1")).status()).isEqualTo(Status.SENT);
        DeliveryResult second = limited.send(on(Channel.EMAIL, "k2"));
        assertThat(second.status()).isEqualTo(Status.RETRYABLE_FAILURE);
        assertThat(second.detail()).hasValueSatisfying(d -> assertThat(d).contains("rate limit", "email"));
        assertThat(limited.send(on(Channel.SMS, "k3")).status()).isEqualTo(Status.SENT);
        assertThat(limited.send(on(Channel.SMS, "k4")).status()).isEqualTo(Status.SENT);
        assertThat(delivered).hasValue(3);
    }

    @Test
    void callsBeyondTheConcurrencyLimitAreRetriedLaterAndASlotFreesOnReturn() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MessageSender slow = m -> {
            if (m.idempotencyKey().equals("held")) {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return counting.send(m);
        };
        MessageSender bounded = Limits.concurrency(slow, 1, Duration.ZERO);

        CompletableFuture<DeliveryResult> held = CompletableFuture.supplyAsync(() -> bounded.send(on(Channel.EMAIL, "held")));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        DeliveryResult refused = bounded.send(on(Channel.EMAIL, "k2"));
        release.countDown();

        assertThat(refused.status()).isEqualTo(Status.RETRYABLE_FAILURE);
        assertThat(refused.detail()).hasValueSatisfying(d -> assertThat(d).contains("concurrency limit of 1"));
        assertThat(held.get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.SENT);
        assertThat(bounded.send(on(Channel.EMAIL, "k3")).status()).isEqualTo(Status.SENT);
        assertThat(delivered).hasValue(2);
    }

    @Test
    void aSenderThatThrowsStillFreesItsSlot() {
        MessageSender bounded = Limits.concurrency(m -> {
            throw new IllegalStateException("boom");
        }, 1, Duration.ZERO);

        assertThatThrownBy(() -> bounded.send(on(Channel.EMAIL, "k1"))).hasMessage("boom");
        assertThatThrownBy(() -> bounded.send(on(Channel.EMAIL, "k2"))).hasMessage("boom");
    }

    @Test
    void badSettingsAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Limits.rate(counting, Map.of(Channel.EMAIL, 0.0), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate for channel email").hasMessageContaining("0.0");
        assertThatThrownBy(() -> Limits.concurrency(counting, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInFlight").hasMessageContaining("0");
        assertThatThrownBy(() -> Limits.concurrency(counting, 1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWait").hasMessageContaining("PT-1S");
    }

    @Test
    void theEnginesBuildTimeCheckReachesTheSenderInsideTheLimits() {
        Templates templates = Templates.builder().template("t", Locale.ROOT, "Hi {{name}}", "Hi", "<p>Hi</p>").build();
        MessageSender limited = Limits.concurrency(Limits.rate(SmtpSender.builder("127.0.0.1", 25)
                .from("news@shop.example", "Shop").renderer(templates).build(), Map.of(Channel.EMAIL, 10.0),
                Duration.ZERO), 2, Duration.ZERO);

        limited.check(new PlannedMessage("c", 0, Channel.EMAIL, "t", Set.of("name")));
        assertThatThrownBy(() -> limited.check(new PlannedMessage("c", 0, Channel.EMAIL, "t", Set.of("step"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("template t (root locale) uses the variable name");
    }
}
