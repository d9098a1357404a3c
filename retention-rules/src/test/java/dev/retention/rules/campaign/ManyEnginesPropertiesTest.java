package dev.retention.rules.campaign;

import static dev.retention.rules.testing.Shop.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.rules.trigger.PostPurchaseTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * N engines over one fire log, each in its own thread, tick at once while the sender takes a
 * random while and engines die at random between claiming an entry and sending it (and are
 * restarted). No idempotency key reaches the sender twice, and nothing is lost: once the dead
 * engines' leases end, one engine takes each abandoned claim over and sends it, with its key.
 */
class ManyEnginesPropertiesTest {
    private static final int CUSTOMERS = 16;

    /** Thrown by the fire log to simulate the process dying right after a claim was written. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated crash", null, false, false);
        }
    }

    /** A fire log whose engine dies, at random, right after its claim of an entry is written. */
    private static final class DyingAfterClaims implements FireLog {
        final InMemoryFireLog durable = new InMemoryFireLog();
        final Random random;
        final Set<String> abandoned = ConcurrentHashMap.newKeySet();
        volatile double crashRate = 0.2;

        DyingAfterClaims(long seed) {
            this.random = new Random(seed);
        }

        @Override
        public boolean record(FireEntry entry) {
            return durable.record(entry);
        }

        @Override
        public boolean replace(FireEntry expected, FireEntry replacement) {
            boolean replaced = durable.replace(expected, replacement);
            boolean claim = replacement.attempts() > expected.attempts();
            if (replaced && claim && random.nextDouble() < crashRate) {
                abandoned.add(replacement.key());
                throw new Crash();
            }
            return replaced;
        }

        @Override
        public Optional<FireEntry> find(String key) {
            return durable.find(key);
        }

        @Override
        public List<FireEntry> entries(CustomerId customerId) {
            return durable.entries(customerId);
        }

        @Override
        public List<FireEntry> due(Instant asOf) {
            return durable.due(asOf);
        }

        @Override
        public Stream<FireEntry> entries() {
            return durable.entries();
        }
    }

    @Property(tries = 12)
    void noKeyIsSentTwiceByManyEnginesAndNoAbandonedClaimIsLost(@ForAll @IntRange(min = 2, max = 4) int engines,
            @ForAll long seed) throws Exception {
        EngineFixture shop = new EngineFixture();
        DyingAfterClaims log = new DyingAfterClaims(seed);
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Random delays = new Random(seed + 1);
        MessageSender slow = message -> {
            calls.computeIfAbsent(message.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            int pause;
            synchronized (delays) {
                pause = delays.nextInt(3);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DeliveryResult.sent();
        };
        Campaign thanks = Campaign.builder("thanks").trigger(PostPurchaseTrigger.after(Duration.ZERO))
                .message(Message.email("thanks")).then(Duration.ZERO, Message.email("how-was-it")).build();
        Supplier<CampaignEngine> start = () -> CampaignEngine.builder().events(shop.events).profiles(shop.profiles)
                .fireLog(log).sender(slow).clock(shop.clock).campaign(thanks).build();
        for (int i = 0; i < CUSTOMERS; i++) {
            shop.events.append(order(shop.subscriber("c" + i), EngineFixture.START, "kettle"));
        }

        ExecutorService threads = Executors.newFixedThreadPool(engines);
        try {
            List<Callable<Object>> work = new ArrayList<>();
            for (int e = 0; e < engines; e++) {
                work.add(() -> {
                    CampaignEngine engine = start.get();
                    for (int tick = 0; tick < 3; tick++) {
                        try {
                            engine.tick();
                        } catch (Crash crash) {
                            engine = start.get();
                        }
                    }
                    return null;
                });
            }
            for (Future<Object> done : threads.invokeAll(work)) {
                done.get();
            }
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        log.crashRate = 0;
        shop.clock.set(EngineFixture.START.plus(Duration.ofMinutes(2))); // every lease has ended
        start.get().tick();

        assertThat(calls).hasSize(2 * CUSTOMERS).allSatisfy((key, n) -> assertThat(n.get()).as(key).isOne());
        assertThat(log.durable.entries()).hasSize(2 * CUSTOMERS).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.SENT);
            assertThat(e.attempts()).isEqualTo(log.abandoned.contains(e.key()) ? 2 : 1);
        });
    }
}
