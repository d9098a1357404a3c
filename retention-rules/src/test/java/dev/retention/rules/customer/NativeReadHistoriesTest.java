package dev.retention.rules.customer;

import static dev.retention.rules.testing.Shop.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Bulk reads over the native seam's events view read each customer's events in place under the
 * customer's lock: a history kept past the reader's call refuses to answer rather than change, and
 * appends racing with a parallel read neither break it nor show a reader half an append.
 */
class NativeReadHistoriesTest {
    private static final CustomerId ANNA = CustomerId.of("anna");
    private static final CustomerId BEN = CustomerId.of("ben");
    private static final Instant T = Instant.parse("2026-01-01T08:00:00Z");

    private final CustomerStateStore seam = CustomerStateStore.inMemory();
    private final EventStore events = seam.events();

    @Test
    void historyKeptPastTheReaderIsRefusedInsteadOfChanging() {
        events.append(view(ANNA, "p1", T));
        events.append(view(BEN, "p1", T));
        List<CustomerHistory> kept = events.readHistories(h -> h).toList();
        events.append(view(ANNA, "p2", T.plusSeconds(60)));

        assertThat(kept).hasSize(2);
        for (CustomerHistory history : kept) {
            assertThatThrownBy(history::eventCount).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(history::events).isInstanceOf(IllegalStateException.class);
        }
        assertThat(events.readHistories(CustomerHistory::eventCount).mapToInt(Integer::intValue).sum()).isEqualTo(3);
    }

    @Test
    void customersWithoutEventsAreNotRead() {
        events.append(view(ANNA, "p1", T));
        events.append(view(BEN, "p1", T));
        events.erase(BEN);
        seam.profiles().put(CustomerProfile.builder(CustomerId.of("carl")).build());

        assertThat(events.readHistories(CustomerHistory::customerId).toList()).containsExactly(ANNA);
        assertThat(events.readHistories(CustomerHistory::customerId).parallel().toList()).containsExactly(ANNA);
    }

    @Test
    void readInsideAnUpdateLeavesTheStepsOwnHistoryReadable() {
        events.append(view(ANNA, "p1", T));
        int inStep = seam.update(ANNA, () -> {
            CustomerHistory step = events.historyInStep(ANNA);
            assertThat(events.readHistories(CustomerHistory::eventCount).toList()).containsExactly(1);
            return step.eventCount();
        });
        assertThat(inStep).isEqualTo(1);
    }

    /** What a reader saw of one customer, checked while it held the customer. */
    private record Seen(CustomerId customer, int count, boolean consistent) {}

    private static Seen check(CustomerHistory history) {
        List<CustomerEvent> list = history.events();
        boolean consistent = list.size() == history.eventCount();
        for (int i = 0; i < list.size(); i++) {
            consistent &= list.get(i).customerId().equals(history.customerId());
            consistent &= i == 0 || !list.get(i).occurredAt().isBefore(list.get(i - 1).occurredAt());
        }
        return new Seen(history.customerId(), list.size(), consistent);
    }

    @Test
    void parallelReadsRacingWithAppendsSeeEachCustomerOnceAndWhole() throws Exception {
        int customers = 200;
        for (int c = 0; c < customers; c++) {
            events.append(view(CustomerId.of("c" + c), "p", T));
        }
        int writers = 2;
        int appendsPerWriter = 4_000;
        CyclicBarrier start = new CyclicBarrier(writers + 1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < appendsPerWriter; i++) {
                        // old customers grow (some events earlier than their last), new ones arrive
                        CustomerId customer = CustomerId.of(i % 3 == 0 ? "new-" + writer + "-" + i : "c" + i % customers);
                        events.append(view(customer, "p" + i, T.plusSeconds(i % 7 == 0 ? -i : i)));
                    }
                    return null;
                }));
            }
            start.await();
            int reads = 0;
            boolean writing = true;
            while (writing || reads < 2) {
                writing = done.stream().anyMatch(f -> !f.isDone());
                List<Seen> seen = events.readHistories(NativeReadHistoriesTest::check).parallel().toList();
                reads++;
                Map<CustomerId, Integer> times = new HashMap<>();
                for (Seen s : seen) {
                    times.merge(s.customer(), 1, Integer::sum);
                    assertThat(s.consistent()).as("history of %s", s.customer()).isTrue();
                    assertThat(s.count()).as("events of %s", s.customer()).isPositive();
                }
                assertThat(times.values()).allMatch(n -> n == 1);
                for (int c = 0; c < customers; c++) {
                    assertThat(times).containsKey(CustomerId.of("c" + c));
                }
            }
            for (Future<?> f : done) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long stored = events.readHistories(CustomerHistory::eventCount).mapToLong(Integer::longValue).sum();
        assertThat(stored).isEqualTo(events.eventCount()).isEqualTo(customers + (long) writers * appendsPerWriter);
    }
}
