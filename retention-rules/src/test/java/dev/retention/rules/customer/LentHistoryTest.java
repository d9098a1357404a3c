package dev.retention.rules.customer;

import static dev.retention.rules.testing.Shop.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.RecordingSender;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.InMemoryFireLog;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.loyalty.InMemoryLedgerStore;
import dev.retention.rules.testing.MutableClock;
import dev.retention.rules.trigger.Firing;
import dev.retention.rules.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The engine reads a customer's events in place while the facade's step holds the customer (no
 * snapshot per event): a history obtained in a step is never seen to change by whatever keeps it
 * after the step. Over the native seam such a history refuses every query after its step; over a
 * composed seam it is a snapshot and keeps answering as it did.
 */
class LentHistoryTest {
    private static final Instant START = Instant.parse("2026-03-02T12:00:00Z");
    private static final CustomerId ANNA = CustomerId.of("anna");

    /** What a trigger saw: the history it was given and its event count then. */
    private record Seen(CustomerHistory history, int eventCount) {}

    /** A trigger that keeps every history it is given (which triggers must not do) and fires with a lazy reason. */
    private static final class KeepingTrigger implements Trigger {
        final Queue<Seen> seen = new ConcurrentLinkedQueue<>();

        @Override
        public String name() {
            return "keeping";
        }

        @Override
        public Optional<Firing> evaluate(CustomerHistory history, CustomerProfile profile, Instant now) {
            seen.add(new Seen(history, history.eventCount()));
            return history.eventCount() < 3 ? Optional.empty()
                    : Optional.of(Firing.lazy("keeping", "three", () -> "saw " + history.eventCount() + " events",
                            java.util.Map::of));
        }
    }

    private final KeepingTrigger trigger = new KeepingTrigger();
    private final MutableClock clock = new MutableClock(START);

    private Retention retention(CustomerStateStore state) {
        state.profiles().put(CustomerProfile.builder(ANNA).email("anna@example.com")
                .consent(Consent.given(Channel.EMAIL, START.minus(Duration.ofDays(1)))).build());
        return Retention.builder().state(state).sender(new RecordingSender()).clock(clock)
                .campaign(Campaign.builder("keep").trigger(trigger).message(Message.email("kept")).build())
                .build();
    }

    /** Each kept history answers as at its evaluation, or refuses; returns how many refused. */
    private int checkKept() {
        int refused = 0;
        for (Seen s : trigger.seen) {
            int now;
            try {
                now = s.history().eventCount();
            } catch (IllegalStateException e) {
                refused++;
                continue;
            }
            assertThat(now).as("a kept history changed after its step").isEqualTo(s.eventCount());
        }
        return refused;
    }

    @Test
    void aHistoryKeptPastTheFacadesStepIsRefusedNeverChanged() {
        Retention retention = retention(CustomerStateStore.inMemory());
        for (int i = 0; i < 5; i++) {
            clock.set(START.plusSeconds(60 * i));
            retention.onEvent(view(ANNA, "p" + i, START.plusSeconds(60 * i)));
        }
        retention.tick();

        assertThat(trigger.seen).hasSizeGreaterThanOrEqualTo(6);
        // every history the engine read in a step was lent in place, none was a snapshot
        assertThat(checkKept()).isEqualTo(trigger.seen.size());
        // the lazy reason was read inside the step, while the history was still lent
        assertThat(retention.engine().decisions(ANNA)).singleElement()
                .satisfies(e -> assertThat(e.triggerReason()).isEqualTo("saw 3 events"));
    }

    @Test
    void overAComposedSeamTheKeptHistoriesAreSnapshots() {
        Retention retention = retention(CustomerStateStore.composedOf(new InMemoryEventStore(),
                new InMemoryProfileStore(), new InMemoryFireLog(), new InMemoryLedgerStore()));
        for (int i = 0; i < 5; i++) {
            clock.set(START.plusSeconds(60 * i));
            retention.onEvent(view(ANNA, "p" + i, START.plusSeconds(60 * i)));
        }

        assertThat(checkKept()).isZero();
        // the firing's event is evaluated twice: for its episode (Trigger.episode's default), then for the firing
        assertThat(trigger.seen).extracting(Seen::eventCount).containsExactly(1, 2, 3, 3, 4, 5);
    }

    @Test
    void aHistoryLentInAStepRefusesOnceTheStepChangesTheEvents() {
        CustomerStateStore state = CustomerStateStore.inMemory();
        state.events().append(view(ANNA, "p0", START));
        List<Integer> counts = state.update(ANNA, () -> {
            CustomerHistory lent = state.events().historyInStep(ANNA);
            int before = lent.eventCount();
            state.events().append(view(ANNA, "p1", START.plusSeconds(1)));
            assertThatThrownBy(lent::eventCount).isInstanceOf(IllegalStateException.class);
            return List.of(before, state.events().historyInStep(ANNA).eventCount());
        });

        assertThat(counts).containsExactly(1, 2);
    }

    @Test
    void outsideAStepHistoryInStepIsASnapshot() {
        CustomerStateStore state = CustomerStateStore.inMemory();
        state.events().append(view(ANNA, "p0", START));
        CustomerHistory history = state.events().historyInStep(ANNA);
        state.events().append(view(ANNA, "p1", START.plusSeconds(1)));

        assertThat(history.eventCount()).isEqualTo(1);
        assertThat(state.events().historyInStep(CustomerId.of("nobody")).isEmpty()).isTrue();
    }

    /**
     * Threads feeding one customer, each step nested in the hold the engine takes again to send:
     * every history kept from any of their steps refuses afterwards (no step leaves a loan open).
     */
    @Test
    void historiesKeptFromRacingStepsNeverChange() throws Exception {
        Retention retention = retention(CustomerStateStore.inMemory());
        int threads = 4;
        int events = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(() -> {
                    for (int i = 0; i < events; i++) {
                        retention.onEvent(view(ANNA, "p" + thread + "-" + i, START.plusSeconds(i)));
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        // every event evaluated, the one that fires twice (its episode, then its firing)
        assertThat(checkKept()).isEqualTo(trigger.seen.size()).isEqualTo(threads * events + 1);
        assertThat(retention.customer(ANNA).history().eventCount()).isEqualTo(threads * events);
    }
}
