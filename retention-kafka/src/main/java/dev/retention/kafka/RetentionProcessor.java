package dev.retention.kafka;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.campaign.CampaignEngine;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.customer.Retention;
import dev.retention.rules.loyalty.LedgerEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention step of the topology, one instance per task: each shop event (or profile) of a
 * customer runs through the library's {@link Retention} facade over the task's state store, in one
 * step of the customer; the messages the engine sends go to the outbox topic and the ledger's new
 * entries to the ledger topic, all in the same Kafka transaction as the state change under
 * {@code exactly_once_v2}. A record that cannot be read or that the library refuses goes to the
 * dead-letter topic with the reason, and the task goes on. Runs on its task's thread only.
 */
final class RetentionProcessor implements Processor<String, byte[], String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionProcessor.class);

    private final RetentionTopology config;
    private final Deserializer<CustomerEvent> events;
    private final List<OutgoingMessage> outbox = new ArrayList<>();
    private final TaskClock clock = new TaskClock();
    private ProcessorContext<String, byte[]> context;
    private KeyedCustomerStateStore state;
    private Retention retention;

    RetentionProcessor(RetentionTopology config) {
        this.config = config;
        this.events = config.eventDeserializer();
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        KeyValueStore<String, CustomerState> store = context.getStateStore(config.storeName());
        // a new seam on every init: a task revived after an aborted transaction starts from its store
        this.state = new KeyedCustomerStateStore(store, config.cachedCustomers());
        // the "sender" hands the message to the outbox topic: it is sent for real by the sender
        // stage, so here a message is delivered once it is on the outbox, in the task's transaction
        this.retention = config.newRetention(state, message -> {
            outbox.add(message);
            return DeliveryResult.sent();
        }, clock);
        context.schedule(config.tickInterval(), PunctuationType.WALL_CLOCK_TIME, this::tick);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        boolean profiles = config.profilesTopic().filter(topic::equals).isPresent();
        if (profiles && record.value() == null && record.key() != null && !record.key().isBlank()) {
            // a tombstone on the profiles topic erases the customer (the right to erasure): the
            // store deletes the key, and the changelog gets a tombstone of its own
            state.erase(CustomerId.of(record.key()));
            return;
        }
        if (record.value() == null) {
            deadLetter(record, topic, "the record has no value");
            return;
        }
        Instant now = Instant.ofEpochMilli(record.timestamp());
        try {
            if (profiles) {
                CustomerProfile profile = CustomerProfileJson.read(record.value());
                checkKey(record, profile.customerId());
                step(profile.customerId(), now, () -> {
                    state.profiles().put(profile);
                    CampaignEngine engine = retention.engine();
                    engine.decide(profile.customerId(), now);
                    engine.sendDue(profile.customerId(), now);
                });
            } else {
                CustomerEvent event = events.deserialize(topic, record.value());
                if (event == null) {
                    throw new IllegalArgumentException("the event deserializer answered null");
                }
                checkKey(record, event.customerId());
                step(event.customerId(), now, () -> retention.onEvent(event));
            }
        } catch (RuntimeException e) {
            outbox.clear();
            deadLetter(record, topic, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** A record keyed by another customer would put the customer's state in two partitions. */
    private static void checkKey(Record<String, byte[]> record, CustomerId customer) {
        if (record.key() != null && !record.key().equals(customer.value())) {
            throw new IllegalArgumentException("record key '" + record.key() + "' is not the customer id '"
                    + customer.value() + "': re-key the topic by customer id (RetentionTopology.Builder.rekeyThrough)");
        }
    }

    /** One step of one customer; then its outbox messages and new ledger entries go downstream. */
    private void step(CustomerId customer, Instant now, Runnable change) {
        clock.set(now);
        List<LedgerEntry> added = state.update(customer, () -> {
            Set<String> before = new HashSet<>();
            state.ledger().snapshot(customer).entries().forEach(e -> before.add(e.key()));
            change.run();
            List<LedgerEntry> out = new ArrayList<>();
            for (LedgerEntry e : state.ledger().snapshot(customer).entries()) {
                if (!before.contains(e.key())) {
                    out.add(e);
                }
            }
            return out;
        });
        long ts = now.toEpochMilli();
        for (OutgoingMessage m : outbox) {
            context.forward(new Record<>(m.idempotencyKey(), OutboxMessageJson.write(m), ts),
                    RetentionTopology.OUTBOX_SINK);
        }
        outbox.clear();
        for (LedgerEntry e : added) {
            context.forward(new Record<>(customer.value(), CustomerStateSerde.ledgerJson(e), ts),
                    RetentionTopology.LEDGER_SINK);
        }
    }

    /**
     * Time-driven triggers: every customer of this task's store (the partition's own), each in a
     * step of their own, at the punctuation's wall-clock time. Keys are collected first, so the
     * steps' writes do not run under the store's iterator.
     */
    private void tick(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        List<String> customers = new ArrayList<>();
        KeyValueStore<String, CustomerState> store = context.getStateStore(config.storeName());
        try (KeyValueIterator<String, CustomerState> it = store.all()) {
            it.forEachRemaining(kv -> customers.add(kv.key));
        }
        CampaignEngine engine = retention.engine();
        for (String id : customers) {
            CustomerId customer = CustomerId.of(id);
            try {
                step(customer, now, () -> {
                    engine.decide(customer, now);
                    engine.sendDue(customer, now);
                });
            } catch (RuntimeException e) {
                outbox.clear();
                // the key names a customer id, never contact data; the next tick tries again
                LOG.warn("tick skipped customer {}: {}", id, e.getClass().getSimpleName());
            }
        }
    }

    private void deadLetter(Record<String, byte[]> record, String topic, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(RetentionTopology.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(RetentionTopology.TOPIC_HEADER, topic.getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(record.key(), record.value(), record.timestamp(), headers),
                RetentionTopology.DEAD_LETTER_SINK);
    }
}
