package dev.retention.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {
    static final String TOPIC = "retention-outbox";
    static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    final List<String> calls = new ArrayList<>();
    final Set<String> delivered = new HashSet<>();
    final Deque<DeliveryResult> scripted = new ArrayDeque<>();

    /** A provider that keeps the keys it sent, as MessageSender asks. */
    DeliveryResult send(OutgoingMessage m) {
        calls.add(m.idempotencyKey());
        if (!scripted.isEmpty()) {
            return scripted.poll();
        }
        return delivered.add(m.idempotencyKey()) ? DeliveryResult.sent() : DeliveryResult.duplicate();
    }

    OutboxRelay relay() {
        OutboxRelay relay = OutboxRelay.over(consumer, TOPIC, this::send, Duration.ofMillis(1));
        consumer.rebalance(List.of(P0));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        return relay;
    }

    void add(long offset, String key) {
        OutgoingMessage m = new OutgoingMessage(key, CustomerId.of("anna"), "win-back", Channel.EMAIL, "we-miss-you",
                Map.of("orderCount", 3), Optional.of("anna@example.com"));
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, key, OutboxMessageJson.write(m)));
    }

    @Test
    void sendsEachMessageWithItsKeyAndCommitsWhatTheSenderAnswered() {
        OutboxRelay relay = relay();
        add(0, "k0");
        add(1, "k1");
        assertThat(relay.pollOnce(Duration.ZERO)).isEqualTo(new OutboxRelay.Batch(2, 0, 0, 0, 0));
        assertThat(calls).containsExactly("k0", "k1");
        assertThat(consumer.committed(Set.of(P0)).get(P0).offset()).isEqualTo(2);
    }

    @Test
    void aRetryableFailureStopsThePartitionThereAndTheMessageIsOfferedAgain() {
        OutboxRelay relay = relay();
        add(0, "k0");
        add(1, "k1");
        add(2, "k2");
        scripted.add(DeliveryResult.sent());
        scripted.add(DeliveryResult.retryableFailure("busy"));
        assertThat(relay.pollOnce(Duration.ZERO)).isEqualTo(new OutboxRelay.Batch(1, 0, 0, 0, 1));
        assertThat(consumer.committed(Set.of(P0)).get(P0).offset()).isEqualTo(1);
        assertThat(consumer.position(P0)).isEqualTo(1);
        // the mock hands out records once: offer the rest again, as the broker would after the seek
        add(1, "k1");
        add(2, "k2");
        assertThat(relay.pollOnce(Duration.ZERO)).isEqualTo(new OutboxRelay.Batch(2, 0, 0, 0, 0));
        assertThat(calls).containsExactly("k0", "k1", "k1", "k2");
        assertThat(consumer.committed(Set.of(P0)).get(P0).offset()).isEqualTo(3);
    }

    /**
     * At least once: after a crash between the send and the commit, the next relay of the group
     * gets the record again, and the sender recognises it by its key.
     */
    @Test
    void aMessageDeliveredAgainAfterACrashIsRecognisedByItsKey() {
        OutboxRelay relay = relay();
        add(0, "k0");
        relay.pollOnce(Duration.ZERO);

        MockConsumer<String, byte[]> next = new MockConsumer<>("earliest");
        OutboxRelay successor = OutboxRelay.over(next, TOPIC, this::send, Duration.ofMillis(1));
        next.rebalance(List.of(P0));
        next.updateBeginningOffsets(Map.of(P0, 0L));
        OutgoingMessage m = new OutgoingMessage("k0", CustomerId.of("anna"), "win-back", Channel.EMAIL, "we-miss-you",
                Map.of("orderCount", 3), Optional.of("anna@example.com"));
        next.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "k0", OutboxMessageJson.write(m)));
        assertThat(successor.pollOnce(Duration.ZERO)).isEqualTo(new OutboxRelay.Batch(0, 1, 0, 0, 0));
        assertThat(calls).containsExactly("k0", "k0");
    }

    @Test
    void anUnreadableRecordAndAPermanentFailureAreSkipped() {
        OutboxRelay relay = relay();
        consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, 0, "x", "nope".getBytes(StandardCharsets.UTF_8)));
        add(1, "k1");
        add(2, "k2");
        scripted.add(DeliveryResult.permanentFailure("no such mailbox"));
        assertThat(relay.pollOnce(Duration.ZERO)).isEqualTo(new OutboxRelay.Batch(1, 0, 1, 1, 0));
        assertThat(consumer.committed(Set.of(P0)).get(P0).offset()).isEqualTo(3);
    }
}
