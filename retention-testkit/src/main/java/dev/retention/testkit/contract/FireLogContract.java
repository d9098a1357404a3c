package dev.retention.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.rules.campaign.*;
import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link FireLog} must have. Extend it with {@link #newFireLog()} returning an
 * empty log of your implementation.
 */
public abstract class FireLogContract {
    /**
     * The instant the contract's entries are decided at.
     */
    protected static final Instant T = Instant.parse("2026-01-01T08:00:00Z");
    private static final CustomerId ANNA = CustomerId.of("anna");
    private static final CustomerId BOB = CustomerId.of("bob");

    private FireLog log;

    /**
     * A new, empty fire log.
     *
     * @return a log of your implementation holding no entry, not shared with another test
     */
    protected abstract FireLog newFireLog();

    /**
     * Takes a new, empty log for each test.
     */
    @BeforeEach
    public void setUp() {
        log = newFireLog();
    }

    /**
     * A pending first-step entry with personalisation and a variant, for tests of your own.
     *
     * @param key the idempotency key
     * @param customer the customer
     * @param dueAt when it is due
     * @return the entry, decided at {@link #T}
     */
    protected static FireEntry pending(String key, CustomerId customer, Instant dueAt) {
        OutgoingMessage message = new OutgoingMessage(key, customer, "campaign", Channel.EMAIL, "template",
                Map.of("viewedProducts", List.of("p1", "p2"), "orderCount", 3));
        return new FireEntry(message, 1, 0, "episode", Optional.of("A"), "viewed 2 products", T,
                FireStatus.PENDING, DecisionCause.TRIGGERED, "triggered", dueAt, 0, T);
    }

    /**
     * Recording a second entry with a key already recorded is refused and keeps the first: the engine
     * relies on it to decide once.
     */
    @Test
    public void recordsAnEntryOnlyOncePerKey() {
        FireEntry first = pending("k1", ANNA, T);
        FireEntry sameKey = pending("k1", ANNA, T.plusSeconds(60));

        assertThat(log.record(first)).isTrue();
        assertThat(log.record(sameKey)).isFalse();
        assertThat(log.find("k1")).contains(first);
    }

    /**
     * An entry is found by its key with every field as recorded; an unknown key finds nothing.
     */
    @Test
    public void keepsEveryFieldOfAnEntry() {
        FireEntry entry = pending("k1", ANNA, T).withAttempt(T.plusSeconds(1))
                .with(FireStatus.SENT, DecisionCause.DELIVERED, "sent", T.plusSeconds(2));

        log.record(entry);

        assertThat(log.find("k1")).contains(entry);
        assertThat(log.find("missing")).isEmpty();
    }

    /**
     * Replace is a compare-and-set: it succeeds only against the entry's current version.
     */
    @Test
    public void replacesOnlyTheCurrentVersionOfAnEntry() {
        FireEntry original = pending("k1", ANNA, T);
        log.record(original);
        FireEntry claimed = original.withAttempt(T);

        assertThat(log.replace(original, claimed)).isTrue();
        assertThat(log.replace(original, original.withAttempt(T.plusSeconds(5)))).isFalse();
        assertThat(log.find("k1")).contains(claimed);
    }

    /**
     * Replacing an entry never recorded fails and records nothing.
     */
    @Test
    public void replacingAnUnknownEntryFails() {
        FireEntry entry = pending("k1", ANNA, T);

        assertThat(log.replace(entry, entry.withAttempt(T))).isFalse();
        assertThat(log.find("k1")).isEmpty();
    }

    /**
     * A replacement must keep the entry's key; another key is refused with an exception.
     */
    @Test
    public void refusesAReplacementWithAnotherKey() {
        FireEntry entry = pending("k1", ANNA, T);
        log.record(entry);

        assertThatThrownBy(() -> log.replace(entry, pending("k2", ANNA, T)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A customer's entries, and all entries, come in recording order, each in its current state.
     */
    @Test
    public void listsACustomersEntriesInRecordingOrderWithTheirCurrentState() {
        FireEntry late = pending("k-late", ANNA, T.plusSeconds(100));
        FireEntry early = pending("k-early", ANNA, T);
        log.record(late);
        log.record(pending("k-bob", BOB, T));
        log.record(early);
        FireEntry sent = early.with(FireStatus.SENT, DecisionCause.DELIVERED, "sent", T);
        log.replace(early, sent);

        assertThat(log.entries(ANNA)).containsExactly(late, sent);
        assertThat(log.entries(CustomerId.of("nobody"))).isEmpty();
        assertThat(log.entries()).extracting(FireEntry::key).containsExactly("k-late", "k-bob", "k-early");
    }

    /**
     * Erasing a customer removes every entry of theirs from every read, open or settled, and
     * nothing of anyone else's; their keys can be recorded again, as for a new customer.
     */
    @Test
    public void erasingACustomerRemovesTheirEntriesFromEveryRead() {
        FireEntry open = pending("k-open", ANNA, T);
        FireEntry settled = pending("k-sent", ANNA, T).with(FireStatus.SENT, DecisionCause.DELIVERED, "sent", T);
        FireEntry bobs = pending("k-bob", BOB, T);
        log.record(open);
        log.record(settled);
        log.record(bobs);

        assertThat(log.erase(ANNA)).isEqualTo(2);

        assertThat(log.entries(ANNA)).isEmpty();
        assertThat(log.find("k-open")).isEmpty();
        assertThat(log.find("k-sent")).isEmpty();
        assertThat(log.due(T.plusSeconds(3600))).containsExactly(bobs);
        assertThat(log.entries()).containsExactly(bobs);
        assertThat(log.replace(open, open.withAttempt(T))).as("an erased entry cannot be claimed").isFalse();
        assertThat(log.erase(ANNA)).as("nothing left to erase").isZero();

        assertThat(log.record(open)).as("a new customer may get the same key").isTrue();
        assertThat(log.entries(ANNA)).containsExactly(open);
    }

    /**
     * The list of a customer's entries is an immutable snapshot: later records and replacements do
     * not change it.
     */
    @Test
    public void aCustomersEntriesAreASnapshotThatLaterChangesDoNotAlter() {
        FireEntry first = pending("k-first", ANNA, T);
        log.record(first);
        List<FireEntry> before = log.entries(ANNA);

        log.record(pending("k-second", ANNA, T.plusSeconds(1)));
        log.replace(first, first.with(FireStatus.SENT, DecisionCause.DELIVERED, "sent", T));

        assertThat(before).containsExactly(first);
        assertThat(log.entries(ANNA)).extracting(FireEntry::key).containsExactly("k-first", "k-second");
        assertThatThrownBy(() -> before.add(first)).isInstanceOf(UnsupportedOperationException.class);
    }

    /**
     * {@code due(at)} lists the open entries due at or before {@code at}, by due time (ties by key);
     * closed entries never.
     */
    @Test
    public void dueListsPendingEntriesUpToTheInstantInclusiveByDueTime() {
        FireEntry atT = pending("b", ANNA, T);
        FireEntry alsoAtT = pending("a", BOB, T);
        FireEntry later = pending("c", ANNA, T.plusSeconds(1));
        FireEntry done = pending("d", BOB, T.minusSeconds(10));
        log.record(later);
        log.record(atT);
        log.record(alsoAtT);
        log.record(done);
        log.replace(done, done.with(FireStatus.SUPPRESSED, DecisionCause.NO_CONSENT, "no consent", T));

        assertThat(log.due(T)).containsExactly(alsoAtT, atT);
        assertThat(log.due(T.plusSeconds(1))).containsExactly(alsoAtT, atT, later);
        assertThat(log.due(T.minusNanos(1))).isEmpty();
    }

    /**
     * An entry rescheduled by a replacement is due at its new time, not the old one.
     */
    @Test
    public void dueFollowsRescheduledEntries() {
        FireEntry entry = pending("k", ANNA, T);
        log.record(entry);
        FireEntry deferred = entry.pendingUntil(T.plusSeconds(3600), DecisionCause.QUIET_HOURS, "quiet", T);
        log.replace(entry, deferred);

        assertThat(log.due(T)).isEmpty();
        assertThat(log.due(T.plusSeconds(3600))).containsExactly(deferred);
    }

    /**
     * Of 8 threads recording one key, and then claiming it, exactly one succeeds each time.
     *
     * @throws Exception if a thread fails or does not finish in time
     */
    @Test
    public void ofConcurrentRecordsAndClaimsOfOneKeyExactlyOneWins() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> records = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                records.add(() -> log.record(pending("same", ANNA, T.plusSeconds(n))));
            }
            assertThat(count(pool.invokeAll(records))).isEqualTo(1);

            FireEntry stored = log.find("same").orElseThrow();
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                claims.add(() -> log.replace(stored, stored.withAttempt(T)));
            }
            assertThat(count(pool.invokeAll(claims))).isEqualTo(1);
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /**
     * A reader of a customer's entries, while they are recorded, sees a growing prefix of whole
     * entries in order.
     *
     * @throws Exception if a thread fails or does not finish in time
     */
    @Test
    public void readersOfACustomersEntriesSeeWholeEntriesInOrderWhileTheyAreRecorded() throws Exception {
        int entries = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> reader = pool.submit(() -> {
                int seen = 0;
                int reads = 0;
                // stops when interrupted too: a failing writer must not leave it spinning
                while (seen < entries && !Thread.currentThread().isInterrupted()) {
                    List<FireEntry> read = log.entries(ANNA);
                    assertThat(read.size()).isGreaterThanOrEqualTo(seen);
                    for (int i = 0; i < read.size(); i++) {
                        FireEntry e = read.get(i);
                        assertThat(e.key()).isEqualTo("k" + i);
                        assertThat(e.customerId()).isEqualTo(ANNA);
                    }
                    seen = read.size();
                    reads++;
                }
                return reads;
            });
            Future<?> others = pool.submit(() -> {
                for (int i = 0; i < entries; i++) {
                    log.record(pending("bob-" + i, BOB, T));
                }
            });
            for (int i = 0; i < entries; i++) {
                assertThat(log.record(pending("k" + i, ANNA, T.plusSeconds(i)))).isTrue();
            }
            others.get(60, TimeUnit.SECONDS);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            assertThat(log.entries(BOB)).hasSize(entries);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A claim is kept in flight and is not due until its lease ends; then one engine can take it over, once.
     */
    @Test
    public void aClaimIsKeptInFlightAndIsNotDueUntilItsLeaseEnds() {
        FireEntry entry = pending("k1", ANNA, T);
        log.record(entry);
        FireEntry claimed = entry.claim(T, T.plusSeconds(60));

        assertThat(log.replace(entry, claimed)).isTrue();

        assertThat(log.find("k1")).contains(claimed);
        assertThat(log.entries(ANNA)).containsExactly(claimed);
        assertThat(log.due(T)).isEmpty();
        assertThat(log.due(T.plusSeconds(59))).isEmpty();
        // the lease ended: the claim counts as abandoned and is due to be taken over
        assertThat(log.due(T.plusSeconds(60))).containsExactly(claimed);
        FireEntry takenOver = claimed.claim(T.plusSeconds(60), T.plusSeconds(120));
        assertThat(log.replace(claimed, takenOver)).isTrue();
        assertThat(log.replace(claimed, claimed.claim(T.plusSeconds(61), T.plusSeconds(121)))).isFalse();
        assertThat(log.find("k1")).get().satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.IN_FLIGHT);
            assertThat(e.attempts()).isEqualTo(2);
        });
    }

    /**
     * The note that the customer left the trigger (for re-entry) survives a replacement.
     */
    @Test
    public void keepsTheNoteThatTheCustomerLeftTheTrigger() {
        FireEntry sent = pending("k1", ANNA, T).with(FireStatus.SENT, DecisionCause.DELIVERED, "sent", T);
        log.record(sent);
        FireEntry left = sent.leftTrigger(T.plusSeconds(5));

        assertThat(log.replace(sent, left)).isTrue();

        assertThat(log.find("k1")).get().satisfies(e -> assertThat(e.leftTriggerSince()).contains(T.plusSeconds(5)));
    }

    /**
     * Two engines over this log: while the first engine's sender runs, the second engine ticks (in
     * the same thread, so no timing is involved) and must find every message the first one
     * claimed still leased to it. A log that loses the claim (stores it as still pending, or lists
     * it as due) makes the second engine send the same key again.
     */
    @Test
    public void whileOneEngineSendsAnotherEngineOverTheLogSendsNoneOfItsClaims() {
        int customers = 20;
        InMemoryProfileStore profiles = new InMemoryProfileStore();
        for (int i = 0; i < customers; i++) {
            CustomerId customer = CustomerId.of("c" + i);
            profiles.put(CustomerProfile.builder(customer).email("c" + i + "@example.com").zone(ZoneOffset.UTC)
                    .consent(Consent.given(Channel.EMAIL, T.minusSeconds(86_400))).build());
            assertThat(log.record(pending("key-" + i, customer, T))).isTrue();
        }
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        CampaignEngine[] second = {null};
        MessageSender whileSending = message -> {
            calls.computeIfAbsent(message.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            second[0].tick();
            return DeliveryResult.sent();
        };
        MessageSender counting = message -> {
            calls.computeIfAbsent(message.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            return DeliveryResult.sent();
        };
        Clock clock = Clock.fixed(T, ZoneOffset.UTC);
        InMemoryEventStore events = new InMemoryEventStore();
        CampaignEngine first = CampaignEngine.builder().events(events).profiles(profiles).fireLog(log)
                .sender(whileSending).clock(clock).build();
        second[0] = CampaignEngine.builder().events(events).profiles(profiles).fireLog(log).sender(counting)
                .clock(clock).build();

        first.tick();

        assertThat(calls).hasSize(customers).allSatisfy((key, n) -> assertThat(n.get()).as(key).isOne());
        assertThat(log.entries()).allSatisfy(e -> assertThat(e.status()).isEqualTo(FireStatus.SENT));
    }

    private static long count(List<Future<Boolean>> results) throws Exception {
        long wins = 0;
        for (Future<Boolean> result : results) {
            if (result.get()) {
                wins++;
            }
        }
        return wins;
    }
}
