package dev.retention.kafka;

import dev.retention.core.event.CustomerEvent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Re-keys shop events by customer id on their way to the by-customer topic, so that every event of
 * a customer reaches the task that holds the customer's state; a record that cannot be read goes to
 * the dead-letter topic with the reason. Stateless; runs on its task's thread.
 */
final class RekeyProcessor implements Processor<byte[], byte[], String, byte[]> {
    private final Deserializer<CustomerEvent> events;
    private ProcessorContext<String, byte[]> context;

    RekeyProcessor(Deserializer<CustomerEvent> events) {
        this.events = events;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("the record has no value");
            }
            CustomerEvent event = events.deserialize(topic, record.value());
            if (event == null) {
                throw new IllegalArgumentException("the event deserializer answered null");
            }
            context.forward(record.withKey(event.customerId().value()), RetentionTopology.REKEY_SINK);
        } catch (RuntimeException e) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(RetentionTopology.REASON_HEADER,
                    (e.getClass().getSimpleName() + ": " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
            headers.add(RetentionTopology.TOPIC_HEADER, topic.getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(key, record.value(), record.timestamp(), headers),
                    RetentionTopology.REKEY_DEAD_LETTER_SINK);
        }
    }
}
