package dev.retention.kafka;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.DeliveryResult;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Retention;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The same events through the in-process facade and through the topology, and what each sent. */
final class Runs {
    static final String PROFILES = "customer-profiles";
    static final String CHANGELOG = "retention-test-retention-customers-changelog";
    static final Duration TICK = Duration.ofMinutes(5);

    private Runs() {}

    /** One message as the comparison sees it: its idempotency key, when it was sent, its channel. */
    record Sent(String key, Instant at, String channel) implements Comparable<Sent> {
        @Override
        public int compareTo(Sent o) {
            return key.compareTo(o.key);
        }
    }

    static RetentionTopology topology() {
        return topology(1_000);
    }

    static RetentionTopology topology(int cachedCustomers) {
        RetentionTopology.Builder b = RetentionTopology.builder().profilesTopic(PROFILES).points(Playbook.points())
                .tickEvery(TICK).cachedCustomers(cachedCustomers);
        Playbook.campaigns().forEach(b::campaign);
        return b.build();
    }

    /** A clock the reference sets to each event's time, backwards too (the events come in any order). */
    static final class SetClock extends Clock {
        Instant now = Instant.EPOCH;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** The single-JVM engine: the facade over the in-memory seam. */
    static final class Reference {
        final SetClock clock = new SetClock();
        final List<Sent> sent = new ArrayList<>();
        final Retention retention;

        Reference() {
            Retention.Builder b = Retention.builder().state(CustomerStateStore.inMemory()).points(Playbook.points())
                    .clock(clock).sender(m -> {
                        sent.add(new Sent(m.idempotencyKey(), clock.now, m.channel().name()));
                        return DeliveryResult.sent();
                    }).engine(e -> e.sendExecutor(Runnable::run));
            Playbook.campaigns().forEach(b::campaign);
            retention = b.build();
        }

        void profile(CustomerProfile profile, Instant at) {
            clock.now = at;
            CustomerId c = profile.customerId();
            retention.state().update(c, () -> {
                retention.state().profiles().put(profile);
                retention.engine().decide(c, at);
                return retention.engine().sendDue(c, at);
            });
        }

        void event(CustomerEvent event) {
            clock.now = event.occurredAt();
            try {
                retention.onEvent(event);
            } catch (IllegalArgumentException refused) {
                // the topology dead-letters what the store refuses (a refund before its order)
            }
        }

        /** What the punctuator does: every customer, in a step of their own, at {@code now}. */
        void tick(Instant now, Collection<CustomerId> customers) {
            clock.now = now;
            for (CustomerId c : new TreeSet<>(customers)) {
                retention.state().update(c, () -> {
                    retention.engine().decide(c, now);
                    return retention.engine().sendDue(c, now);
                });
            }
        }

        CustomerState state(CustomerId c) {
            return retention.state().read(c);
        }
    }

    /** The topology in a test driver, fed by a producer that keys events by their event id (not the customer). */
    static final class Driven implements AutoCloseable {
        final TopologyTestDriver driver;
        final TestInputTopic<String, byte[]> events;
        final TestInputTopic<String, byte[]> profiles;
        final TestOutputTopic<String, byte[]> outbox;
        final TestOutputTopic<String, byte[]> ledger;
        final TestOutputTopic<String, byte[]> deadLetters;
        final RetentionTopology topology;

        Driven(RetentionTopology topology, Path stateDir, Instant wallClock) {
            this.topology = topology;
            this.currentWallClock = wallClock;
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "retention-test");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            driver = new TopologyTestDriver(topology.topology(), props, wallClock);
            events = driver.createInputTopic("shop-events", new StringSerializer(), new ByteArraySerializer());
            profiles = driver.createInputTopic(PROFILES, new StringSerializer(), new ByteArraySerializer());
            outbox = driver.createOutputTopic("retention-outbox", new StringDeserializer(), new ByteArrayDeserializer());
            ledger = driver.createOutputTopic("retention-ledger", new StringDeserializer(), new ByteArrayDeserializer());
            deadLetters = driver.createOutputTopic("retention-dead-letters", new StringDeserializer(),
                    new ByteArrayDeserializer());
        }

        void profile(CustomerProfile profile, Instant at) {
            profiles.pipeInput(profile.customerId().value(), CustomerProfileJson.write(profile), at);
        }

        void event(CustomerEvent event) {
            events.pipeInput(event.eventId(), ShopEventJson.write(event), event.occurredAt());
        }

        /** Moves the wall clock so that the punctuator runs once more, at {@code now}. */
        void tickAt(Instant now) {
            driver.advanceWallClockTime(Duration.between(currentWallClock, now));
            currentWallClock = now;
        }

        private Instant currentWallClock;

        List<Sent> sent() {
            List<Sent> out = new ArrayList<>();
            for (var r : outbox.readRecordsToList()) {
                out.add(new Sent(r.key(), r.getRecordTime(), OutboxMessageJson.read(r.value()).channel().name()));
            }
            return out;
        }

        KeyValueStore<String, CustomerState> store() {
            return driver.getKeyValueStore(topology.storeName());
        }

        @Override
        public void close() {
            driver.close();
        }
    }
}
