package dev.retention.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.OutgoingMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSenderTest {
    private static final OutgoingMessage LETTER =
            new OutgoingMessage("k1", CustomerId.of("anna"), "win-back", Channel.EMAIL, "we-miss-you", Map.of());

    @Test
    void scriptedFailuresComeFirstThenDeliveryResumesAndRepeatsAreDuplicates() {
        TestSender sender = new TestSender().failNext(1, DeliveryResult.retryableFailure("timeout"));

        assertThat(sender.send(LETTER).status()).isEqualTo(DeliveryResult.Status.RETRYABLE_FAILURE);
        assertThat(sender.delivered()).isEmpty();
        assertThat(sender.send(LETTER).status()).isEqualTo(DeliveryResult.Status.SENT);
        assertThat(sender.send(LETTER).status()).isEqualTo(DeliveryResult.Status.DUPLICATE);
        // the repeat reached the sender, so the outbox must be able to see it
        assertThat(sender.delivered()).containsExactly(LETTER, LETTER);
        assertThat(sender.distinct()).containsExactly(LETTER);
        assertThat(sender.attempts()).isEqualTo(3);
    }

    @Test
    void onlyFailuresCanBeScripted() {
        assertThatThrownBy(() -> new TestSender().failNext(1, DeliveryResult.sent()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SENT");
        assertThatThrownBy(() -> new TestSender().failNext(0, DeliveryResult.permanentFailure("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    }
}
