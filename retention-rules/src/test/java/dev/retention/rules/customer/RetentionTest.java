package dev.retention.rules.customer;

import static dev.retention.rules.testing.Shop.orderWorth;
import static dev.retention.rules.testing.Shop.refund;
import static dev.retention.rules.testing.Shop.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.RecordingSender;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.loyalty.EntryKind;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.loyalty.PointsLedger;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.rules.loyalty.QualificationWindow;
import dev.retention.rules.loyalty.TierBenefits;
import dev.retention.rules.loyalty.TierPolicy;
import dev.retention.rules.testing.MutableClock;
import dev.retention.rules.trigger.Firing;
import dev.retention.rules.trigger.LoyaltyThresholdTrigger;
import dev.retention.rules.trigger.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The facade end to end: one event, one step for its customer; erasure and export of a customer. */
class RetentionTest {
    /** The seam under test: the native in-memory one; a subclass runs the same tests over another. */
    CustomerStateStore newState() {
        return CustomerStateStore.inMemory();
    }

    static final Instant START = Instant.parse("2026-03-02T12:00:00Z");
    static final CustomerId ANNA = CustomerId.of("anna");
    static final CustomerId BOB = CustomerId.of("bob");

    static final TierPolicy TIERS = TierPolicy.builder()
            .spend("USD")
            .window(QualificationWindow.rollingMonths(12))
            .baseTier("Member", TierBenefits.none())
            .tier("Silver", Money.of(500, "USD"), TierBenefits.multiplier("1.25"))
            .build();

    static PointsProgram program(boolean withTiers) {
        PointsProgram.Builder b = PointsProgram.builder().currency("USD").earn(1, Money.of(1, "USD"))
                .redeem(100, Money.of(5, "USD")).returnWindow(Duration.ofDays(30));
        return (withTiers ? b.tierMultipliers(TIERS) : b).build();
    }

    static final Campaign LOYALTY = Campaign.builder("loyalty-invite")
            .trigger(LoyaltyThresholdTrigger.of(2, Money.of(500, "USD")))
            .message(Message.email("join-loyalty"))
            .build();

    final MutableClock clock = new MutableClock(START);
    final RecordingSender sender = new RecordingSender();
    final CustomerStateStore state = newState();

    Retention retention(boolean withTiers) {
        Retention.Builder b = Retention.builder().state(state).campaign(LOYALTY).points(program(withTiers))
                .sender(sender).clock(clock);
        return (withTiers ? b.tiers(TIERS) : b).build();
    }

    void subscribe(CustomerId customer) {
        state.profiles().put(CustomerProfile.builder(customer).email(customer.value() + "@example.com")
                .consent(Consent.given(Channel.EMAIL, START.minus(Duration.ofDays(365)))).build());
    }

    static Money usd(long units) {
        return Money.of(units, "USD");
    }

    @Test
    void anOrderEarnsPointsAtTheTierBeforeItAndTriggersTheLoyaltyCampaignInOneCall() {
        Retention retention = retention(true);
        subscribe(ANNA);

        EventOutcome first = retention.onEvent(orderWorth(ANNA, START.minus(Duration.ofDays(2)), usd(600)));
        assertThat(first.stored()).isTrue();
        assertThat(first.tier()).as("the order does not lift its own tier").contains("Member");
        assertThat(first.fireEntries()).isEmpty();

        OrderPlaced second = orderWorth(ANNA, START.minus(Duration.ofDays(1)), usd(100));
        EventOutcome outcome = retention.onEvent(second);

        assertThat(outcome.tier()).contains("Silver");
        assertThat(outcome.ledgerChanged()).isTrue();
        PointsLedger points = retention.points().orElseThrow();
        assertThat(points.entries(ANNA)).filteredOn(e -> e.kind() == EntryKind.EARN).extracting(LedgerEntry::points)
                .containsExactly(600L, 125L); // 100.00 at Silver's 1.25
        assertThat(sender.sent()).extracting(OutgoingMessage::templateId).containsExactly("join-loyalty");
        assertThat(sender.sent().get(0).customerId()).isEqualTo(ANNA);
        assertThat(outcome.fireEntries()).extracting(FireEntry::status).contains(FireStatus.SENT);
        assertThat(retention.engine().decisions(ANNA)).extracting(FireEntry::status).containsExactly(FireStatus.SENT);
    }

    @Test
    void aRefundClawsBackItsShareOfTheOrdersPoints() {
        Retention retention = retention(true);
        subscribe(ANNA);
        retention.onEvent(orderWorth(ANNA, START.minus(Duration.ofDays(3)), usd(600)));
        OrderPlaced order = orderWorth(ANNA, START.minus(Duration.ofDays(2)), usd(100));
        retention.onEvent(order);
        PointsLedger points = retention.points().orElseThrow();
        assertThat(points.balance(ANNA, START).total()).isEqualTo(725);

        EventOutcome outcome = retention.onEvent(refund(order, usd(40), START.minus(Duration.ofDays(1))));

        assertThat(outcome.ledgerChanged()).isTrue();
        assertThat(points.entries(ANNA)).extracting(LedgerEntry::kind).contains(EntryKind.CLAWBACK);
        assertThat(points.balance(ANNA, START).total()).as("40%% of the order's 125 points back").isEqualTo(675);
        assertThat(sender.sent()).as("the loyalty letter went once").hasSize(1);
    }

    /**
     * The facade reuses one step object per thread: an event handed to it from inside another
     * event's step (here a trigger that feeds Bob's event back while Anna is evaluated) must get a
     * step of its own and leave the outer event's outcome whole.
     */
    @Test
    void anEventHandedOverInsideAnotherEventsStepGetsItsOwnStep() {
        AtomicReference<Retention> facade = new AtomicReference<>();
        List<EventOutcome> inner = new ArrayList<>();
        Trigger feedsBobBack = new Trigger() {
            @Override
            public String name() {
                return "feeds-bob-back";
            }

            @Override
            public Optional<Firing> evaluate(
                    CustomerHistory history, CustomerProfile profile, Instant now) {
                if (history.customerId().equals(ANNA) && inner.isEmpty()) {
                    inner.add(facade.get().onEvent(view(BOB, "p2", START.minusSeconds(5))));
                }
                return history.customerId().equals(ANNA)
                        ? Optional.of(Firing.of("feeds-bob-back", "once", "anna"))
                        : Optional.empty();
            }
        };
        subscribe(ANNA);
        facade.set(Retention.builder().state(state).sender(sender).clock(clock)
                .campaign(Campaign.builder("echo").trigger(feedsBobBack).message(Message.email("echo")).build())
                .build());

        EventOutcome outer = facade.get().onEvent(view(ANNA, "p1", START.minusSeconds(10)));

        assertThat(inner).singleElement().satisfies(o -> {
            assertThat(o.stored()).isTrue();
            assertThat(o.fireEntries()).isEmpty();
        });
        assertThat(outer.stored()).isTrue();
        assertThat(outer.fireEntries()).extracting(FireEntry::customerId).containsOnly(ANNA).isNotEmpty();
        assertThat(state.events().history(BOB).eventCount()).isEqualTo(1);
        assertThat(facade.get().onEvent(view(BOB, "p3", START)).stored()).as("the thread's step is free again").isTrue();
    }

    @Test
    void aRepeatedEventChangesNothing() {
        Retention retention = retention(true);
        subscribe(ANNA);
        OrderPlaced order = orderWorth(ANNA, START.minus(Duration.ofDays(1)), usd(600));
        retention.onEvent(order);

        EventOutcome again = retention.onEvent(order);

        assertThat(again.stored()).isFalse();
        assertThat(again.ledgerChanged()).isFalse();
        assertThat(again.fireEntries()).isEmpty();
        assertThat(state.events().eventCount()).isEqualTo(1);
        assertThat(retention.points().orElseThrow().entries(ANNA)).hasSize(1);
    }

    @Test
    void aRefusedEventStoresNothingAnywhere() {
        Retention retention = retention(true);
        OrderPlaced order = orderWorth(ANNA, START.minus(Duration.ofDays(2)), usd(100));
        retention.onEvent(order);

        assertThatThrownBy(() -> retention.onEvent(refund(order, usd(101), START.minus(Duration.ofDays(1)))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(retention.points().orElseThrow().entries(ANNA)).extracting(LedgerEntry::kind)
                .containsExactly(EntryKind.EARN);
    }

    @Test
    void withoutAPointsProgramEventsStillRunTheCampaigns() {
        Retention retention = Retention.builder().state(state).campaign(LOYALTY).sender(sender).clock(clock).build();
        subscribe(ANNA);
        retention.onEvent(orderWorth(ANNA, START.minus(Duration.ofDays(2)), usd(300)));

        EventOutcome outcome = retention.onEvent(orderWorth(ANNA, START.minus(Duration.ofDays(1)), usd(300)));

        assertThat(outcome.ledgerChanged()).isFalse();
        assertThat(outcome.tier()).isEmpty();
        assertThat(retention.points()).isEmpty();
        assertThat(state.ledger().customers()).isEmpty();
        assertThat(sender.sent()).hasSize(1);
    }

    /**
     * A thread inside the seam's update of a customer calls the engine while another thread sends
     * the same customer's due message: with a lock of the engine's own beside the seam's, each
     * could hold one and wait for the other (the native seam's fire log takes the customer's lock
     * on writes). The facade gives the engine the seam's hold, so both finish.
     */
    @Test
    void anUpdateAndASendOfOneCustomerOnTwoThreadsBothFinish() throws Exception {
        Retention retention = Retention.builder().state(state).campaign(LOYALTY).sender(sender).clock(clock).build();
        subscribe(ANNA);
        state.events().append(orderWorth(ANNA, START.minus(Duration.ofDays(2)), usd(600)));
        state.events().append(orderWorth(ANNA, START.minus(Duration.ofDays(1)), usd(100)));
        assertThat(state.update(ANNA, () -> retention.engine().decide(ANNA, START))).as("decided, not sent")
                .extracting(FireEntry::status).containsExactly(FireStatus.PENDING);

        java.util.concurrent.CountDownLatch updating = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.FutureTask<List<FireEntry>> send = new java.util.concurrent.FutureTask<>(() -> {
            updating.await();
            sending.set(true);
            return retention.engine().sendDue(ANNA, START);
        });
        Thread sender = new Thread(send, "sender");
        sender.setDaemon(true); // a deadlocked thread must not keep the test JVM alive
        java.util.concurrent.FutureTask<List<FireEntry>> update = new java.util.concurrent.FutureTask<>(
                () -> state.update(ANNA, () -> {
                    updating.countDown();
                    // let the sender run until it waits for a lock (or, bounded, give up waiting for that)
                    for (int i = 0; i < 5_000 && !(sending.get() && waiting(sender)); i++) {
                        sleepMillis(1);
                    }
                    return retention.engine().decide(ANNA, START);
                }));
        Thread updater = new Thread(update, "updater");
        updater.setDaemon(true);
        sender.start();
        updater.start();

        // a bound to fail a deadlock rather than hang the build, not a timing assertion
        assertThat(update.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
        assertThat(send.get(60, java.util.concurrent.TimeUnit.SECONDS)).extracting(FireEntry::status)
                .containsExactly(FireStatus.SENT);
        assertThat(this.sender.sent()).extracting(OutgoingMessage::templateId).containsExactly("join-loyalty");
    }

    private static boolean waiting(Thread thread) {
        Thread.State s = thread.getState();
        return s == Thread.State.BLOCKED || s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tickRunsTimeDrivenTriggersForEveryCustomer() {
        Campaign lateThanks = Campaign.builder("late-thanks")
                .trigger(dev.retention.rules.trigger.PostPurchaseTrigger.after(Duration.ofDays(3)))
                .message(Message.email("how-was-it")).build();
        Retention retention = Retention.builder().state(state).campaign(lateThanks).sender(sender).clock(clock).build();
        subscribe(ANNA);
        subscribe(BOB);
        retention.onEvent(orderWorth(ANNA, START, usd(10)));
        retention.onEvent(orderWorth(BOB, START, usd(10)));
        assertThat(sender.sent()).isEmpty();

        clock.advance(Duration.ofDays(3));
        retention.tick();

        assertThat(sender.sent()).extracting(OutgoingMessage::customerId).containsExactlyInAnyOrder(ANNA, BOB);
    }

    @Test
    void theBuilderNamesWhatIsMissing() {
        assertThatThrownBy(() -> Retention.builder().sender(sender).clock(clock).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state");
        assertThatThrownBy(() -> Retention.builder().state(state).clock(clock).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sender");
        assertThatThrownBy(() -> Retention.builder().state(state).sender(sender).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock");
        assertThatThrownBy(() -> Retention.builder().state(state).sender(sender).clock(clock).tiers(TIERS).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tiers");
        assertThatThrownBy(() -> Retention.builder().campaign(LOYALTY).campaign(LOYALTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loyalty-invite");
    }

    @Test
    void aViewIsStoredAndTouchesNoLedger() {
        Retention retention = retention(true);

        EventOutcome outcome = retention.onEvent(view(ANNA, "p1", START));

        assertThat(outcome.stored()).isTrue();
        assertThat(outcome.ledgerChanged()).isFalse();
        assertThat(retention.customer(ANNA).history().viewCount()).isEqualTo(1);
    }
}
