package dev.retention.examples;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.LoggingSender;
import dev.retention.kafka.CustomerProfileJson;
import dev.retention.kafka.OutboxRelay;
import dev.retention.kafka.RetentionTopology;
import dev.retention.kafka.ShopEventJson;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.testkit.SyntheticShop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The playbook campaigns as a Kafka Streams application against your Kafka, in one command:
 *
 * <pre>
 * java -cp examples/target/retention-demo.jar dev.retention.examples.KafkaShop localhost:9092 [CUSTOMERS] [PARTITIONS]
 * </pre>
 *
 * It creates the topics it needs if they are missing ({@code shop-events}, the by-customer topic,
 * {@code customer-profiles}, {@code retention-outbox}, {@code retention-ledger},
 * {@code retention-dead-letters}; {@code PARTITIONS} each, default 6, the brokers' replication),
 * starts the topology (the four playbook campaigns and a points program, exactly once) and the
 * sender stage with a {@link LoggingSender} (it logs which template would go to which customer id,
 * no contact data), and, if {@code CUSTOMERS} is given, produces a synthetic shop of that many
 * customers (profiles consenting to email, then two years of events, each with its event time).
 * Ctrl-C stops it. Run it twice to see the second instance take over half of the partitions.
 */
public final class KafkaShop {
    private KafkaShop() {}

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: KafkaShop BOOTSTRAP_SERVERS [CUSTOMERS] [PARTITIONS]");
            System.exit(Demo.USAGE);
        }
        String bootstrap = args[0];
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        RetentionTopology retention = topology();
        createTopics(bootstrap, partitions);

        KafkaStreams streams = new KafkaStreams(retention.topology(),
                RetentionTopology.streamsProperties("retention-kafka-shop", bootstrap));
        OutboxRelay relay = OutboxRelay.over(
                new KafkaConsumer<>(OutboxRelay.consumerProperties(bootstrap, "retention-kafka-shop-sender")),
                retention.outboxTopic(), new LoggingSender(), Duration.ofSeconds(5));
        Thread sender = new Thread(relay::run, "retention-sender");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            relay.stop();
            streams.close(Duration.ofSeconds(30));
            stopped.countDown();
        }));
        streams.start();
        sender.start();
        if (customers > 0) {
            produce(bootstrap, customers);
        }
        System.err.println("running; Ctrl-C stops");
        stopped.await();
        sender.join(Duration.ofSeconds(10).toMillis());
        relay.close();
    }

    /** The playbook campaigns and a points program (one point per dollar), ticking every minute. */
    static RetentionTopology topology() {
        RetentionTopology.Builder b = RetentionTopology.builder().profilesTopic("customer-profiles")
                .tickEvery(Duration.ofMinutes(1))
                .points(PointsProgram.builder().currency("USD").earn(1, dev.retention.core.Money.of(1, "USD"))
                        .redeem(100, dev.retention.core.Money.of(5, "USD")).build());
        PlaybookCampaigns.all().forEach(b::campaign);
        return b.build();
    }

    static List<String> topics() {
        return List.of("shop-events", "retention-events-by-customer", "customer-profiles", "retention-outbox",
                "retention-ledger", "retention-dead-letters");
    }

    private static void createTopics(String bootstrap, int partitions) throws InterruptedException, ExecutionException {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : topics()) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.of(partitions), Optional.empty()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    /** Profiles first, keyed by customer id; events keyed by event id (the topology re-keys them), stamped with their time. */
    private static void produce(String bootstrap, int customers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        SyntheticShop shop = SyntheticShop.of(customers, 42);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            long start = SyntheticShop.START.toEpochMilli();
            for (int c = 1; c <= customers; c++) {
                CustomerId id = CustomerId.of(String.format("c%07d", c));
                CustomerProfile profile = CustomerProfile.builder(id).email(id.value() + "@example.com")
                        .consent(Consent.given(Channel.EMAIL, SyntheticShop.START)).build();
                producer.send(new ProducerRecord<>("customer-profiles", null, start, id.value(),
                        CustomerProfileJson.write(profile)));
            }
            shop.generate((CustomerEvent e) -> producer.send(new ProducerRecord<>("shop-events", null,
                    e.occurredAt().toEpochMilli(), e.eventId(), ShopEventJson.write(e))));
        }
        System.err.println("produced the synthetic shop of " + customers + " customers");
    }
}
