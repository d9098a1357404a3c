package dev.retention.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.testkit.SyntheticShop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The topology in a test driver decides what the single-JVM facade decides on the same events:
 * the same messages (idempotency keys, times, channels) and the same fire log per customer.
 */
class TopologyEquivalenceTest {
    static final SyntheticShop SHOP = SyntheticShop.of(40, 7);

    @Test
    void playbookOnTheSyntheticShopSendsWhatTheInProcessEngineSends() throws IOException {
        List<CustomerEvent> events = SHOP.events();
        Path dir = Files.createTempDirectory("retention-kafka");
        Runs.Reference reference = new Runs.Reference();
        Set<CustomerId> customers = new TreeSet<>();
        events.forEach(e -> customers.add(e.customerId()));
        Instant end = SHOP.end();
        try (Runs.Driven driven = new Runs.Driven(Runs.topology(), dir, end.minus(Runs.TICK))) {
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

            List<Runs.Sent> sent = driven.sent();
            assertThat(sent).isNotEmpty();
            assertThat(sorted(sent)).isEqualTo(sorted(reference.sent));
            assertThat(sent).extracting(Runs.Sent::key).doesNotHaveDuplicates();
            assertThat(driven.deadLetters.isEmpty()).isTrue();
            for (CustomerId c : customers) {
                assertSameState(driven.store().get(c.value()), reference.state(c));
            }
        }
    }

    /** Field by field: a history is equal to another by its events, not by identity. */
    static void assertSameState(dev.retention.rules.customer.CustomerState actual,
            dev.retention.rules.customer.CustomerState expected) {
        assertThat(actual.customerId()).isEqualTo(expected.customerId());
        assertThat(actual.history().events()).isEqualTo(expected.history().events());
        assertThat(actual.profile()).isEqualTo(expected.profile());
        assertThat(actual.decisions()).isEqualTo(expected.decisions());
        assertThat(actual.ledger()).isEqualTo(expected.ledger());
    }

    static List<Runs.Sent> sorted(List<Runs.Sent> sent) {
        List<Runs.Sent> out = new ArrayList<>(sent);
        Collections.sort(out);
        return out;
    }
}
