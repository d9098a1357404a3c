package dev.retention.kafka;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.send.MessageSender;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.CampaignEngine;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Retention;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.rules.loyalty.TierPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The retention library as a Kafka Streams topology: shop events keyed by customer id, each
 * customer's whole state (events, profile, campaign decisions, loyalty ledger) one key of a
 * persistent state store (RocksDB by default, restored from its changelog topic on failover), the
 * same {@link Retention} facade, campaigns and points program as in one JVM running over it.
 *
 * <pre>{@code
 * RetentionTopology retention = RetentionTopology.builder()
 *         .campaign(winBack).campaign(abandonedView)
 *         .points(program)                                   // optional
 *         .build();
 * KafkaStreams streams = new KafkaStreams(retention.topology(),
 *         RetentionTopology.streamsProperties("shop-retention", "kafka:9092"));
 * streams.start();
 * }</pre>
 *
 * <h2>Topics</h2>
 * <ul>
 *   <li>{@code events} (default {@code shop-events}): shop events, by default as
 *       {@link ShopEventJson}; with {@link Builder#rekeyThrough} (the default) they are re-keyed by
 *       customer id through a topic of that name, which the user creates with as many partitions
 *       as they want tasks; with {@link Builder#eventsKeyedByCustomer()} the producer keys them by
 *       customer id already and they go straight to the retention step.
 *   <li>{@code profiles} (optional): {@link CustomerProfileJson} records keyed by customer id,
 *       partitioned like the by-customer topic; a profile replaces the stored one and the customer
 *       is evaluated again. A tombstone (a null value) erases the customer from the store (the
 *       right to erasure; messages already on the outbox topic stay there until its retention).
 *   <li>{@code outbox} (default {@code retention-outbox}): every message the campaigns send, keyed
 *       by its idempotency key, as {@link OutboxMessageJson}; {@link OutboxRelay} delivers them.
 *   <li>{@code ledger} (default {@code retention-ledger}): every new loyalty ledger entry, keyed by
 *       customer id.
 *   <li>{@code dead letters} (default {@code retention-dead-letters}): records that could not be
 *       read or that the library refused, as they came, with the reason in the header
 *       {@value #REASON_HEADER} and their topic in {@value #TOPIC_HEADER}; processing goes on.
 * </ul>
 *
 * <h2>Time</h2>
 * An event is decided at its record's timestamp (produce with the event's time, as the example
 * does, or set a timestamp extractor), so a replay decides as the live run did. Time-driven
 * triggers (win-back, birthday, deferred messages and later sequence steps) run on a wall-clock
 * punctuator every {@link Builder#tickEvery} that walks the task's own customers only.
 *
 * <h2>Exactly once</h2>
 * With {@code processing.guarantee=exactly_once_v2} ({@link #streamsProperties} sets it) the state
 * change of a record, its outbox messages, its ledger entries and the input offset commit in one
 * Kafka transaction: after a crash the record is processed again from the state as it was before
 * it, so the outbox holds each decision's message exactly once (readers with
 * {@code isolation.level=read_committed}). With {@code at_least_once} a crash may repeat a record's
 * outbox messages (same idempotency keys, so a sender can drop them).
 *
 * <p>Immutable and thread-safe; {@link #topology()} may be called for several applications. Each
 * task builds its own facade, engine and ledger over its own store.
 */
public final class RetentionTopology {
    /** The header of a dead letter that says why the record was refused. */
    public static final String REASON_HEADER = "retention.error";
    /** The header of a dead letter that names the topic the record came from. */
    public static final String TOPIC_HEADER = "retention.topic";

    static final String OUTBOX_SINK = "retention-outbox-sink";
    static final String LEDGER_SINK = "retention-ledger-sink";
    static final String DEAD_LETTER_SINK = "retention-dead-letter-sink";
    static final String REKEY_SINK = "retention-by-customer-sink";
    static final String REKEY_DEAD_LETTER_SINK = "retention-rekey-dead-letter-sink";

    private final Builder b;
    private final List<Campaign> campaigns;

    private RetentionTopology(Builder b) {
        this.b = b.copy(); // a builder the caller goes on changing must not change this topology
        this.campaigns = List.copyOf(b.campaigns);
    }

    /**
     * Starts the configuration of a topology.
     *
     * @return a new builder with the default topic names
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Streams settings for the topology: the application id and brokers, and
     * {@code processing.guarantee=exactly_once_v2}, the setting that makes the outbox exact (see
     * the class comment). Add your own (replication, state directory, threads) to the result.
     *
     * @param applicationId the Streams application id (the consumer group and topic prefix)
     * @param bootstrapServers the brokers, e.g. {@code localhost:9092}
     * @return new, mutable properties
     */
    public static Properties streamsProperties(String applicationId, String bootstrapServers) {
        checkArgument(applicationId != null && !applicationId.isBlank(), "applicationId must not be blank");
        checkArgument(bootstrapServers != null && !bootstrapServers.isBlank(), "bootstrapServers must not be blank");
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return p;
    }

    /**
     * The topology: sources, the re-key step (unless events come keyed by customer), the retention
     * step with its state store, and the sinks.
     *
     * @return a new topology
     */
    public Topology topology() {
        Topology t = new Topology();
        Serde<String> keys = Serdes.String();
        Serde<byte[]> bytes = Serdes.ByteArray();
        List<String> retentionSources = new ArrayList<>();
        if (b.rekeyTopic.isPresent()) {
            t.addSource("retention-events", bytes.deserializer(), bytes.deserializer(), b.eventsTopic);
            t.addProcessor("retention-rekey", () -> new RekeyProcessor(b.events), "retention-events");
            t.addSink(REKEY_SINK, b.rekeyTopic.get(), keys.serializer(), bytes.serializer(), "retention-rekey");
            t.addSink(REKEY_DEAD_LETTER_SINK, b.deadLetterTopic, keys.serializer(), bytes.serializer(),
                    "retention-rekey");
            t.addSource("retention-by-customer", keys.deserializer(), bytes.deserializer(), b.rekeyTopic.get());
            retentionSources.add("retention-by-customer");
        } else {
            t.addSource("retention-events", keys.deserializer(), bytes.deserializer(), b.eventsTopic);
            retentionSources.add("retention-events");
        }
        b.profilesTopic.ifPresent(topic -> {
            t.addSource("retention-profiles", keys.deserializer(), bytes.deserializer(), topic);
            retentionSources.add("retention-profiles");
        });
        t.addProcessor("retention", () -> new RetentionProcessor(this), retentionSources.toArray(String[]::new));
        t.addStateStore(Stores.keyValueStoreBuilder(b.storeSupplier.orElseGet(() ->
                Stores.persistentKeyValueStore(b.storeName)), keys, new CustomerStateSerde()), "retention");
        t.addSink(OUTBOX_SINK, b.outboxTopic, keys.serializer(), bytes.serializer(), "retention");
        t.addSink(LEDGER_SINK, b.ledgerTopic, keys.serializer(), bytes.serializer(), "retention");
        t.addSink(DEAD_LETTER_SINK, b.deadLetterTopic, keys.serializer(), bytes.serializer(), "retention");
        return t;
    }

    /**
     * How many bytes the customer's state takes in the store (the value as the changelog holds it),
     * e.g. over {@code streams.store(StoreQueryParameters.fromNameAndType(storeName(),
     * QueryableStoreTypes.keyValueStore()))}.
     *
     * @param store the topology's state store, read-only
     * @param customer the customer
     * @return the value's size in bytes, or empty if the store holds nothing about the customer
     */
    public static OptionalLong stateBytes(ReadOnlyKeyValueStore<String, CustomerState> store, CustomerId customer) {
        requireNonNull(store, "store");
        CustomerState state = store.get(requireNonNull(customer, "customer").value());
        return state == null ? OptionalLong.empty() : OptionalLong.of(stateBytes(state));
    }

    /**
     * How many bytes a customer's state takes in the store's current format.
     *
     * @param state the state
     * @return the serialized size in bytes
     */
    public static long stateBytes(CustomerState state) {
        return CustomerStateSerde.write(requireNonNull(state, "state")).length;
    }

    /**
     * The name of the state store holding the customers.
     *
     * @return the store's name
     */
    public String storeName() {
        return b.storeName;
    }

    /**
     * The topic of the outbox.
     *
     * @return the topic name
     */
    public String outboxTopic() {
        return b.outboxTopic;
    }

    Optional<String> profilesTopic() {
        return b.profilesTopic;
    }

    Deserializer<CustomerEvent> eventDeserializer() {
        return b.events;
    }

    Duration tickInterval() {
        return b.tickInterval;
    }

    int cachedCustomers() {
        return b.cachedCustomers;
    }

    /** A task's facade: the user's settings, then the task's seam, outbox sender and clock. */
    Retention newRetention(CustomerStateStore state, MessageSender outbox, Clock clock) {
        Retention.Builder r = Retention.builder().state(state).sender(outbox).clock(clock);
        campaigns.forEach(r::campaign);
        b.program.ifPresent(r::points);
        b.tiers.ifPresent(r::tiers);
        Consumer<CampaignEngine.Builder> settings = b.engineSettings;
        // the outbox "sender" runs on the task's thread: it may only be called from there
        r.engine(e -> {
            settings.accept(e);
            e.sendExecutor(Runnable::run);
        });
        return r.build();
    }

    /** Configures a {@link RetentionTopology}; not thread-safe. */
    public static final class Builder {
        private String eventsTopic = "shop-events";
        private Optional<String> rekeyTopic = Optional.of("retention-events-by-customer");
        private Optional<String> profilesTopic = Optional.empty();
        private String outboxTopic = "retention-outbox";
        private String ledgerTopic = "retention-ledger";
        private String deadLetterTopic = "retention-dead-letters";
        private String storeName = "retention-customers";
        private Optional<KeyValueBytesStoreSupplier> storeSupplier = Optional.empty();
        private Deserializer<CustomerEvent> events = ShopEventJson.serde().deserializer();
        private Duration tickInterval = Duration.ofMinutes(5);
        private int cachedCustomers = 1_000;
        private final List<Campaign> campaigns = new ArrayList<>();
        private Optional<PointsProgram> program = Optional.empty();
        private Optional<TierPolicy> tiers = Optional.empty();
        private Consumer<CampaignEngine.Builder> engineSettings = e -> {};

        private Builder() {}

        private Builder copy() {
            Builder c = new Builder();
            c.eventsTopic = eventsTopic;
            c.rekeyTopic = rekeyTopic;
            c.profilesTopic = profilesTopic;
            c.outboxTopic = outboxTopic;
            c.ledgerTopic = ledgerTopic;
            c.deadLetterTopic = deadLetterTopic;
            c.storeName = storeName;
            c.storeSupplier = storeSupplier;
            c.events = events;
            c.tickInterval = tickInterval;
            c.cachedCustomers = cachedCustomers;
            c.campaigns.addAll(campaigns);
            c.program = program;
            c.tiers = tiers;
            c.engineSettings = engineSettings;
            return c;
        }

        /**
         * The topic of shop events. Default {@code shop-events}.
         *
         * @param topic the topic
         * @return this builder
         */
        public Builder eventsTopic(String topic) {
            this.eventsTopic = topic(topic, "eventsTopic");
            return this;
        }

        /**
         * Re-key the events by customer id through this topic (the default,
         * {@code retention-events-by-customer}); create it with the partitions you want tasks.
         *
         * @param topic the by-customer topic
         * @return this builder
         */
        public Builder rekeyThrough(String topic) {
            this.rekeyTopic = Optional.of(topic(topic, "rekeyTopic"));
            return this;
        }

        /**
         * The producer keys events by customer id already: no re-key step. A record keyed
         * otherwise goes to the dead letters.
         *
         * @return this builder
         */
        public Builder eventsKeyedByCustomer() {
            this.rekeyTopic = Optional.empty();
            return this;
        }

        /**
         * A topic of {@link CustomerProfileJson} profiles keyed by customer id. Optional; without
         * one, customers have no profile (no contact point, no consent) unless stored otherwise.
         *
         * @param topic the topic
         * @return this builder
         */
        public Builder profilesTopic(String topic) {
            this.profilesTopic = Optional.of(topic(topic, "profilesTopic"));
            return this;
        }

        /**
         * The outbox topic. Default {@code retention-outbox}.
         *
         * @param topic the topic
         * @return this builder
         */
        public Builder outboxTopic(String topic) {
            this.outboxTopic = topic(topic, "outboxTopic");
            return this;
        }

        /**
         * The topic of new loyalty ledger entries. Default {@code retention-ledger}.
         *
         * @param topic the topic
         * @return this builder
         */
        public Builder ledgerTopic(String topic) {
            this.ledgerTopic = topic(topic, "ledgerTopic");
            return this;
        }

        /**
         * The dead-letter topic. Default {@code retention-dead-letters}.
         *
         * @param topic the topic
         * @return this builder
         */
        public Builder deadLetterTopic(String topic) {
            this.deadLetterTopic = topic(topic, "deadLetterTopic");
            return this;
        }

        /**
         * The state store's name (and so its changelog topic's suffix). Default {@code retention-customers}.
         *
         * @param name the name
         * @return this builder
         */
        public Builder storeName(String name) {
            this.storeName = topic(name, "storeName");
            return this;
        }

        /**
         * Where the store keeps its bytes: default a persistent RocksDB store
         * ({@code Stores.persistentKeyValueStore}); e.g. {@code Stores.inMemoryKeyValueStore} where
         * RocksDB's native library cannot load (restored from the changelog in full on start).
         *
         * @param supplier the store supplier; its name must be {@link #storeName}'s
         * @return this builder
         */
        public Builder storeSupplier(KeyValueBytesStoreSupplier supplier) {
            this.storeSupplier = Optional.of(requireNonNull(supplier, "supplier"));
            this.storeName = supplier.name();
            return this;
        }

        /**
         * How shop events are read; default {@link ShopEventJson}. A deserializer that throws
         * sends the record to the dead letters with the exception's message.
         *
         * @param events the deserializer, called on the tasks' threads
         * @return this builder
         */
        public Builder events(Deserializer<CustomerEvent> events) {
            this.events = requireNonNull(events, "events");
            return this;
        }

        /**
         * How often each task evaluates its customers for time-driven triggers, on the wall
         * clock. Default 5 minutes. A punctuation reads every customer of the task's partition on
         * the task's thread, so keep a partition's customers few enough to walk within the interval
         * (and within {@code max.poll.interval.ms}).
         *
         * @param interval the interval, at least one second
         * @return this builder
         */
        public Builder tickEvery(Duration interval) {
            requireNonNull(interval, "interval");
            checkArgument(interval.compareTo(Duration.ofSeconds(1)) >= 0,
                    "tickEvery must be at least 1 second, got %s", interval);
            this.tickInterval = interval;
            return this;
        }

        /**
         * How many customers each task keeps loaded between their events (a least-recently-used
         * set): a customer's events come in sessions (views, cart, order), so most events then skip
         * reading and loading the customer's whole state. Default 1,000; 0 loads every time.
         * Memory grows with it (each kept customer holds their events, decisions and ledger).
         *
         * @param customers how many, not negative
         * @return this builder
         * @throws IllegalArgumentException if {@code customers} is negative
         */
        public Builder cachedCustomers(int customers) {
            checkArgument(customers >= 0, "cachedCustomers must not be negative, got %s", customers);
            this.cachedCustomers = customers;
            return this;
        }

        /**
         * Adds a campaign; ids must be unique.
         *
         * @param campaign the campaign
         * @return this builder
         */
        public Builder campaign(Campaign campaign) {
            requireNonNull(campaign, "campaign");
            checkArgument(campaigns.stream().noneMatch(c -> c.id().equals(campaign.id())),
                    "campaign id %s is used twice", campaign.id());
            campaigns.add(campaign);
            return this;
        }

        /**
         * The points program. Optional.
         *
         * @param program the program
         * @return this builder
         */
        public Builder points(PointsProgram program) {
            this.program = Optional.of(requireNonNull(program, "program"));
            return this;
        }

        /**
         * The tier policy; needs {@link #points}. Optional.
         *
         * @param tiers the policy
         * @return this builder
         */
        public Builder tiers(TierPolicy tiers) {
            this.tiers = Optional.of(requireNonNull(tiers, "tiers"));
            return this;
        }

        /**
         * The campaign engine's other settings (caps, quiet hours, retries), as for
         * {@link Retention.Builder#engine}. The send executor is always the task's thread.
         *
         * @param settings applied to each task's engine builder
         * @return this builder
         */
        public Builder engine(Consumer<CampaignEngine.Builder> settings) {
            this.engineSettings = requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Builds the topology's configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException if tiers are set without points, two of the topics are the
         *     same, or the store's name is not the store supplier's
         */
        public RetentionTopology build() {
            checkArgument(tiers.isEmpty() || program.isPresent(), "tiers is set but points is not: tiers only multiply points");
            checkArgument(storeSupplier.isEmpty() || storeSupplier.get().name().equals(storeName),
                    "storeName %s differs from the store supplier's name %s", storeName,
                    storeSupplier.map(KeyValueBytesStoreSupplier::name).orElse(""));
            List<String> topics = new ArrayList<>(List.of(eventsTopic, outboxTopic, ledgerTopic, deadLetterTopic));
            rekeyTopic.ifPresent(topics::add);
            profilesTopic.ifPresent(topics::add);
            checkArgument(topics.stream().distinct().count() == topics.size(), "topics must differ, got %s", topics);
            return new RetentionTopology(this);
        }

        private static String topic(String name, String setting) {
            checkArgument(name != null && !name.isBlank(), "%s must not be blank, got '%s'", setting, name);
            return name;
        }
    }
}
