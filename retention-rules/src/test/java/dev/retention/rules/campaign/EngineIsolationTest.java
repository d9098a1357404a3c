package dev.retention.rules.campaign;

import static dev.retention.rules.testing.Shop.order;
import static dev.retention.rules.testing.Shop.orderWorth;
import static dev.retention.rules.testing.Shop.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.trigger.Firing;
import dev.retention.rules.trigger.LoyaltyThresholdTrigger;
import dev.retention.rules.trigger.PostPurchaseTrigger;
import dev.retention.rules.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** One slow, broken or poisonous send or customer does not stop the engine's work for the others. */
class EngineIsolationTest {
    private final EngineFixture shop = new EngineFixture();

    private static Campaign thanks() {
        return Campaign.builder("thanks").trigger(PostPurchaseTrigger.after(Duration.ZERO))
                .message(Message.email("thanks")).build();
    }

    @Test
    void aSenderAnsweringNullOrThrowingAnErrorFailsOnlyItsEntryOnce() {
        CustomerId anna = shop.subscriber("anna");
        CustomerId bob = shop.subscriber("bob");
        CustomerId carl = shop.subscriber("carl");
        MessageSender broken = message -> {
            if (message.customerId().equals(anna)) {
                return null;
            }
            if (message.customerId().equals(bob)) {
                throw new NoClassDefFoundError("com/acme/mail/Templates");
            }
            return shop.sender.send(message);
        };
        Instant now = shop.clock.instant();
        for (CustomerId customer : new CustomerId[] {anna, bob, carl}) {
            shop.events.append(order(customer, now, "kettle"));
        }
        CampaignEngine engine = shop.engine(broken, thanks()).build();

        engine.tick();
        shop.clock.set(now.plus(Duration.ofDays(1)));
        engine.tick();

        assertThat(shop.sender.sent()).extracting(OutgoingMessage::customerId).containsExactly(carl);
        assertThat(engine.decisions(anna)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.FAILED);
            assertThat(e.cause()).isEqualTo(DecisionCause.SEND_FAILED);
            assertThat(e.reason()).contains("null");
            assertThat(e.attempts()).isOne();
        });
        assertThat(engine.decisions(bob)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.FAILED);
            assertThat(e.reason()).contains("NoClassDefFoundError");
            assertThat(e.attempts()).isOne();
        });
    }

    @Test
    void aCustomerWhoseTotalsOverflowDoesNotStopTheTickForOthers() {
        CustomerId whale = shop.subscriber("whale");
        CustomerId carl = shop.subscriber("carl");
        Instant now = shop.clock.instant();
        // 4.6e16 USD twice is what a long of cents can hold; the store refuses a third, so the
        // overflow comes from the user's own trigger adding the whale's spend up once more
        Money huge = Money.of(46_000_000_000_000_000L, "USD");
        for (int i = 0; i < 2; i++) {
            shop.events.append(orderWorth(whale, now.minusSeconds(10 - i), huge));
        }
        shop.events.append(order(carl, now.minusSeconds(5), "kettle"));
        shop.events.append(order(carl, now.minusSeconds(4), "kettle"));
        Trigger threshold = LoyaltyThresholdTrigger.of(2, Money.of(10, "USD"));
        Trigger spendTwice = new Trigger() {
            @Override
            public String name() {
                return "spend counted twice";
            }

            @Override
            public Optional<Firing> evaluate(CustomerHistory history, CustomerProfile profile, Instant at) {
                Money spend = history.netSpendAsOf(Currency.getInstance("USD"), at);
                spend.plus(spend); // throws ArithmeticException for the whale
                return threshold.evaluate(history, profile, at);
            }
        };
        Campaign loyal = Campaign.builder("loyal").trigger(spendTwice)
                .message(Message.email("welcome-to-the-club")).build();
        CampaignEngine engine = shop.engine(loyal).build();

        engine.tick();

        assertThat(shop.sender.sent()).extracting(OutgoingMessage::customerId).containsExactly(carl);
        assertThat(engine.decisions(whale)).isEmpty();
    }

    @Test
    void theSenderRunsWithNoLockOfTheEngineHeld() {
        CustomerId anna = shop.subscriber("anna");
        CampaignEngine[] engine = {null};
        String[] seenFromAnotherThread = {null};
        MessageSender asksTheEngine = message -> {
            // the shop's code may call back into the engine from another thread while a send runs
            seenFromAnotherThread[0] = CompletableFuture.supplyAsync(() -> engine[0].explain(anna, "thanks"))
                    .orTimeout(10, TimeUnit.SECONDS).join();
            return shop.sender.send(message);
        };
        engine[0] = shop.engine(asksTheEngine, thanks()).build();

        engine[0].onEvent(order(anna, shop.clock.instant(), "kettle"));

        assertThat(seenFromAnotherThread[0]).startsWith("triggered");
        assertThat(shop.sender.sent()).singleElement().satisfies(m -> assertThat(m.customerId()).isEqualTo(anna));
    }

    @Test
    void aHangingSendTimesOutAsAFailedAttemptRetriedWithTheSameKey() {
        CustomerId anna = shop.subscriber("anna");
        CustomerId carl = shop.subscriber("carl");
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean hanging = new AtomicBoolean(true);
        MessageSender hangsForAnna = message -> {
            if (message.customerId().equals(anna) && hanging.get()) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return DeliveryResult.retryableFailure("interrupted");
            }
            return shop.sender.send(message);
        };
        Instant now = shop.clock.instant();
        shop.events.append(order(anna, now, "kettle"));
        shop.events.append(order(carl, now, "kettle"));
        CampaignEngine engine = shop.engine(hangsForAnna, thanks()).sendTimeout(Duration.ofMillis(200)).build();

        try {
            engine.tick();
        } finally {
            never.countDown();
        }

        assertThat(shop.sender.sent()).extracting(OutgoingMessage::customerId).containsExactly(carl);
        FireEntry hung = engine.decisions(anna).get(0);
        assertThat(hung.status()).isEqualTo(FireStatus.PENDING);
        assertThat(hung.cause()).isEqualTo(DecisionCause.RETRY);
        assertThat(hung.reason()).contains("timed out");
        assertThat(hung.attempts()).isOne();

        hanging.set(false);
        shop.clock.set(hung.dueAt());
        engine.tick();
        assertThat(shop.sender.sent()).extracting(OutgoingMessage::idempotencyKey).contains(hung.key());
    }

    @Test
    void everyNewFiringRemembersAcrossARestartThatTheCustomerLeftTheTrigger() {
        CustomerId anna = shop.subscriber("anna");
        // "in the segment" while the customer has viewed more than they ordered
        Campaign campaign = Campaign.builder("browsers").trigger(Trigger.onEntering("browsers",
                (h, p, now) -> h.viewCount() > h.orderCountAsOf(now))).message(Message.email("t")).build();
        Instant t = shop.clock.instant();

        shop.engine(campaign).build().onEvent(view(anna, "a", t));
        shop.engine(campaign).build().tick(t.plusSeconds(2));
        assertThat(shop.sender.sent()).hasSize(1);
        shop.engine(campaign).build().onEvent(order(anna, t.plusSeconds(3), "a"));
        shop.engine(campaign).build().tick(t.plusSeconds(5)); // this engine sees anna outside the segment
        shop.engine(campaign).build().onEvent(view(anna, "c", t.plusSeconds(6)));
        shop.engine(campaign).build().tick(t.plusSeconds(7));

        assertThat(shop.sender.sent()).hasSize(2);
    }

    /** An engine that claimed the entry and died: the entry is in flight, its lease ending at {@code leaseEnd}. */
    private FireEntry abandonedClaim(CustomerId customer, int attempts, Instant leaseEnd) {
        Instant now = shop.clock.instant();
        OutgoingMessage message = new OutgoingMessage("thanks:" + customer.value() + ":1:0", customer, "thanks",
                dev.retention.core.profile.Channel.EMAIL, "thanks", java.util.Map.of());
        FireEntry entry = new FireEntry(message, 1, 0, "episode", java.util.Optional.empty(), "ordered", now,
                FireStatus.PENDING, DecisionCause.TRIGGERED, "triggered", now, attempts - 1, now);
        FireEntry claimed = entry.claim(now, leaseEnd);
        shop.fireLog.record(claimed);
        return claimed;
    }

    @Test
    void anAbandonedClaimIsTakenOverAfterItsLeaseAndSentOnceWithItsKeyDespiteATightCap() {
        CustomerId anna = shop.subscriber("anna");
        FireEntry claimed = abandonedClaim(anna, 1, shop.clock.instant().plus(Duration.ofMinutes(1)));
        CampaignEngine engine = shop.engine(thanks()).frequencyCap(FrequencyCap.overall(1, Duration.ofDays(1)))
                .build();

        engine.tick(shop.clock.instant().plusSeconds(59));
        assertThat(shop.sender.sent()).isEmpty();
        shop.clock.set(shop.clock.instant().plusSeconds(60));
        engine.tick();

        // the claim counts against the cap while it runs, but not against its own takeover
        assertThat(shop.sender.sent()).extracting(OutgoingMessage::idempotencyKey).containsExactly(claimed.key());
        assertThat(engine.decisions(anna)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.SENT);
            assertThat(e.attempts()).isEqualTo(2);
        });
    }

    @Test
    void anAbandonedClaimOfTheLastAttemptFailsRatherThanExceedMaxAttempts() {
        CustomerId anna = shop.subscriber("anna");
        abandonedClaim(anna, RetryPolicy.ofDefaults().maxAttempts(), shop.clock.instant().plusSeconds(60));
        CampaignEngine engine = shop.engine(thanks()).build();

        shop.clock.set(shop.clock.instant().plusSeconds(60));
        engine.tick();

        assertThat(shop.sender.sent()).isEmpty();
        assertThat(engine.decisions(anna)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(FireStatus.FAILED);
            assertThat(e.attempts()).isEqualTo(RetryPolicy.ofDefaults().maxAttempts());
        });
    }

    @Test
    void theLeaseMustOutlastTheSendTimeout() {
        assertThatThrownBy(() -> shop.engine(thanks()).sendTimeout(Duration.ofSeconds(30)).lease(Duration.ofSeconds(30))
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lease (PT30S) must be longer than sendTimeout (PT30S)");
        assertThatThrownBy(() -> shop.engine(thanks()).sendTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendTimeout must be positive, got PT0S");
    }
}
