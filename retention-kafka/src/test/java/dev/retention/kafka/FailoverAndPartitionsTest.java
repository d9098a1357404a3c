package dev.retention.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.testkit.SyntheticShop;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** A task that fails over, and customers spread over partitions, decide what one JVM decides. */
class FailoverAndPartitionsTest {
    static final SyntheticShop SHOP = SyntheticShop.of(16, 5);

    /**
     * Failover as Kafka Streams does it: the new task's store is restored from the changelog topic
     * (here: the changelog records the first driver wrote, put into the second driver's fresh store),
     * and the records after the last commit are delivered again (here: the first half's last five).
     */
    @Test
    void aTaskRestoredFromTheChangelogGoesOnWithNothingRepeatedAndNothingLost() {
        List<CustomerEvent> events = SHOP.events();
        Set<CustomerId> customers = customers(events);
        Instant end = SHOP.end();
        Runs.Reference reference = reference(events, customers, end);
        List<Runs.Sent> sent = new ArrayList<>();
        Map<String, byte[]> changelog = new LinkedHashMap<>();
        int half = events.size() / 2;
        try (Runs.Driven first = new Runs.Driven(Runs.topology(), TopologyPropertiesTest.tempDir(),
                end.minus(Runs.TICK))) {
            var changes = first.driver.createOutputTopic(Runs.CHANGELOG, new StringDeserializer(),
                    new ByteArrayDeserializer());
            customers.forEach(c -> first.profile(Playbook.profile(c), SyntheticShop.START));
            events.subList(0, half).forEach(first::event);
            sent.addAll(first.sent());
            changes.readKeyValuesToList().forEach(kv -> changelog.put(kv.key, kv.value));
        }
        assertThat(changelog).isNotEmpty();
        try (Runs.Driven second = new Runs.Driven(Runs.topology(), TopologyPropertiesTest.tempDir(),
                end.minus(Runs.TICK))) {
            CustomerStateSerde serde = new CustomerStateSerde();
            changelog.forEach((key, value) -> {
                if (value != null) {
                    second.store().put(key, serde.deserialize(Runs.CHANGELOG, value));
                }
            });
            events.subList(half - 5, events.size()).forEach(second::event);
            second.tickAt(end);
            sent.addAll(second.sent());
        }
        assertThat(sent).extracting(Runs.Sent::key).doesNotHaveDuplicates();
        assertThat(TopologyEquivalenceTest.sorted(sent)).isEqualTo(TopologyEquivalenceTest.sorted(reference.sent));
    }

    @Test
    void customersSpreadOverTwoPartitionsSendWhatOneJvmSends() {
        List<CustomerEvent> events = SHOP.events();
        Set<CustomerId> customers = customers(events);
        Instant end = SHOP.end();
        Runs.Reference reference = reference(events, customers, end);
        List<Runs.Sent> sent = new ArrayList<>();
        List<Set<CustomerId>> owned = List.of(new TreeSet<>(), new TreeSet<>());
        for (int partition = 0; partition < 2; partition++) {
            try (Runs.Driven task = new Runs.Driven(Runs.topology(), TopologyPropertiesTest.tempDir(),
                    end.minus(Runs.TICK))) {
                for (CustomerId c : customers) {
                    if (partitionOf(c) == partition) {
                        task.profile(Playbook.profile(c), SyntheticShop.START);
                    }
                }
                for (CustomerEvent e : events) {
                    if (partitionOf(e.customerId()) == partition) {
                        task.event(e);
                    }
                }
                task.tickAt(end);
                sent.addAll(task.sent());
                for (CustomerId c : customers) {
                    if (task.store().get(c.value()) != null) {
                        owned.get(partition).add(c);
                    }
                }
            }
        }
        // each task held only its own partition's customers, and both had some
        assertThat(owned.get(0)).isNotEmpty().doesNotContainAnyElementsOf(owned.get(1));
        assertThat(owned.get(1)).isNotEmpty();
        assertThat(TopologyEquivalenceTest.sorted(sent)).isEqualTo(TopologyEquivalenceTest.sorted(reference.sent));
    }

    /** Kafka's default partitioner on the record key (the customer id after the re-key). */
    static int partitionOf(CustomerId customer) {
        return Utils.toPositive(Utils.murmur2(customer.value().getBytes(StandardCharsets.UTF_8))) % 2;
    }

    static Set<CustomerId> customers(List<CustomerEvent> events) {
        Set<CustomerId> customers = new TreeSet<>();
        events.forEach(e -> customers.add(e.customerId()));
        return customers;
    }

    static Runs.Reference reference(List<CustomerEvent> events, Set<CustomerId> customers, Instant end) {
        Runs.Reference reference = new Runs.Reference();
        customers.forEach(c -> reference.profile(Playbook.profile(c), SyntheticShop.START));
        events.forEach(reference::event);
        reference.tick(end, customers);
        return reference;
    }
}
