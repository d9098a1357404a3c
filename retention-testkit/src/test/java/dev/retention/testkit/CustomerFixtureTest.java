package dev.retention.testkit;

import static dev.retention.testkit.CustomerFixture.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.Money;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.CustomerProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CustomerFixtureTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void regularOrdersEndAtTheLastOrderAndAreSpacedByTheGap() {
        CustomerHistory history = aCustomer("anna").withOrders(3).lastOrderedDaysAgo(100).everyDays(20)
                .worth(Money.of(40, "USD")).history(NOW);

        assertThat(history.orders()).extracting(OrderPlaced::occurredAt).containsExactly(
                NOW.minus(DAY.multipliedBy(140)), NOW.minus(DAY.multipliedBy(120)), NOW.minus(DAY.multipliedBy(100)));
        assertThat(history.netSpendAsOf(Money.of(0, "USD").currency(), NOW)).isEqualTo(Money.of(120, "USD"));
    }

    @Test
    void defaultsAreOneOrderPerMonthOfFiftyDollarsTheLastYesterday() {
        CustomerHistory history = aCustomer("anna").withOrders(2).history(NOW);

        assertThat(history.lastOrderAt()).contains(NOW.minus(DAY));
        assertThat(history.firstOrderAt()).contains(NOW.minus(DAY.multipliedBy(31)));
        assertThat(history.orders()).extracting(OrderPlaced::total).containsOnly(Money.of(50, "USD"));
    }

    @Test
    void regularOrdersBuyTheProductsInTurnAndExtraEventsKeepTheirTimes() {
        // guide:fixture:begin
        Instant viewAt = NOW.minus(Duration.ofHours(3));
        CustomerHistory history = aCustomer("anna").withOrders(3).buying("tent", "mat")
                .viewed("stove", viewAt).viewedDaysAgo("lamp", 2).orderedDaysAgo(5, "stove", "lamp")
                .history(NOW);

        // regular orders 61, 31 and 1 days ago; the extra order (5 days ago) sorts between the last two
        assertThat(history.orders()).extracting(o -> o.items().get(0).productId().value())
                .containsExactly("tent", "mat", "stove", "tent");
        assertThat(history.productsViewed(Instant.MIN, NOW.plusNanos(1)))
                .containsExactly(ProductId.of("stove"), ProductId.of("lamp"));
        // guide:fixture:end
        OrderPlaced extra = history.orders(NOW.minus(DAY.multipliedBy(5)), NOW.minus(DAY.multipliedBy(5)).plusNanos(1))
                .get(0);
        assertThat(extra.total()).isEqualTo(Money.of(100, "USD"));
        assertThat(history.events()).extracting(CustomerEvent::occurredAt).isSorted();
    }

    @Test
    void customEventsAreRecordedByName() {
        CustomerHistory history = aCustomer("anna").did("loyalty-joined", NOW.minus(DAY)).history(NOW);

        assertThat(history.customEvents("loyalty-joined", Instant.MIN, NOW)).hasSize(1);
    }

    @Test
    void theSameFixtureBuildsTheSameEventsSoRedeliveryIsHarmless() {
        CustomerFixture anna = aCustomer("anna").withOrders(2).viewedDaysAgo("tent", 1);

        List<CustomerEvent> first = anna.events(NOW);
        assertThat(anna.events(NOW)).isEqualTo(first);
        Set<String> ids = first.stream().map(CustomerEvent::eventId).collect(Collectors.toSet());
        assertThat(ids).hasSize(first.size());
    }

    @Test
    void fixturesAreImmutableSoABaseCanBeVaried() {
        CustomerFixture base = aCustomer("anna").withOrders(2);
        CustomerFixture more = base.withOrders(5).viewedDaysAgo("tent", 1);

        assertThat(base.history(NOW).orderCount()).isEqualTo(2);
        assertThat(base.history(NOW).viewCount()).isZero();
        assertThat(more.history(NOW).orderCount()).isEqualTo(5);
    }

    @Test
    void theProfileHasEmailConsentSinceSignUpUnlessToldOtherwise() {
        CustomerProfile recent = aCustomer("anna").withOrders(1).profile(NOW);
        assertThat(recent.signedUpAt()).contains(NOW.minus(DAY.multipliedBy(365)));
        assertThat(recent.hasConsent(Channel.EMAIL, NOW)).isTrue();
        assertThat(recent.email()).contains("anna@example.com");

        CustomerProfile old = aCustomer("ben").withOrders(2).lastOrderedDaysAgo(400).profile(NOW);
        assertThat(old.signedUpAt()).contains(NOW.minus(DAY.multipliedBy(430)));

        CustomerProfile refused = aCustomer("carla").withoutEmailConsent().inZone(ZoneId.of("Europe/Berlin"))
                .withAttribute("city", "Berlin").profile(NOW);
        assertThat(refused.hasConsent(Channel.EMAIL, NOW)).isFalse();
        assertThat(refused.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(refused.attribute("city")).contains("Berlin");
    }

    @Test
    void worthAfterAnExtraOrderPricesThatOrderAndLeavesTheRegularOnes() {
        // guide:worth:begin
        CustomerHistory history = aCustomer("anna").withOrders(2)
                .orderedDaysAgo(3, "tent").worth(Money.of(300, "EUR"))
                .history(NOW);
        // guide:worth:end

        OrderPlaced tent = history.orders().stream()
                .filter(o -> o.items().get(0).productId().value().equals("tent")).findFirst().orElseThrow();
        assertThat(tent.total()).isEqualTo(Money.of(300, "EUR"));
        assertThat(tent.items()).extracting(i -> i.amount()).containsExactly(Money.of(300, "EUR"));
        assertThat(history.orders()).extracting(OrderPlaced::total)
                .containsExactly(Money.of(50, "USD"), Money.of(300, "EUR"), Money.of(50, "USD"));
    }

    @Test
    void worthAppliesToTheOrderItFollowsEvenAfterOtherEvents() {
        CustomerHistory history = aCustomer("anna")
                .orderedDaysAgo(9, "tent").worth(Money.of(300, "EUR")).viewedDaysAgo("mat", 5)
                .orderedDaysAgo(3, "stove", "lamp", "pan").worth(Money.parse("100.00", "EUR"))
                .withOrders(1).worth(Money.of(20, "EUR"))
                .history(NOW);

        assertThat(history.orders()).extracting(OrderPlaced::total)
                .containsExactly(Money.of(300, "EUR"), Money.of(100, "EUR"), Money.of(20, "EUR"));
        // an order's worth is its total: the lines share it, the first taking the odd cent
        assertThat(history.orders().get(1).items()).extracting(i -> i.amount()).containsExactly(
                Money.parse("33.34", "EUR"), Money.parse("33.33", "EUR"), Money.parse("33.33", "EUR"));
    }

    @Test
    void theContactPointsCanBeChangedOrLeftOut() {
        assertThat(aCustomer("anna").profile(NOW).email()).contains("anna@example.com");
        assertThat(aCustomer("anna").withEmail("anna@shop.example").profile(NOW).email())
                .contains("anna@shop.example");
        assertThat(aCustomer("anna").withoutEmail().profile(NOW).email()).isEmpty();
        assertThat(aCustomer("anna").withPhone("+49 170 1").profile(NOW).phone()).contains("+49 170 1");
        assertThatThrownBy(() -> aCustomer("anna").withEmail("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("email");
    }

    @Test
    void badInputIsRefusedWithTheValue() {
        assertThatThrownBy(() -> aCustomer("anna").withOrders(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> aCustomer("anna").everyDays(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0");
        assertThatThrownBy(() -> aCustomer("anna").worth(Money.of(0, "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order value");
        assertThatThrownBy(() -> aCustomer(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> aCustomer("anna").orderedDaysAgo(1, "a", "b", "c").worth(Money.ofMinor(2,
                Money.of(0, "EUR").currency()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.02 EUR").hasMessageContaining("3 lines");
    }
}
