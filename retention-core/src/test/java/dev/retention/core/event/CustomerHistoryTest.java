package dev.retention.core.event;

import static dev.retention.core.EventFixtures.at;
import static dev.retention.core.EventFixtures.cart;
import static dev.retention.core.EventFixtures.custom;
import static dev.retention.core.EventFixtures.order;
import static dev.retention.core.EventFixtures.refund;
import static dev.retention.core.EventFixtures.usd;
import static dev.retention.core.EventFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.ProductId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class CustomerHistoryTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final CustomerId ANNA = CustomerId.of("anna");

    @Test
    void windowsIncludeFromAndExcludeTo() {
        CustomerHistory h = CustomerHistory.of(ANNA,
                order("anna", "2026-01-01T00:00:00Z", "10.00"),
                order("anna", "2026-01-02T00:00:00Z", "20.00"),
                order("anna", "2026-01-03T00:00:00Z", "30.00"));

        assertThat(h.orderCount(at("2026-01-01T00:00:00Z"), at("2026-01-03T00:00:00Z"))).isEqualTo(2);
        assertThat(h.orderCount(at("2026-01-01T00:00:00.000000001Z"), at("2026-01-03T00:00:00.000000001Z")))
                .isEqualTo(2);
        assertThat(h.orderCount(at("2026-01-03T00:00:00Z"), at("2026-01-01T00:00:00Z"))).isZero();
        assertThat(h.orderCountAsOf(at("2026-01-02T00:00:00Z"))).isEqualTo(2);
        assertThat(h.orderCountAsOf(at("2026-01-01T23:59:59.999999999Z"))).isEqualTo(1);
        assertThat(h.orderCount(Instant.MIN, Instant.MAX)).isEqualTo(3);
        assertThat(h.grossSpend(USD, at("2026-01-02T00:00:00Z"), Instant.MAX)).isEqualTo(usd("50.00"));
    }

    @Test
    void netSpendSubtractsRefundsMadeInTheWindow() {
        OrderPlaced big = order("anna", "2026-01-01T10:00:00Z", "100.00");
        CustomerHistory h = CustomerHistory.of(ANNA, big,
                order("anna", "2026-01-05T10:00:00Z", "40.00"),
                refund(big, "2026-01-10T10:00:00Z", "30.00"),
                refund(big, "2026-01-11T10:00:00Z", "70.00"));

        assertThat(h.netSpendAsOf(USD, at("2026-01-09T00:00:00Z"))).isEqualTo(usd("140.00"));
        assertThat(h.netSpendAsOf(USD, at("2026-01-10T10:00:00Z"))).isEqualTo(usd("110.00"));
        assertThat(h.netSpendAsOf(USD, at("2026-02-01T00:00:00Z"))).isEqualTo(usd("40.00"));
        assertThat(h.netSpendAsOf(USD, Instant.MAX)).as("as of the end of time").isEqualTo(usd("40.00"));
        assertThat(h.netSpendMinorAsOf(USD, at("2026-01-10T10:00:00Z"))).as("in cents, the refund at that instant counted")
                .isEqualTo(11_000);
        assertThat(h.netSpendMinorAsOf(USD, at("2026-01-10T09:59:59.999999999Z"))).isEqualTo(14_000);
        assertThat(h.netSpendMinorAsOf(USD, Instant.MAX)).isEqualTo(4_000);
        assertThat(h.netSpendMinorAsOf(java.util.Currency.getInstance("EUR"), Instant.MAX)).isZero();
        assertThat(h.viewCountSinceLastOrder(Instant.MAX)).isZero();
        assertThat(h.netSpend(USD, at("2026-01-10T00:00:00Z"), at("2026-01-12T00:00:00Z"))).isEqualTo(usd("-100.00"));
        assertThat(h.grossSpend(USD, Instant.MIN, Instant.MAX)).isEqualTo(usd("140.00"));
        assertThat(h.refundedAmount(big.orderId())).contains(usd("100.00"));
        assertThat(h.refunds(Instant.MIN, Instant.MAX)).hasSize(2);
        assertThat(h.netSpend(Currency.getInstance("EUR"), Instant.MIN, Instant.MAX))
                .isEqualTo(Money.zero(Currency.getInstance("EUR")));
    }

    @Test
    void emptyHistoryAnswersWithZerosAndEmpties() {
        CustomerHistory h = CustomerHistory.empty(ANNA);
        Instant now = at("2026-01-01T00:00:00Z");
        assertThat(h.isEmpty()).isTrue();
        assertThat(h.orderCount()).isZero();
        assertThat(h.firstOrderAt()).isEmpty();
        assertThat(h.lastOrderAt(now)).isEmpty();
        assertThat(h.netSpendAsOf(USD, now)).isEqualTo(Money.zero(USD));
        assertThat(h.interPurchaseIntervals(now)).isEmpty();
        assertThat(h.productsViewed(Instant.MIN, Instant.MAX)).isEmpty();
        assertThat(h.viewCountSinceLastOrder(now)).isZero();
        assertThat(h.cartAsOf(now)).isEmpty();
        assertThat(h.events()).isEmpty();
    }

    @Test
    void viewsSinceLastOrderAndProductsViewedMostRecentFirst() {
        CustomerHistory h = CustomerHistory.of(ANNA,
                view("anna", "2026-01-01T10:00:00Z", "p1"),
                order("anna", "2026-01-01T11:00:00Z", "10.00", "p1"),
                view("anna", "2026-01-02T10:00:00Z", "p2"),
                view("anna", "2026-01-02T10:05:00Z", "p3"),
                view("anna", "2026-01-02T10:10:00Z", "p2"));

        assertThat(h.viewCountSinceLastOrder(at("2026-01-03T00:00:00Z"))).isEqualTo(3);
        assertThat(h.viewCountSinceLastOrder(at("2026-01-02T10:05:00Z"))).isEqualTo(2);
        assertThat(h.productsViewed(at("2026-01-02T00:00:00Z"), Instant.MAX))
                .containsExactly(ProductId.of("p2"), ProductId.of("p3"));
        assertThat(h.viewCount(List.of(ProductId.of("p2"), ProductId.of("nope")), Instant.MIN, Instant.MAX))
                .isEqualTo(2);
        assertThat(h.lastViewAt(at("2026-01-02T10:07:00Z"))).contains(at("2026-01-02T10:05:00Z"));
        assertThat(h.productsBought(Instant.MIN, Instant.MAX)).containsExactly(ProductId.of("p1"));
        assertThat(h.boughtAny(List.of(ProductId.of("p1")), at("2026-01-01T11:00:00Z"), Instant.MAX)).isTrue();
        assertThat(h.boughtAny(List.of(ProductId.of("p2")), Instant.MIN, Instant.MAX)).isFalse();
    }

    @Test
    void interPurchaseIntervalsAreGapsBetweenConsecutiveOrders() {
        CustomerHistory h = CustomerHistory.of(ANNA,
                order("anna", "2026-01-01T00:00:00Z", "1.00"),
                order("anna", "2026-01-11T00:00:00Z", "1.00"),
                order("anna", "2026-01-14T00:00:00Z", "1.00"));
        assertThat(h.interPurchaseIntervals(Instant.MAX)).containsExactly(Duration.ofDays(10), Duration.ofDays(3));
        assertThat(h.interPurchaseIntervals(at("2026-01-12T00:00:00Z"))).containsExactly(Duration.ofDays(10));
        assertThat(h.firstOrderAt()).contains(at("2026-01-01T00:00:00Z"));
        assertThat(h.lastOrderAt()).contains(at("2026-01-14T00:00:00Z"));
    }

    @Test
    void cartAsOfIsTheLatestUpdate() {
        CustomerHistory h = CustomerHistory.of(ANNA,
                cart("anna", "2026-01-01T10:00:00Z", "p1"),
                cart("anna", "2026-01-01T10:05:00Z", "p1", "p2"),
                cart("anna", "2026-01-01T10:10:00Z"));
        assertThat(h.cartAsOf(at("2026-01-01T10:07:00Z")).orElseThrow().items()).hasSize(2);
        assertThat(h.cartAsOf(at("2026-01-01T10:10:00Z")).orElseThrow().isEmpty()).isTrue();
        assertThat(h.cartAsOf(at("2026-01-01T09:00:00Z"))).isEmpty();
    }

    @Test
    void customEventsAreFilteredByName() {
        CustomerHistory h = CustomerHistory.of(ANNA,
                custom("anna", "2026-01-01T10:00:00Z", "review", Map.of("rating", "5")),
                custom("anna", "2026-01-02T10:00:00Z", "ticket", Map.of()),
                custom("anna", "2026-01-03T10:00:00Z", "review", Map.of("rating", "2")));
        assertThat(h.customEvents("review", Instant.MIN, Instant.MAX)).extracting(e -> e.attributes().get("rating"))
                .containsExactly("5", "2");
        assertThatThrownBy(() -> h.customEvents(" ", Instant.MIN, Instant.MAX))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsComeBackDecodedInTimeOrderWithTiesByEventId() {
        Instant t = at("2026-01-01T10:00:00Z");
        CustomerEvent b = new ProductViewed("b", ANNA, t, ProductId.of("p1"));
        CustomerEvent a = new OrderPlaced("a", ANNA, t, dev.retention.core.OrderId.of("o1"),
                List.of(LineItem.of(ProductId.of("p1"), 2, usd("5.00"))), usd("12.00"));
        CustomerEvent c = new CustomEvent("c", ANNA, t.minusSeconds(1), "hello", Map.of("k", "v"));
        CustomerHistory h = CustomerHistory.of(ANNA, b, a, c);
        assertThat(h.events()).containsExactly(c, a, b);
    }

    @Test
    void refusesEventsOfAnotherCustomer() {
        assertThatThrownBy(() -> CustomerHistory.of(ANNA, view("bob", "2026-01-01T10:00:00Z", "p1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bob").hasMessageContaining("anna");
    }

    @Test
    void keepsNanosecondPrecisionAndOldDates() {
        Instant precise = at("2026-01-01T10:00:00.123456789Z");
        Instant old = at("1900-01-01T00:00:00Z");
        CustomerHistory h = CustomerHistory.of(ANNA, view("anna", precise.toString(), "p"),
                view("anna", old.toString(), "q"));
        assertThat(h.events()).extracting(CustomerEvent::occurredAt).containsExactly(old, precise);
    }

    @Test
    void perProductViewTimesCustomEventCountsAndTheMedianGap() {
        CustomerHistory h = CustomerHistory.of(ANNA,
                view("anna", "2026-01-01T10:00:00Z", "p1"),
                view("anna", "2026-01-01T11:00:00Z", "p2"),
                view("anna", "2026-01-01T12:00:00Z", "p1"),
                custom("anna", "2026-01-02T10:00:00Z", "review", Map.of("rating", "5", "lang", "de")),
                custom("anna", "2026-01-03T10:00:00Z", "review", Map.of("rating", "2")),
                order("anna", "2026-01-01T00:00:00Z", "1.00"),
                order("anna", "2026-01-02T00:00:00Z", "1.00"),
                order("anna", "2026-01-05T00:00:00Z", "1.00"),
                order("anna", "2026-01-15T00:00:00Z", "1.00"));

        assertThat(h.lastViewAt(ProductId.of("p1"), Instant.MIN, Instant.MAX)).contains(at("2026-01-01T12:00:00Z"));
        assertThat(h.lastViewAt(ProductId.of("p1"), Instant.MIN, at("2026-01-01T12:00:00Z")))
                .contains(at("2026-01-01T10:00:00Z"));
        assertThat(h.lastViewAt(ProductId.of("nope"), Instant.MIN, Instant.MAX)).isEmpty();
        assertThat(h.firstViewAt(at("2026-01-01T10:30:00Z"), Instant.MAX)).contains(at("2026-01-01T11:00:00Z"));
        assertThat(h.firstViewAt(at("2026-01-02T00:00:00Z"), Instant.MAX)).isEmpty();
        assertThat(h.customEventCount("review", Map.of(), Instant.MIN, Instant.MAX)).isEqualTo(2);
        assertThat(h.customEventCount("review", Map.of("rating", "5"), Instant.MIN, Instant.MAX)).isEqualTo(1);
        assertThat(h.customEventCount("review", Map.of("rating", "5"), at("2026-01-03T00:00:00Z"), Instant.MAX))
                .isZero();
        // gaps 1, 3 and 10 days: the median is 3 days; as of Jan 5 the gaps are 1 and 3: median 2 days
        assertThat(h.medianInterPurchaseInterval(Instant.MAX)).contains(Duration.ofDays(3));
        assertThat(h.medianInterPurchaseInterval(at("2026-01-05T00:00:00Z"))).contains(Duration.ofDays(2));
        assertThat(h.medianInterPurchaseInterval(at("2026-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void favouriteProductsRankByOrdersThenRecencyThenId() {
        CustomerHistory h = CustomerHistory.of(ANNA,
                order("anna", "2026-01-01T00:00:00Z", "3.00", "tea", "mug", "tea"),
                order("anna", "2026-01-02T00:00:00Z", "2.00", "coffee", "beans"),
                order("anna", "2026-01-03T00:00:00Z", "2.00", "tea", "coffee"),
                order("anna", "2026-01-04T00:00:00Z", "1.00", "apron"));

        // tea: 2 orders (the first holds it twice, counted once), coffee: 2 orders and bought last on
        // Jan 3 like tea, so the id decides; apron, beans, mug: 1 order each, by recency
        assertThat(h.favouriteProducts(Instant.MAX, 10)).containsExactly(ProductId.of("coffee"), ProductId.of("tea"),
                ProductId.of("apron"), ProductId.of("beans"), ProductId.of("mug"));
        assertThat(h.favouriteProducts(at("2026-01-02T00:00:00Z"), 2))
                .containsExactly(ProductId.of("beans"), ProductId.of("coffee"));
        assertThat(h.favouriteProducts(Instant.MAX, 0)).isEmpty();
        assertThatThrownBy(() -> h.favouriteProducts(Instant.MAX, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The columnar ranking agrees with counting over the decoded orders. */
    @Property(tries = 200)
    void favouriteProductsAgreeWithCountingTheDecodedOrders(
            @ForAll @Size(max = 12) List<@Size(min = 1, max = 4) List<@IntRange(min = 0, max = 6) Integer>> baskets,
            @ForAll @IntRange(min = 0, max = 5) int limit, @ForAll @IntRange(min = 0, max = 14) int asOfDay) {
        List<CustomerEvent> orders = new ArrayList<>();
        for (int d = 0; d < baskets.size(); d++) {
            String[] products = baskets.get(d).stream().map(p -> "p" + p).toArray(String[]::new);
            orders.add(order("anna", "2026-01-" + String.format("%02d", d + 1) + "T00:00:00Z", "1.00", products));
        }
        CustomerHistory h = CustomerHistory.of(ANNA, orders);
        Instant asOf = at("2026-01-01T00:00:00Z").plus(Duration.ofDays(asOfDay));

        Map<ProductId, Set<Integer>> ordersOf = new HashMap<>();
        List<OrderPlaced> placed = h.orders(Instant.MIN, asOf.plusNanos(1));
        for (int i = 0; i < placed.size(); i++) {
            for (LineItem line : placed.get(i).items()) {
                ordersOf.computeIfAbsent(line.productId(), p -> new HashSet<>()).add(i);
            }
        }
        List<ProductId> expected = ordersOf.keySet().stream()
                .sorted(Comparator.<ProductId>comparingInt(p -> -ordersOf.get(p).size())
                        .thenComparingInt(p -> -ordersOf.get(p).stream().mapToInt(Integer::intValue).max().orElseThrow())
                        .thenComparing(Comparator.naturalOrder()))
                .limit(limit).toList();
        assertThat(h.favouriteProducts(asOf, limit)).containsExactlyElementsOf(expected);
    }
}
