package dev.retention.rules.customer;

import static dev.retention.rules.customer.RetentionTest.ANNA;
import static dev.retention.rules.customer.RetentionTest.START;
import static dev.retention.rules.testing.Shop.orderWorth;
import static dev.retention.rules.testing.Shop.view;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.RecordingSender;
import dev.retention.rules.loyalty.EntryKind;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many threads of the shop backend handing one customer's events to one facade at once. */
class RetentionConcurrencyTest {
    /** The seam under test: the native in-memory one; a subclass runs the same tests over another. */
    CustomerStateStore newState() {
        return CustomerStateStore.inMemory();
    }

    private static final int THREADS = 8;

    @Test
    void threadsDeliveringOneCustomersEventsAtOnceLoseNothingAndSendNothingTwice() throws Exception {
        for (int round = 0; round < 5; round++) {
            oneRound(round);
        }
    }

    private void oneRound(long seed) throws Exception {
        CustomerStateStore state = newState();
        RecordingSender sender = new RecordingSender();
        Retention retention = Retention.builder().state(state).campaign(RetentionTest.LOYALTY)
                .points(RetentionTest.program(false)).sender(sender).clock(new MutableClock(START)).build();
        state.profiles().put(CustomerProfile.builder(ANNA).email("anna@example.com")
                .consent(Consent.given(Channel.EMAIL, START.minus(Duration.ofDays(365)))).build());
        // the same 40 orders reach every thread (at-least-once delivery, in another order each),
        // and each thread has 25 views of its own
        List<CustomerEvent> orders = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            orders.add(orderWorth(ANNA, START.minus(Duration.ofHours(100 - i)), Money.of(20, "USD")));
        }
        List<List<CustomerEvent>> perThread = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<CustomerEvent> mine = new ArrayList<>(orders);
            for (int v = 0; v < 25; v++) {
                mine.add(view(ANNA, "p" + v, START.minus(Duration.ofMinutes(t * 100L + v))));
            }
            Collections.shuffle(mine, new Random(seed * THREADS + t));
            perThread.add(mine);
        }
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Object>> work = new ArrayList<>();
            for (List<CustomerEvent> mine : perThread) {
                work.add(() -> {
                    start.await();
                    mine.forEach(retention::onEvent);
                    return null;
                });
            }
            for (Future<Object> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(state.events().eventCount()).isEqualTo(40 + THREADS * 25);
        assertThat(state.events().history(ANNA).orderCount()).isEqualTo(40);
        List<LedgerEntry> ledger = retention.points().orElseThrow().entries(ANNA);
        assertThat(ledger).hasSize(40).allMatch(e -> e.kind() == EntryKind.EARN);
        assertThat(ledger.stream().mapToLong(LedgerEntry::points).sum()).isEqualTo(40 * 20);
        assertThat(sender.duplicateCount()).isZero();
        assertThat(sender.sent()).extracting(OutgoingMessage::templateId).containsExactly("join-loyalty");
        assertThat(state.fireLog().entries(ANNA)).hasSize(1);
    }
}
