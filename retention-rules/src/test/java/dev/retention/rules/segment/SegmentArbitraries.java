package dev.retention.rules.segment;

import static dev.retention.rules.segment.Shop.ANNA;
import static dev.retention.rules.segment.Shop.NOW;

import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.AcquisitionSource;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.InMemoryEventStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random condition trees, histories and profiles for the segment properties. */
final class SegmentArbitraries {
    /** The categories of the products, as plain strings for {@link PlainConditions}. */
    static final Map<String, Set<String>> CATEGORIES = Map.of(
            "a", Set.of("shoes"),
            "b", Set.of("shoes", "summer"),
            "c", Set.of("summer"));
    static final Catalog CATALOG = Catalog.of(Map.of(
            ProductId.of("a"), CATEGORIES.get("a"),
            ProductId.of("b"), CATEGORIES.get("b"),
            ProductId.of("c"), CATEGORIES.get("c")));
    private static final List<String> PRODUCTS = List.of("a", "b", "c", "d");

    private SegmentArbitraries() {}

    // ---------------------------------------------------------------- inputs

    /** Whole days before NOW, sometimes nudged a nanosecond, to hit window edges. */
    static Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.integers().between(-2, 60), Arbitraries.of(0L, 0L, -1L, 1L),
                Arbitraries.of(0, 0, 6)).as((days, nanos, hours) -> NOW.minus(Duration.ofDays(days))
                .minus(Duration.ofHours(hours)).plusNanos(nanos));
    }

    static Arbitrary<CustomerHistory> histories() {
        return event().list().ofMaxSize(12)
                .map(SegmentArbitraries::history);
    }

    /**
     * The drafts as the store takes them: a refund beyond its order's total is refused, and left out.
     * One order per order id, so that any subset of the events (a history truncated at an instant)
     * is one the store takes too.
     */
    private static CustomerHistory history(List<EventDraft> drafts) {
        InMemoryEventStore store = new InMemoryEventStore();
        java.util.Set<OrderId> ordered = new java.util.HashSet<>();
        for (int i = 0; i < drafts.size(); i++) {
            CustomerEvent event = drafts.get(i).build("e" + i);
            if (event instanceof OrderPlaced order && !ordered.add(order.orderId())) {
                continue;
            }
            try {
                store.append(event);
            } catch (IllegalArgumentException refusedRefund) {
                // the store keeps every order's refunds within its total
            }
        }
        return store.history(ANNA);
    }

    private interface EventDraft {
        CustomerEvent build(String id);
    }

    private static Arbitrary<EventDraft> event() {
        Arbitrary<String> product = Arbitraries.of(PRODUCTS);
        Arbitrary<Money> amount = Arbitraries.longs().between(0, 20_000).map(m -> Money.ofMinor(m, usd()));
        Arbitrary<EventDraft> view = Combinators.combine(instants(), product)
                .as((at, p) -> id -> new ProductViewed(id, ANNA, at, ProductId.of(p)));
        Arbitrary<EventDraft> order = Combinators.combine(instants(), product.list().ofMaxSize(2), amount,
                Arbitraries.integers().between(0, 3)).as((at, ps, total, n) -> id -> new OrderPlaced(id, ANNA, at,
                OrderId.of("o" + n), ps.stream().map(p -> new LineItem(ProductId.of(p), 1, Money.zero(usd())))
                .toList(), total));
        Arbitrary<EventDraft> refund = Combinators.combine(instants(), amount, Arbitraries.integers().between(0, 3))
                .as((at, a, n) -> id -> new OrderRefunded(id, ANNA, at, OrderId.of("o" + n),
                        Money.ofMinor(a.minorUnits() + 1, usd())));
        Arbitrary<EventDraft> cart = Combinators.combine(instants(), product.list().ofMaxSize(2))
                .as((at, ps) -> id -> new CartUpdated(id, ANNA, at, ps.stream()
                        .map(p -> new LineItem(ProductId.of(p), 1, Money.of(5, "USD"))).toList()));
        Arbitrary<EventDraft> custom = Combinators.combine(instants(), Arbitraries.of("review", "ticket"),
                Arbitraries.of("1", "5")).as((at, name, rating) -> id -> new CustomEvent(id, ANNA, at, name,
                Map.of("rating", rating)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, view), net.jqwik.api.Tuple.of(4, order), net.jqwik.api.Tuple.of(1, refund),
                net.jqwik.api.Tuple.of(2, cart), net.jqwik.api.Tuple.of(1, custom));
    }

    static Arbitrary<CustomerProfile> profiles() {
        return Combinators.combine(
                Arbitraries.of("Berlin", "Paris", "").optional(),
                Arbitraries.integers().between(0, 100).optional(),
                Arbitraries.integers().between(1, 365).optional(),
                instants().optional(),
                Arbitraries.of(true, false).optional(),
                Arbitraries.of("organic", "facebook-ads").optional(),
                Arbitraries.of("gold", "silver").optional())
                .as((city, age, birthday, signup, consent, source, vip) -> {
                    CustomerProfile.Builder b = CustomerProfile.builder(ANNA);
                    city.filter(c -> !c.isEmpty()).ifPresent(c -> b.attribute("city", c));
                    age.ifPresent(a -> b.attribute("age", String.valueOf(a)));
                    birthday.ifPresent(d -> b.birthday(MonthDay.from(java.time.LocalDate.ofYearDay(2024, d))));
                    signup.ifPresent(b::signedUpAt);
                    consent.ifPresent(given -> b.consent(new Consent(Channel.EMAIL, given, NOW.minus(Duration.ofDays(3)))));
                    source.ifPresent(s -> b.acquisitionSource(AcquisitionSource.campaign(s, "spring")));
                    vip.ifPresent(v -> b.attribute("vip", v));
                    return b.build();
                });
    }

    static Arbitrary<EvaluationContext> contexts() {
        return Combinators.combine(histories(), profiles(), instants().map(t -> t.plus(Duration.ofDays(1))))
                .as((h, p, now) -> new EvaluationContext(h, p, now, CATALOG));
    }

    // ---------------------------------------------------------------- conditions

    /** Condition trees of built-ins and the registered {@link VipCondition}, up to three levels deep. */
    static Arbitrary<Condition> conditions() {
        return conditions(3, SegmentArbitraries::leaves);
    }

    /** Condition trees up to three levels deep of the leaves {@link PlainConditions} evaluates too. */
    static Arbitrary<Condition> plainConditions() {
        return conditions(3, SegmentArbitraries::plainLeaves);
    }

    private static Arbitrary<Condition> conditions(int depth, Supplier<Arbitrary<Condition>> leaves) {
        if (depth == 0) {
            return leaves.get();
        }
        Arbitrary<Condition> inner = Arbitraries.lazy(() -> conditions(depth - 1, leaves));
        Arbitrary<List<Condition>> parts = inner.list().ofMinSize(1).ofMaxSize(3);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, leaves.get()),
                net.jqwik.api.Tuple.of(1, parts.map(AllOf::new)),
                net.jqwik.api.Tuple.of(1, parts.map(AnyOf::new)),
                net.jqwik.api.Tuple.of(1, inner.map(Not::new)),
                net.jqwik.api.Tuple.of(1, parts.flatMap(ps -> Arbitraries.integers().between(1, ps.size())
                        .map(k -> new AtLeastOf(k, ps)))));
    }

    static Arbitrary<Condition> leaves() {
        Arbitrary<Duration> age = Arbitraries.integers().between(0, 60).map(Duration::ofDays);
        return Arbitraries.oneOf(
                Combinators.combine(orderWindows(), counts()).as(OrderCount::new),
                Combinators.combine(windows(), money()).as(NetSpend::new),
                Combinators.combine(orderWindows(), money()).as(AverageOrderValueCondition::new),
                Combinators.combine(Arbitraries.of(Recency.class), age).as(FirstOrder::new),
                Combinators.combine(Arbitraries.of(Recency.class), age).as(LastOrder::new),
                counts().map(DaysSinceLastOrder::new),
                Combinators.combine(products(), windows(), counts()).as(ViewCount::new),
                Combinators.combine(products(), windows()).as(ViewedNotBought::new),
                Combinators.combine(products(), orderWindows()).as(Bought::new),
                Arbitraries.integers().between(0, 72).map(h -> new AbandonedCart(Duration.ofHours(h))),
                Arbitraries.of("Berlin", "Paris").map(v -> new AttributeEquals("city", v)),
                Arbitraries.of("Berlin", "Paris", "Rome").set().ofMinSize(1).map(vs -> new AttributeIn("city", vs)),
                Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, 50))
                        .as((lo, width) -> new AttributeBetween("age", BigDecimal.valueOf(lo),
                                new BigDecimal(lo + width + ".5"))),
                Arbitraries.of("city", "age").map(AttributePresent::new),
                Arbitraries.integers().between(0, 366).map(BirthdayWithin::new),
                age.map(SignedUpWithin::new),
                Arbitraries.of("organic", "facebook-ads").optional().map(ch -> new AcquiredFrom(
                        ch.orElse("organic"), ch.isPresent() ? Optional.of("spring") : Optional.empty())),
                Arbitraries.of(Channel.EMAIL, Channel.SMS).map(HasConsent::new),
                Combinators.combine(Arbitraries.of("review", "ticket"), Arbitraries.maps(Arbitraries.of("rating"),
                        Arbitraries.of("1", "5")).ofMaxSize(1), windows(), counts()).as(CustomEventCount::new),
                Arbitraries.of("gold", "silver").map(VipCondition::new));
    }

    static Arbitrary<Condition> plainLeaves() {
        return Arbitraries.oneOf(
                Combinators.combine(orderWindows(), counts()).as(OrderCount::new),
                Combinators.combine(windows(), money()).as(NetSpend::new),
                counts().map(DaysSinceLastOrder::new),
                Combinators.combine(products(), windows(), counts()).as(ViewCount::new),
                Combinators.combine(products(), orderWindows()).as(Bought::new),
                Arbitraries.of("Berlin", "Paris").map(v -> new AttributeEquals("city", v)),
                Arbitraries.of("Berlin", "Paris", "Rome").set().ofMinSize(1).map(vs -> new AttributeIn("city", vs)),
                Arbitraries.of("city", "age").map(AttributePresent::new));
    }

    private static Arbitrary<Window> windows() {
        return Arbitraries.oneOf(orderWindows(), Arbitraries.just(Window.sinceLastOrder()));
    }

    /** The windows a condition over orders accepts: all but since-last-order. */
    private static Arbitrary<Window> orderWindows() {
        return Arbitraries.oneOf(Arbitraries.just(Window.ever()),
                Arbitraries.integers().between(0, 60).map(d -> Window.last(Duration.ofDays(d))),
                Arbitraries.integers().between(1, 47).map(h -> Window.last(Duration.ofHours(h))),
                Arbitraries.integers().between(1, 3).map(m -> Window.last(Period.ofMonths(m))),
                Arbitraries.just(Window.last(Period.ofYears(1))));
    }

    private static Arbitrary<CountBound> counts() {
        return Combinators.combine(Arbitraries.of(Comparison.class), Arbitraries.longs().between(0, 5))
                .as(CountBound::new);
    }

    private static Arbitrary<MoneyBound> money() {
        return Combinators.combine(Arbitraries.of(Comparison.class), Arbitraries.longs().between(0, 40_000))
                .as((c, minor) -> new MoneyBound(c, Money.ofMinor(minor, usd())));
    }

    private static Arbitrary<Products> products() {
        return Arbitraries.oneOf(Arbitraries.just(Products.any()),
                Arbitraries.of(PRODUCTS).set().ofMinSize(1).map(ps -> Products.of(Set.copyOf(ps.stream()
                        .map(ProductId::of).toList()))),
                Arbitraries.of("shoes", "summer", "winter").map(Products::inCategory));
    }

    private static java.util.Currency usd() {
        return java.util.Currency.getInstance("USD");
    }
}
