package dev.retention.bench;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.kafka.CustomerProfileJson;
import dev.retention.kafka.RetentionTopology;
import dev.retention.kafka.ShopEventJson;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.testkit.SyntheticShop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Events per second through the retention topology in {@code TopologyTestDriver} (no broker), and
 * the state store's bytes per customer. The shop's events in time order, keyed by event id (so the
 * re-key step runs), each customer's profile first; the four playbook campaigns of
 * {@link EngineBenchmark#playbook()} and a points program; a persistent (RocksDB) store and
 * {@code exactly_once_v2}. For each partition count P, the customers are spread by Kafka's default
 * partitioner over P drivers, each on a thread of its own (a task per partition), all fed at once;
 * the score is all events over the wall time.
 *
 * <pre>{@code
 * java -Xmx8g -cp retention-bench/target/benchmarks.jar dev.retention.bench.KafkaTopologyBench medium 1,2 0,1000
 * }</pre>
 *
 * The arguments: the shop size, the partition counts, the task's {@code cachedCustomers} values.
 */
final class KafkaTopologyBench {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private KafkaTopologyBench() {}

    public static void main(String[] args) throws Exception {
        ShopSize size = ShopSize.parse(args.length > 0 ? args[0] : "small");
        int[] partitionCounts = Arrays.stream((args.length > 1 ? args[1] : "1,2").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int[] caches = Arrays.stream((args.length > 2 ? args[2] : "1000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        BenchShop shop = new BenchShop(size);
        List<CustomerEvent> events = new ArrayList<>();
        shop.generate(events::add);
        events.sort(Comparator.comparing(CustomerEvent::occurredAt));
        System.out.printf("%s shop: %,d customers, %,d events%n", size, size.customers(), events.size());
        for (int cache : caches) {
            for (int p : partitionCounts) {
                run(shop, events, p, cache);
            }
        }
    }

    static RetentionTopology topology(int cachedCustomers) {
        RetentionTopology.Builder b = RetentionTopology.builder().profilesTopic("customer-profiles")
                .cachedCustomers(cachedCustomers)
                .points(PointsProgram.builder().currency("USD").earn(1, Money.of(1, "USD"))
                        .redeem(100, Money.of(5, "USD")).build());
        for (Campaign c : EngineBenchmark.playbook()) {
            b.campaign(c);
        }
        return b.build();
    }

    private static void run(BenchShop shop, List<CustomerEvent> events, int partitions, int cache)
            throws Exception {
        List<List<CustomerEvent>> byPartition = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            byPartition.add(new ArrayList<>());
        }
        for (CustomerEvent e : events) {
            byPartition.get(partitionOf(e.customerId(), partitions)).add(e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(partitions);
        List<Future<long[]>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < partitions; i++) {
            int partition = i;
            results.add(threads.submit(() -> task(shop, byPartition.get(partition), partition, partitions, cache)));
        }
        long customers = 0;
        long bytes = 0;
        long maxBytes = 0;
        long processNanos = 0;
        long cpuNanos = 0;
        for (Future<long[]> f : results) {
            long[] r = f.get();
            customers += r[0];
            bytes += r[1];
            maxBytes = Math.max(maxBytes, r[2]);
            processNanos = Math.max(processNanos, r[3]);
            cpuNanos += r[4];
        }
        long wall = System.nanoTime() - start;
        threads.shutdown();
        System.out.printf("cache %d, partitions %d: %,d events in %.1f s (slowest task) = %,.0f events/s; "
                        + "%,.0f events per CPU second of the tasks' threads; "
                        + "state %,d customers, %,.0f bytes per customer on average, %,d at most%n",
                cache, partitions, events.size(), processNanos / 1e9, events.size() / (processNanos / 1e9),
                events.size() / (cpuNanos / 1e9), customers, bytes / (double) customers, maxBytes);
        System.out.printf("  (wall time with driver start and state scan: %.1f s)%n", wall / 1e9);
    }

    /**
     * One task: its customers' profiles, then their events; returns customers, bytes, max bytes,
     * wall nanos and the thread's CPU nanos (the machine is shared: CPU time says more than wall time).
     */
    private static long[] task(BenchShop shop, List<CustomerEvent> events, int partition, int partitions,
            int cache) {
        Path dir;
        try {
            dir = Files.createTempDirectory("kafka-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "retention-bench-" + partition);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        RetentionTopology topology = topology(cache);
        try (TopologyTestDriver driver = new TopologyTestDriver(topology.topology(), props,
                shop.now().minus(Duration.ofMinutes(1)))) {
            TestInputTopic<String, byte[]> in = driver.createInputTopic("shop-events", new StringSerializer(),
                    new ByteArraySerializer());
            TestInputTopic<String, byte[]> profiles = driver.createInputTopic("customer-profiles",
                    new StringSerializer(), new ByteArraySerializer());
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            for (int c = 1; c <= shop.size().customers(); c++) {
                CustomerId id = CustomerId.of(String.format("c%07d", c));
                if (partitionOf(id, partitions) == partition) {
                    CustomerProfile profile = CustomerProfile.builder(id).email(id.value() + "@example.com")
                            .consent(Consent.given(Channel.EMAIL, SyntheticShop.START)).build();
                    profiles.pipeInput(id.value(), CustomerProfileJson.write(profile), SyntheticShop.START);
                }
            }
            long piped = 0;
            for (CustomerEvent e : events) {
                in.pipeInput(e.eventId(), ShopEventJson.write(e), e.occurredAt());
                if (++piped % DRAIN_EVERY == 0) {
                    drain(driver);
                }
            }
            long nanos = System.nanoTime() - start;
            long cpu = CPU.getCurrentThreadCpuTime() - cpuStart;
            KeyValueStore<String, CustomerState> store = driver.getKeyValueStore(topology.storeName());
            long customers = 0;
            long bytes = 0;
            long max = 0;
            try (KeyValueIterator<String, CustomerState> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, CustomerState> kv = it.next();
                    long b = RetentionTopology.stateBytes(kv.value);
                    customers++;
                    bytes += b;
                    max = Math.max(max, b);
                }
            }
            return new long[] {customers, bytes, max, nanos, cpu};
        }
    }

    /** Events between two drains of the driver's captured output. */
    private static final int DRAIN_EVERY = 10_000;

    /**
     * Discards what the driver has captured on every output topic so far: the driver keeps each
     * produced record (the outbox, the ledger and the store's changelog, the last about 5.6 KB per
     * event) until a test reads it, which on {@code medium} filled an 8 GB heap. A running
     * application hands them to the brokers instead.
     */
    private static void drain(TopologyTestDriver driver) {
        for (String topic : driver.producedTopicNames()) {
            driver.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                    .readRecordsToList();
        }
    }

    static int partitionOf(CustomerId customer, int partitions) {
        return Utils.toPositive(Utils.murmur2(customer.value().getBytes(StandardCharsets.UTF_8))) % partitions;
    }

}
