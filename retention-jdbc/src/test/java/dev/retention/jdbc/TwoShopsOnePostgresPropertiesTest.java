package dev.retention.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Retention;
import dev.retention.rules.loyalty.Balance;
import dev.retention.rules.loyalty.PointsLedger;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.rules.trigger.PostPurchaseTrigger;
import dev.retention.testkit.VirtualClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Two shop instances (two {@link Retention} facades, each with its own connection pool) on one
 * PostgreSQL, fed the same event stream at once (at-least-once delivery, each in its own order),
 * with a sender that takes a random while, redemptions racing from both, and processes dying at
 * random between a committed claim and the send (each then restarted over the same database).
 * Afterwards no idempotency key reached the sender twice, nothing was lost (once the dead
 * processes' leases end, a new instance sends every abandoned claim), every event and ledger entry
 * is stored once, and no ledger went below zero.
 *
 * <p>CI runs 200 tries of one round each. A try is cheap because the tables and the two pools
 * are made once and a try starts by emptying the tables (one TRUNCATE): a fresh prefix's migration
 * and two new pools cost about as much as the round itself. It checks itself: with a fire log whose
 * claim ignores the stored entry (no lease), a key was sent twice within a few tries.
 * For a long run, give every try more rounds:
 * {@code mvn -pl retention-jdbc -am test -Dtest=TwoShopsOnePostgresPropertiesTest
 * -Dsurefire.failIfNoSpecifiedTests=false -DargLine="-Dretention.jdbc.rounds=200"}.
 */
class TwoShopsOnePostgresPropertiesTest {
    private static final Instant START = Instant.parse("2026-03-02T12:00:00Z");
    private static final int CUSTOMERS = 6;
    private static final int ROUNDS = Integer.getInteger("retention.jdbc.rounds", 1);

    private static final Campaign THANKS = Campaign.builder("thanks").trigger(PostPurchaseTrigger.after(Duration.ZERO))
            .message(Message.email("thanks")).then(Duration.ZERO, Message.email("how-was-it")).build();
    private static final PointsProgram PROGRAM = PointsProgram.builder().currency("EUR").earn(1, Money.of(1, "EUR"))
            .redeem(100, Money.of(5, "EUR")).minimumRedemption(1).returnWindow(Duration.ZERO).build();

    /** The tries' tables and the two instances' pools, made once: a try starts by emptying the tables. */
    private static String tables;
    private static List<DataSource> pools;

    @Property(tries = 200)
    void twoInstancesSendEveryKeyOnceLoseNothingAndKeepLedgersAboveZero(@ForAll long seed) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            oneRound(seed + round);
        }
    }

    private static synchronized void emptyTables() throws SQLException {
        if (tables == null) {
            tables = Databases.freshPrefix();
            RetentionSchema.migrate(Databases.postgres(), tables);
            pools = List.of(Databases.postgresPool(3), Databases.postgresPool(3));
        }
        try (Connection c = Databases.postgres().getConnection(); Statement s = c.createStatement()) {
            s.execute(Stream.of("customers", "spend", "events", "profiles", "fire_log", "ledger")
                    .map(table -> tables + table).collect(Collectors.joining(", ", "TRUNCATE ", " RESTART IDENTITY")));
        }
    }

    private void oneRound(long seed) throws Exception {
        emptyTables();
        VirtualClock clock = VirtualClock.at(START);
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Random delays = new Random(seed);
        MessageSender slow = message -> {
            calls.computeIfAbsent(message.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            int pause;
            synchronized (delays) {
                pause = delays.nextInt(4);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return DeliveryResult.sent();
        };
        Function<CustomerStateStore, Retention> shop = state -> Retention.builder().state(state).campaign(THANKS)
                .points(PROGRAM).sender(slow).clock(clock).build();

        JdbcCustomerStateStore setup = JdbcCustomerStateStore.open(pools.get(0), tables);
        List<CustomerEvent> stream = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            CustomerId customer = CustomerId.of("c" + c);
            setup.profiles().put(CustomerProfile.builder(customer).email("c" + c + "@example.com")
                    .consent(Consent.given(Channel.EMAIL, START.minus(Duration.ofDays(30)))).build());
            for (int o = 0; o < 3; o++) {
                Instant at = START.minus(Duration.ofHours(10 - o));
                OrderPlaced order = new OrderPlaced("o-" + c + "-" + o, customer, at, OrderId.of(c + "-" + o), List.of(),
                        Money.of(100, "EUR"));
                // no refunds: a backdated clawback arriving after a redemption leaves a shortfall by
                // design, which would hide the one this test looks for (two redemptions spending the same points)
                stream.add(order);
            }
        }

        ExecutorService threads = Executors.newFixedThreadPool(2);
        AtomicInteger crashes = new AtomicInteger();
        try {
            List<Callable<Object>> work = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int instance = i;
                List<CustomerEvent> mine = new ArrayList<>(stream);
                Collections.shuffle(mine, new Random(seed * 31 + i));
                work.add(() -> {
                    Random random = new Random(seed * 17 + instance);
                    Retention retention = shop.apply(new CrashingState(
                            JdbcCustomerStateStore.open(pools.get(instance), tables), random.nextLong(), 0.3));
                    int redemption = 0;
                    for (CustomerEvent event : mine) {
                        try {
                            retention.onEvent(event);
                            // a checkout racing the other instance for the same points
                            PointsLedger points = retention.points().orElseThrow();
                            points.redeem(event.customerId(), "checkout-" + instance + "-" + redemption++, 90,
                                    START.plusSeconds(redemption));
                        } catch (CrashingState.Crash crash) {
                            crashes.incrementAndGet();
                            retention = shop.apply(new CrashingState(
                                    JdbcCustomerStateStore.open(pools.get(instance), tables), random.nextLong(), 0.3));
                        } catch (IllegalArgumentException notEnoughPoints) {
                            // refused redemption: the balance is not enough, as it should be at times
                        }
                    }
                    return null;
                });
            }
            for (Future<Object> done : threads.invokeAll(work)) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        // every lease has ended: a fresh instance takes over what the dead ones claimed
        clock.advance(Duration.ofMinutes(10));
        Retention after = shop.apply(JdbcCustomerStateStore.open(pools.get(1), tables));
        after.tick();

        JdbcCustomerStateStore check = JdbcCustomerStateStore.open(Databases.postgres(), tables);
        List<FireEntry> entries = check.fireLog().entries().toList();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(2 * CUSTOMERS)
                .allSatisfy(e -> assertThat(e.status()).as(e.key()).isEqualTo(FireStatus.SENT));
        assertThat(calls).as("keys sent").hasSize(entries.size())
                .allSatisfy((key, n) -> assertThat(n.get()).as("sends of %s", key).isOne());
        assertThat(check.events().eventCount()).isEqualTo(stream.size());
        PointsLedger points = PointsLedger.of(PROGRAM, check.ledger());
        for (int c = 0; c < CUSTOMERS; c++) {
            CustomerId customer = CustomerId.of("c" + c);
            Balance balance = points.balance(customer, START.plus(Duration.ofDays(1)));
            assertThat(balance.active()).as("balance of %s", customer).isNotNegative();
            assertThat(points.statement(customer, START.plus(Duration.ofDays(1))).totals().shortfall()).isZero();
            assertThat(check.ledger().entries(customer).stream().filter(e -> e.key().startsWith("ORDER"))).hasSize(3);
        }
    }

    /**
     * A restart over the same database resumes a message whose sender never ran (the process
     * died after its claim), sends it once, and keeps the re-entry memory: the same orders
     * delivered again and ticks of further instances send nothing more.
     */
    @Test
    void aRestartResumesPendingMessagesAndKeepsTheReEntryMemory() {
        String prefix = Databases.freshPrefix();
        RetentionSchema.migrate(Databases.postgres(), prefix);
        VirtualClock clock = VirtualClock.at(START);
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        MessageSender counting = message -> {
            calls.computeIfAbsent(message.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            return DeliveryResult.sent();
        };
        Function<CustomerStateStore, Retention> shop = state -> Retention.builder().state(state).campaign(THANKS)
                .points(PROGRAM).sender(counting).clock(clock).build();
        CustomerId anna = CustomerId.of("anna");
        OrderPlaced order = new OrderPlaced("o-1", anna, START.minusSeconds(60), OrderId.of("1"), List.of(),
                Money.of(100, "EUR"));

        DataSource first = Databases.postgresPool(2);
        JdbcCustomerStateStore.open(first, prefix).profiles().put(CustomerProfile.builder(anna)
                .email("anna@example.com").consent(Consent.given(Channel.EMAIL, START.minus(Duration.ofDays(1)))).build());
        Retention dying = shop.apply(new CrashingState(JdbcCustomerStateStore.open(first, prefix), 1, 1.0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dying.onEvent(order))
                .isInstanceOf(CrashingState.Crash.class);
        assertThat(calls).as("the process died before its sender ran").isEmpty();

        clock.advance(Duration.ofMinutes(10));
        Retention restarted = shop.apply(JdbcCustomerStateStore.open(Databases.postgresPool(2), prefix));
        restarted.tick();
        assertThat(calls.keySet()).hasSize(2).allSatisfy(key -> assertThat(calls.get(key).get()).isOne());

        restarted.onEvent(order);
        Retention third = shop.apply(JdbcCustomerStateStore.open(Databases.postgresPool(2), prefix));
        third.onEvent(order);
        clock.advance(Duration.ofDays(1));
        third.tick();
        assertThat(calls.keySet()).as("no new entry for an order already thanked for").hasSize(2);
        assertThat(calls.values()).allSatisfy(n -> assertThat(n.get()).isOne());
        assertThat(third.customer(anna).decisions()).hasSize(2)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(FireStatus.SENT));
        assertThat(third.customer(anna).ledger().entries()).hasSize(1);
    }
}
