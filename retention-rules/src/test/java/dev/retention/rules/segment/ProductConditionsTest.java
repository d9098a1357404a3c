package dev.retention.rules.segment;

import static dev.retention.rules.segment.Conditions.anyProduct;
import static dev.retention.rules.segment.Conditions.bought;
import static dev.retention.rules.segment.Conditions.category;
import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.hours;
import static dev.retention.rules.segment.Conditions.products;
import static dev.retention.rules.segment.Conditions.viewedWithoutBuying;
import static dev.retention.rules.segment.Conditions.viewsOf;
import static dev.retention.rules.segment.Shop.NOW;
import static dev.retention.rules.segment.Shop.anna;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.ProductId;
import dev.retention.core.profile.CustomerProfile;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductConditionsTest {
    private static final Catalog CATALOG = Catalog.of(Map.of(
            ProductId.of("boot"), Set.of("shoes"),
            ProductId.of("sandal"), Set.of("shoes", "summer"),
            ProductId.of("hat"), Set.of("summer")));

    private static boolean withCatalog(Shop shop, Condition condition) {
        return condition.test(new EvaluationContext(shop.history(), CustomerProfile.unknown(Shop.ANNA), NOW, CATALOG));
    }

    @Test
    void viewAtWindowStartCountsAndJustBeforeDoesNot() {
        Shop shop = anna().view(NOW.minus(days(7)), "p").view(NOW.minus(days(7)).minusNanos(1), "p");
        assertThat(shop.test(viewsOf(anyProduct()).within(days(7)).exactly(1))).isTrue();
        assertThat(shop.test(viewsOf(anyProduct()).ever().exactly(2))).isTrue();
    }

    @Test
    void viewsAfterNowDoNotCount() {
        Shop shop = anna().view(NOW, "p").view(NOW.plusNanos(1), "p");
        assertThat(shop.test(viewsOf(products("p")).within(hours(24)).exactly(1))).isTrue();
    }

    @Test
    void viewsOfSpecificProductsCountOnlyThose() {
        Shop shop = anna().view(NOW.minus(hours(1)), "a").view(NOW.minus(hours(2)), "b").view(NOW.minus(hours(3)), "c");
        assertThat(shop.test(viewsOf(products("a", "c", "z")).within(hours(24)).exactly(2))).isTrue();
        assertThat(shop.test(viewsOf(products("z")).within(hours(24)).exactly(0))).isTrue();
    }

    @Test
    void viewsOfACategoryAskTheCatalog() {
        Shop shop = anna().view(NOW.minus(hours(1)), "boot").view(NOW.minus(hours(2)), "sandal")
                .view(NOW.minus(hours(3)), "hat").view(NOW.minus(hours(4)), "boot");
        assertThat(withCatalog(shop, viewsOf(category("shoes")).within(days(1)).exactly(3))).isTrue();
        assertThat(withCatalog(shop, viewsOf(category("summer")).within(days(1)).exactly(2))).isTrue();
    }

    @Test
    void viewsSinceLastOrderExcludeTheOrderInstant() {
        Shop shop = anna().view(NOW.minus(days(3)), "a").order(NOW.minus(days(2)), "10", "a")
                .view(NOW.minus(days(2)), "a").view(NOW.minus(days(1)), "b");
        assertThat(shop.test(viewsOf(anyProduct()).sinceLastOrder().exactly(1))).isTrue();
        // no order yet: every view is since the last order
        assertThat(anna().view(NOW, "a").view(NOW.minus(days(100)), "a")
                .test(viewsOf(anyProduct()).sinceLastOrder().exactly(2))).isTrue();
    }

    @Test
    void viewedAndNotBoughtIsTheAbandonedView() {
        Condition abandoned = viewedWithoutBuying(products("x", "y", "z")).within(days(7));
        assertThat(anna().view(NOW.minus(days(2)), "y").test(abandoned)).isTrue();
        assertThat(anna().view(NOW.minus(days(2)), "y").order(NOW.minus(days(1)), "10", "y").test(abandoned)).isFalse();
        assertThat(anna().view(NOW.minus(days(2)), "q").test(abandoned)).isFalse();
        assertThat(anna().test(abandoned)).isFalse();
    }

    @Test
    void buyingAnotherProductDoesNotEndTheAbandonedView() {
        Condition abandoned = viewedWithoutBuying(products("x", "y")).within(days(7));
        Shop shop = anna().view(NOW.minus(days(3)), "x").view(NOW.minus(days(2)), "y")
                .order(NOW.minus(days(1)), "10", "x");
        assertThat(shop.test(abandoned)).isTrue();
        assertThat(shop.history().customerId()).isEqualTo(Shop.ANNA);
        assertThat(abandoned.explain(EvaluationContext.of(shop.history(), CustomerProfile.unknown(Shop.ANNA), NOW))
                .observed()).isEqualTo("y");
    }

    @Test
    void orderAtTheInstantOfTheViewCountsAsBuying() {
        Condition abandoned = viewedWithoutBuying(products("x")).within(days(7));
        assertThat(anna().view(NOW.minus(days(1)), "x").order(NOW.minus(days(1)), "5", "x").test(abandoned)).isFalse();
    }

    @Test
    void viewingAgainAfterBuyingIsAnAbandonedViewAgain() {
        Condition abandoned = viewedWithoutBuying(products("x")).within(days(7));
        Shop shop = anna().view(NOW.minus(days(5)), "x").order(NOW.minus(days(4)), "5", "x").view(NOW.minus(days(1)), "x");
        assertThat(shop.test(abandoned)).isTrue();
    }

    @Test
    void viewBeforeTheWindowIsNotAnAbandonedView() {
        Condition abandoned = viewedWithoutBuying(products("x")).within(days(7));
        assertThat(anna().view(NOW.minus(days(7)), "x").test(abandoned)).isTrue();
        assertThat(anna().view(NOW.minus(days(7)).minusNanos(1), "x").test(abandoned)).isFalse();
    }

    @Test
    void abandonedViewOfACategory() {
        Condition abandoned = viewedWithoutBuying(category("shoes")).within(days(7));
        assertThat(withCatalog(anna().view(NOW.minus(days(1)), "hat"), abandoned)).isFalse();
        assertThat(withCatalog(anna().view(NOW.minus(days(1)), "boot"), abandoned)).isTrue();
        assertThat(withCatalog(anna().view(NOW.minus(days(2)), "boot").order(NOW.minus(days(1)), "9", "boot"),
                abandoned)).isFalse();
    }

    @Test
    void boughtProductsInTheWindow() {
        Shop shop = anna().order(NOW.minus(days(10)), "10", "boot").order(NOW.minus(days(1)), "10", "hat");
        assertThat(shop.test(bought(products("boot")).within(days(7)))).isFalse();
        assertThat(shop.test(bought(products("boot")).ever())).isTrue();
        assertThat(withCatalog(shop, bought(category("summer")).within(days(7)))).isTrue();
        assertThat(withCatalog(shop, bought(category("shoes")).within(days(7)))).isFalse();
    }

    @Test
    void boughtAnyProductCountsOrdersWithoutLines() {
        Shop shop = anna().order(NOW.minus(days(1)), "10");
        assertThat(shop.test(bought(anyProduct()).within(days(7)))).isTrue();
        assertThat(shop.test(bought(products("boot")).within(days(7)))).isFalse();
    }

    @Test
    void categoryConditionsWithoutACatalogFailNamingTheCategory() {
        Condition shoes = viewsOf(category("shoes")).within(days(1)).exactly(0);
        // even a customer without a single view: the segment cannot be answered, not "no match"
        for (Shop shop : new Shop[] {anna(), anna().view(NOW.minus(hours(1)), "boot")}) {
            assertThatThrownBy(() -> shop.test(shoes)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("category 'shoes'").hasMessageContaining("Catalog");
        }
        assertThatThrownBy(() -> anna().test(bought(category("shoes")).ever()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("category 'shoes'");
        assertThatThrownBy(() -> anna().test(viewedWithoutBuying(category("shoes")).ever()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("category 'shoes'");
        assertThatThrownBy(() -> Catalog.empty().categoriesOf(ProductId.of("boot")))
                .isInstanceOf(IllegalStateException.class);
        // conditions without categories still work without a catalog
        assertThat(anna().test(viewsOf(products("boot")).ever().exactly(0))).isTrue();
        // an explicit catalog that knows no product is the shop's answer: no match
        assertThat(shoes.test(new EvaluationContext(anna().view(NOW, "boot").history(),
                CustomerProfile.unknown(Shop.ANNA), NOW, Catalog.of(Map.of())))).isTrue();
    }
}
