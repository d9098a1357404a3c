package dev.retention.rules.campaign;

import static dev.retention.rules.testing.Shop.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.trigger.PostPurchaseTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Crashes the engine at random fire log writes while the sender fails at random, restarts a new
 * engine over the same stores and fire log each time, and checks that every message of every
 * customer is delivered exactly once in the end.
 */
class CrashRestartTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int CUSTOMERS = 12;

    /** Thrown by the fire log to simulate the process dying. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated crash", null, false, false);
        }
    }

    /** A fire log that dies at random right after (or, for claims, right before) a write. */
    private static final class CrashingFireLog implements FireLog {
        final InMemoryFireLog durable = new InMemoryFireLog();
        final Random random;
        final boolean onlyBeforeSends;
        double crashRate = 0.15;
        int crashes;
        int crashesAfterASend;

        CrashingFireLog(Random random, boolean onlyBeforeSends) {
            this.random = random;
            this.onlyBeforeSends = onlyBeforeSends;
        }

        @Override
        public boolean record(FireEntry entry) {
            boolean recorded = durable.record(entry);
            // a later step is recorded right after its predecessor was delivered
            boolean afterASend = entry.cause() == DecisionCause.SEQUENCE_STEP;
            maybeCrash(afterASend);
            return recorded;
        }

        @Override
        public boolean replace(FireEntry expected, FireEntry replacement) {
            boolean claim = replacement.attempts() > expected.attempts();
            boolean afterASend = replacement.status() == FireStatus.SENT;
            if (claim) {
                maybeCrash(false); // dies before the claim is written
            }
            boolean replaced = durable.replace(expected, replacement);
            if (!claim) {
                maybeCrash(afterASend);
            }
            return replaced;
        }

        private void maybeCrash(boolean afterASend) {
            if (afterASend && onlyBeforeSends) {
                return;
            }
            if (random.nextDouble() < crashRate) {
                crashes++;
                if (afterASend) {
                    crashesAfterASend++;
                }
                throw new Crash();
            }
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

    /** Fails at random before reaching the provider: a timeout, an error answer, or an exception. */
    private static MessageSender flaky(MessageSender provider, Random random, boolean[] reliable) {
        return message -> {
            double dice = random.nextDouble();
            if (reliable[0] || dice >= 0.3) {
                return provider.send(message);
            }
            if (dice < 0.1) {
                throw new IllegalStateException("connection reset");
            }
            return DeliveryResult.retryableFailure("timeout");
        };
    }

    @Property(tries = 60)
    void crashesBeforeASendNeverLoseAMessageAndNeverEvenAttemptOneTwice(@ForAll long seed) {
        Outcome outcome = run(seed, true);

        assertThat(outcome.fixture.sender.duplicateCount()).isZero();
        assertThat(outcome.fixture.sender.sent()).hasSize(2 * CUSTOMERS);
        assertEveryMessageDeliveredOnce(outcome);
    }

    @Property(tries = 60)
    void crashesAnywhereNeverLoseAMessageAndRepeatOnlyKeysAlreadyDelivered(@ForAll long seed) {
        Outcome outcome = run(seed, false);

        // a repeat happens only when the process died after the provider accepted, and carries the same key
        assertThat(outcome.fixture.sender.duplicateCount()).isLessThanOrEqualTo(outcome.log.crashesAfterASend);
        assertEveryMessageDeliveredOnce(outcome);
    }

    private record Outcome(EngineFixture fixture, CrashingFireLog log, List<CustomerId> customers) {
    }

    private static Outcome run(long seed, boolean onlyBeforeSends) {
        Random random = new Random(seed);
        EngineFixture fixture = new EngineFixture();
        CrashingFireLog log = new CrashingFireLog(random, onlyBeforeSends);
        boolean[] reliable = {false};
        MessageSender sender = flaky(fixture.sender, random, reliable);
        Campaign campaign = Campaign.builder("thanks")
                .trigger(PostPurchaseTrigger.after(Duration.ZERO).within(Duration.ofDays(30)))
                .message(Message.email("thanks-1")).then(Duration.ofDays(1), Message.email("thanks-2")).build();
        Supplier<CampaignEngine> restart = () -> CampaignEngine.builder().events(fixture.events)
                .profiles(fixture.profiles).fireLog(log).sender(sender).clock(fixture.clock).campaign(campaign)
                .retry(new RetryPolicy(40, Duration.ofMinutes(1), 1.0, Duration.ofMinutes(1))).build();
        List<CustomerId> customers = new ArrayList<>();
        List<OrderPlaced> orders = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            CustomerId customer = fixture.subscriber("c" + i);
            customers.add(customer);
            orders.add(order(customer, EngineFixture.START.plusSeconds(i), "kettle"));
        }

        CampaignEngine[] engine = {restart.get()};
        for (OrderPlaced order : orders) {
            fixture.clock.set(order.occurredAt());
            // the shop re-delivers an event whose handling crashed, to a restarted engine
            survive(() -> engine[0].onEvent(order), engine, restart);
        }
        for (int hour = 1; hour <= 72; hour++) {
            fixture.clock.set(EngineFixture.START.plus(HOUR.multipliedBy(hour)));
            survive(() -> engine[0].tick(), engine, restart);
        }
        log.crashRate = 0;
        reliable[0] = true;
        engine[0] = restart.get();
        fixture.clock.set(EngineFixture.START.plus(Duration.ofDays(4)));
        engine[0].resume();
        engine[0].tick();
        return new Outcome(fixture, log, customers);
    }

    private static void survive(Runnable work, CampaignEngine[] engine, Supplier<CampaignEngine> restart) {
        while (true) {
            try {
                work.run();
                return;
            } catch (Crash crash) {
                engine[0] = restart.get();
            }
        }
    }

    private static void assertEveryMessageDeliveredOnce(Outcome outcome) {
        assertThat(outcome.log.crashes).as("the run crashed at least once").isPositive();
        List<OutgoingMessage> sent = outcome.fixture.sender.distinct();
        Map<String, Long> perCustomerAndTemplate = sent.stream()
                .collect(Collectors.groupingBy(m -> m.customerId() + "/" + m.templateId(), Collectors.counting()));
        assertThat(perCustomerAndTemplate).hasSize(2 * CUSTOMERS).allSatisfy((k, count) -> assertThat(count).isOne());
        assertThat(outcome.log.durable.entries())
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(FireStatus.SENT));
        assertThat(outcome.log.durable.size()).isEqualTo(2 * CUSTOMERS);
    }
}
