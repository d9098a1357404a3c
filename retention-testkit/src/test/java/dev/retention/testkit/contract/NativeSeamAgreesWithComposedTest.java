package dev.retention.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.RecordingSender;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.InMemoryFireLog;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.campaign.ReEntry;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Retention;
import dev.retention.rules.loyalty.InMemoryLedgerStore;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.rules.loyalty.QualificationWindow;
import dev.retention.rules.loyalty.TierBenefits;
import dev.retention.rules.loyalty.TierPolicy;
import dev.retention.rules.trigger.AbandonedViewTrigger;
import dev.retention.rules.trigger.LoyaltyThresholdTrigger;
import dev.retention.rules.trigger.RisingFrequencyTrigger;
import dev.retention.rules.trigger.WinBackTrigger;
import dev.retention.testkit.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The native in-memory seam and the default adapter over the four separate in-memory stores give
 * the same answers for the same shop: each event's outcome through the facade (stored, points,
 * tier, decisions and sends), refusals, erasures, and afterwards every customer's history, its
 * as-of queries, fire-log entries and ledger.
 */
class NativeSeamAgreesWithComposedTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Currency USD = Currency.getInstance("USD");
    private static final List<CustomerId> CUSTOMERS =
            List.of(CustomerId.of("c1"), CustomerId.of("c2"), CustomerId.of("c3"));

    /** One step of a shop: an event (kind 0-2), an erasure (3), or a tick (4). */
    record Op(int kind, int customer, int hour, int product, long amount, int orderRef) {}

    @Provide
    Arbitrary<List<Op>> shops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 24 * 120),
                Arbitraries.integers().between(0, 5), Arbitraries.longs().between(1, 40_000),
                Arbitraries.integers().between(0, 9)).as((k, c, h, p, a, o) -> new Op(
                        k < 20 ? 0 : k < 34 ? 1 : k < 38 ? 2 : k < 39 ? 3 : 4, c, h, p, a, o));
        return op.list().ofMinSize(30).ofMaxSize(90);
    }

    @Property(tries = 60)
    void nativeAndComposedSeamsGiveTheSameAnswers(@ForAll("shops") List<Op> ops) {
        Shop nativeShop = new Shop(CustomerStateStore.inMemory());
        Shop composedShop = new Shop(CustomerStateStore.composedOf(new InMemoryEventStore(),
                new InMemoryProfileStore(), new InMemoryFireLog(), new InMemoryLedgerStore()));
        int n = 0;
        for (Op op : ops) {
            String id = "e" + n++;
            assertThat(nativeShop.apply(op, id)).as("step %s: %s", n, op).isEqualTo(composedShop.apply(op, id));
        }
        Instant end = START.plus(Duration.ofDays(250));
        for (CustomerId customer : CUSTOMERS) {
            CustomerHistory a = nativeShop.state.events().history(customer);
            CustomerHistory b = composedShop.state.events().history(customer);
            assertThat(a.events()).isEqualTo(b.events());
            for (Instant at = START; !at.isAfter(end); at = at.plus(Duration.ofDays(10))) {
                assertThat(asOf(a, at)).as("%s as of %s", customer, at).isEqualTo(asOf(b, at));
            }
            assertThat(parts(nativeShop.state.read(customer))).isEqualTo(parts(composedShop.state.read(customer)));
            assertThat(nativeShop.state.fireLog().entries(customer))
                    .isEqualTo(composedShop.state.fireLog().entries(customer));
            assertThat(nativeShop.state.ledger().snapshot(customer))
                    .isEqualTo(composedShop.state.ledger().snapshot(customer));
        }
        assertThat(nativeShop.state.events().eventCount()).isEqualTo(composedShop.state.events().eventCount());
        assertThat(nativeShop.state.events().customerCount()).isEqualTo(composedShop.state.events().customerCount());
        assertThat(nativeShop.state.ledger().customers()).isEqualTo(composedShop.state.ledger().customers());
        assertThat(nativeShop.state.profiles().size()).isEqualTo(composedShop.state.profiles().size());
        assertThat(nativeShop.state.fireLog().due(end)).isEqualTo(composedShop.state.fireLog().due(end));
    }

    /** The state's parts, the history as its events (histories compare by identity). */
    private static List<Object> parts(CustomerState state) {
        return List.of(state.customerId(), state.history().events(), state.profile(), state.decisions(),
                state.ledger());
    }

    private static List<Object> asOf(CustomerHistory h, Instant at) {
        return List.of(h.orderCountAsOf(at), h.lastOrderAt(at), h.netSpendAsOf(USD, at), h.lastViewAt(at),
                h.viewCountSinceLastOrder(at), h.favouriteProducts(at, 3), h.medianInterPurchaseInterval(at),
                h.cartAsOf(at));
    }

    /** A facade over one seam, its clock moved to each event's time. */
    private static final class Shop {
        final CustomerStateStore state;
        final VirtualClock clock = VirtualClock.at(START);
        final Retention retention;

        Shop(CustomerStateStore state) {
            this.state = state;
            TierPolicy tiers = TierPolicy.builder().spend("USD").window(QualificationWindow.rollingMonths(12))
                    .baseTier("Member", TierBenefits.none())
                    .tier("Silver", Money.of(300, "USD"), TierBenefits.multiplier("1.5")).build();
            PointsProgram program = PointsProgram.builder().currency("USD").earn(1, Money.of(1, "USD"))
                    .redeem(100, Money.of(5, "USD")).returnWindow(Duration.ofDays(30)).tierMultipliers(tiers).build();
            this.retention = Retention.builder().state(state).points(program).tiers(tiers)
                    .campaign(Campaign.builder("abandoned-view")
                            .trigger(AbandonedViewTrigger.builder().lookback(Duration.ofHours(24))
                                    .settleDelay(Duration.ofHours(1)).build())
                            .message(Message.email("abandoned-view")).cooldown(Duration.ofDays(7)).build())
                    .campaign(Campaign.builder("loyalty-threshold")
                            .trigger(LoyaltyThresholdTrigger.of(2, Money.of(200, "USD")))
                            .message(Message.email("join")).reEntry(ReEntry.once()).build())
                    .campaign(Campaign.builder("rising-frequency")
                            .trigger(RisingFrequencyTrigger.builder().window(Duration.ofDays(60)).atLeastOrders(3)
                                    .build())
                            .message(Message.email("upsell")).cooldown(Duration.ofDays(30)).build())
                    .campaign(Campaign.builder("win-back")
                            .trigger(WinBackTrigger.builder().atLeastOrders(2).noOrderFor(Duration.ofDays(30)).build())
                            .message(Message.email("we-miss-you")).build())
                    .sender(new RecordingSender()).clock(clock).build();
            for (CustomerId customer : CUSTOMERS.subList(0, 2)) {
                state.profiles().put(CustomerProfile.builder(customer).email(customer.value() + "@example.com")
                        .consent(Consent.given(Channel.EMAIL, START)).build());
            }
        }

        /** What the step answered: the event's outcome, an erasure, the tick's entries, or the refusal's message. */
        Object apply(Op op, String eventId) {
            CustomerId customer = CUSTOMERS.get(op.customer());
            Instant at = START.plus(Duration.ofHours(op.hour()));
            try {
                return switch (op.kind()) {
                    case 0 -> onEvent(new ProductViewed(eventId, customer, at, ProductId.of("p" + op.product())));
                    case 1 -> onEvent(new OrderPlaced(eventId, customer, at, OrderId.of("o" + op.orderRef()),
                            List.of(new LineItem(ProductId.of("p" + op.product()), 1, Money.ofMinor(op.amount(), USD))),
                            Money.ofMinor(op.amount(), USD)));
                    case 2 -> onEvent(new OrderRefunded(eventId, customer, at, OrderId.of("o" + op.orderRef()),
                            Money.ofMinor(op.amount() / 4 + 1, USD)));
                    case 3 -> retention.erase(customer);
                    default -> {
                        later(at);
                        yield retention.tick();
                    }
                };
            } catch (IllegalArgumentException refused) {
                return Optional.of(refused.getMessage());
            }
        }

        /** Events arrive out of order; the shop's clock only moves forward. */
        private void later(Instant at) {
            if (at.isAfter(clock.instant())) {
                clock.advanceTo(at);
            }
        }

        private Object onEvent(CustomerEvent event) {
            later(event.occurredAt());
            List<Object> out = new ArrayList<>();
            out.add(retention.onEvent(event));
            return out;
        }
    }
}
