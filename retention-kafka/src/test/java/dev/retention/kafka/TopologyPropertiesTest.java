package dev.retention.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.testkit.SyntheticShop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever order a customer's events come in (a producer that retries, several services writing),
 * and however the customers interleave, the topology decides what the in-process facade decides
 * on the same sequence.
 */
class TopologyPropertiesTest {
    static final SyntheticShop SHOP = SyntheticShop.of(8, 23);

    @Property(tries = 4)
    void sameDecisionsAsTheInProcessEngineInAnyOrderWithinACustomer(@ForAll long seed,
            @ForAll("cachedCustomers") int cached) {
        Random random = new Random(seed);
        List<CustomerEvent> events = shuffledWithinCustomers(SHOP.events(), random);
        Set<CustomerId> customers = new TreeSet<>();
        events.forEach(e -> customers.add(e.customerId()));
        Instant end = SHOP.end();
        Runs.Reference reference = new Runs.Reference();
        try (Runs.Driven driven = new Runs.Driven(Runs.topology(cached), tempDir(), end.minus(Runs.TICK))) {
            for (CustomerId c : customers) {
                reference.profile(Playbook.profile(c), SyntheticShop.START);
                driven.profile(Playbook.profile(c), SyntheticShop.START);
            }
            for (CustomerEvent e : events) {
                reference.event(e);
                driven.event(e);
            }
            reference.tick(end, customers);
            driven.tickAt(end);

            assertThat(TopologyEquivalenceTest.sorted(driven.sent()))
                    .isEqualTo(TopologyEquivalenceTest.sorted(reference.sent));
            for (CustomerId c : customers) {
                TopologyEquivalenceTest.assertSameState(driven.store().get(c.value()), reference.state(c));
            }
        }
    }

    /** None (every step reads the store), one (a customer evicted at every switch), more than the shop's. */
    @Provide
    Arbitrary<Integer> cachedCustomers() {
        return Arbitraries.of(0, 1, 1_000);
    }

    /** Each customer's events in a random order, the customers randomly interleaved. */
    static List<CustomerEvent> shuffledWithinCustomers(List<CustomerEvent> events, Random random) {
        Map<CustomerId, List<CustomerEvent>> byCustomer = new LinkedHashMap<>();
        events.forEach(e -> byCustomer.computeIfAbsent(e.customerId(), c -> new ArrayList<>()).add(e));
        List<List<CustomerEvent>> queues = new ArrayList<>();
        byCustomer.values().forEach(q -> {
            Collections.shuffle(q, random);
            queues.add(q);
        });
        List<CustomerEvent> out = new ArrayList<>();
        while (!queues.isEmpty()) {
            int i = random.nextInt(queues.size());
            out.add(queues.get(i).remove(0));
            if (queues.get(i).isEmpty()) {
                queues.remove(i);
            }
        }
        return out;
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("retention-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
