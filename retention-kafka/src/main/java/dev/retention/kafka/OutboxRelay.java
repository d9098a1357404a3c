package dev.retention.kafka;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender stage: reads the outbox topic and hands each message to a {@link MessageSender},
 * at least once. The record's key is the message's idempotency key, so a repeat (after a crash
 * between a send and the offset commit, or a retry) reaches the sender with the same key: a sender
 * that keeps the keys it sent answers {@link DeliveryResult.Status#DUPLICATE} instead of sending
 * twice.
 *
 * <p>Offsets are committed only for records the sender has answered: sent, duplicate, or failed for
 * good (logged by key, then skipped; the decision stays in the fire log as sent to the outbox). A
 * retryable failure stops its partition there: the consumer seeks back to the record, so the next
 * poll offers it again, and {@link #run} waits the retry backoff first; later records of that
 * partition wait behind it (per-partition order is kept). A value that is not an outbox message is
 * logged by offset and skipped.
 *
 * <pre>{@code
 * OutboxRelay relay = OutboxRelay.over(new KafkaConsumer<>(OutboxRelay.consumerProperties("kafka:9092", "retention-sender")),
 *         "retention-outbox", sender, Duration.ofSeconds(5));
 * Thread thread = new Thread(relay::run);    // your thread; relay.stop() from any thread ends it
 * }</pre>
 *
 * <p>Not thread-safe, like the Kafka consumer under it: one thread calls {@link #pollOnce} or
 * {@link #run}; {@link #stop} may be called from any thread.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final Consumer<String, byte[]> consumer;
    private final MessageSender sender;
    private final Duration retryBackoff;
    private volatile boolean stopped;

    private OutboxRelay(Consumer<String, byte[]> consumer, MessageSender sender, Duration retryBackoff) {
        this.consumer = consumer;
        this.sender = sender;
        this.retryBackoff = retryBackoff;
    }

    /**
     * A relay subscribed to the outbox topic.
     *
     * @param consumer a consumer without auto-commit, reading committed records only (see
     *     {@link #consumerProperties}); the relay owns it from now on and closes it
     * @param outboxTopic the topology's outbox topic
     * @param sender where the messages go; called on the relay's thread
     * @param retryBackoff how long {@link #run} waits before offering a message again after a
     *     retryable failure, at least one millisecond
     * @return the relay
     */
    public static OutboxRelay over(Consumer<String, byte[]> consumer, String outboxTopic, MessageSender sender,
            Duration retryBackoff) {
        requireNonNull(consumer, "consumer");
        checkArgument(outboxTopic != null && !outboxTopic.isBlank(), "outboxTopic must not be blank");
        requireNonNull(sender, "sender");
        requireNonNull(retryBackoff, "retryBackoff");
        checkArgument(retryBackoff.toMillis() >= 1, "retryBackoff must be at least 1ms, got %s", retryBackoff);
        consumer.subscribe(List.of(outboxTopic));
        return new OutboxRelay(consumer, sender, retryBackoff);
    }

    /**
     * Consumer settings for a relay: no auto-commit (the relay commits what the sender answered),
     * {@code isolation.level=read_committed} (only messages of committed Streams transactions),
     * string keys and byte values, reading from the earliest record for a new group.
     *
     * @param bootstrapServers the brokers
     * @param groupId the relay's consumer group; run several relays in one group to spread partitions
     * @return new, mutable properties
     */
    public static Properties consumerProperties(String bootstrapServers, String groupId) {
        checkArgument(bootstrapServers != null && !bootstrapServers.isBlank(), "bootstrapServers must not be blank");
        checkArgument(groupId != null && !groupId.isBlank(), "groupId must not be blank");
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }

    /**
     * What one poll did.
     *
     * @param sent messages the sender delivered
     * @param duplicates messages the sender recognised by their key as sent before
     * @param failed messages that failed for good (skipped)
     * @param unreadable records that were not outbox messages (skipped)
     * @param retrying partitions stopped at a retryable failure, to be offered again
     */
    public record Batch(int sent, int duplicates, int failed, int unreadable, int retrying) {}

    /**
     * Polls once, hands the records to the sender in order, and commits the offsets of what the
     * sender answered.
     *
     * @param timeout how long the poll may wait for records
     * @return what happened
     */
    public Batch pollOnce(Duration timeout) {
        ConsumerRecords<String, byte[]> records = consumer.poll(requireNonNull(timeout, "timeout"));
        int sent = 0;
        int duplicates = 0;
        int failed = 0;
        int unreadable = 0;
        Set<TopicPartition> retrying = new HashSet<>();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (retrying.contains(partition)) {
                continue; // behind a message that waits for its retry
            }
            OutgoingMessage message;
            try {
                message = OutboxMessageJson.read(requireNonNull(record.value(), "value"));
            } catch (RuntimeException e) {
                LOG.warn("outbox record {}@{} is not a message, skipped: {}", partition, record.offset(),
                        e.getClass().getSimpleName());
                unreadable++;
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                continue;
            }
            DeliveryResult result = send(message);
            switch (result.status()) {
                case SENT -> sent++;
                case DUPLICATE -> duplicates++;
                case PERMANENT_FAILURE -> {
                    // the key, never the message: personalisation and contact data stay out of logs
                    LOG.warn("outbox message {} failed for good, skipped", message.idempotencyKey());
                    failed++;
                }
                case RETRYABLE_FAILURE -> {
                    retrying.add(partition);
                    consumer.seek(partition, record.offset());
                    continue;
                }
            }
            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        return new Batch(sent, duplicates, failed, unreadable, retrying.size());
    }

    /** A sender that throws fails one attempt, retryably, as it does in the campaign engine. */
    private DeliveryResult send(OutgoingMessage message) {
        try {
            DeliveryResult result = sender.send(message);
            return result != null ? result : DeliveryResult.permanentFailure("the sender answered null");
        } catch (RuntimeException e) {
            return DeliveryResult.retryableFailure("the sender threw " + e.getClass().getSimpleName());
        }
    }

    /**
     * Polls until {@link #stop}, waiting the retry backoff after a poll that left messages to
     * retry. Returns when stopped; the caller then {@link #close}s.
     */
    public void run() {
        try {
            while (!stopped) {
                Batch batch = pollOnce(Duration.ofMillis(500));
                if (batch.retrying() > 0 && !stopped) {
                    Thread.sleep(retryBackoff.toMillis());
                }
            }
        } catch (WakeupException e) {
            if (!stopped) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends {@link #run} soon; safe from any thread. */
    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    /** Closes the consumer. */
    @Override
    public void close() {
        consumer.close();
    }
}
