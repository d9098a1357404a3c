package dev.retention.examples.playbook;

import static dev.retention.testkit.CustomerFixture.aCustomer;
import static dev.retention.testkit.RetentionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.ProductViewed;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.trigger.CoPurchaseRecommender;
import dev.retention.testkit.CampaignTestDriver;
import dev.retention.testkit.CustomerFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AbandonedViewExampleTest {
    private static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");

    /** Past orders of the shop: tent+stove twice, mat once with tent and stove, once with a lamp. */
    private static final CustomerFixture REGULAR = aCustomer("regular")
            .orderedDaysAgo(30, "tent", "stove").orderedDaysAgo(20, "tent", "stove", "mat")
            .orderedDaysAgo(10, "mat", "lamp");

    private final CampaignTestDriver driver = CampaignTestDriver.builder()
            .startingAt(MONDAY_9AM)
            .campaign(AbandonedViewExample.campaign(
                    CoPurchaseRecommender.fromOrders(REGULAR.history(MONDAY_9AM).orders())))
            .build();

    private static ProductViewed view(CustomerId customer, String product, Instant at) {
        return new ProductViewed(customer.value() + "-view-" + product, customer, at, ProductId.of(product));
    }

    @Test
    void browsersGetTheViewedProductsWithRecommendationsAndAFirstOrderDiscountUnlessHeldOut() {
        List<CustomerId> browsers = IntStream.range(0, 20).mapToObj(i -> CustomerId.of("browser-" + i)).toList();
        browsers.forEach(b -> driver.given(aCustomer(b.value())));

        for (CustomerId browser : browsers) {
            driver.pipe(view(browser, "tent", MONDAY_9AM), view(browser, "mat", MONDAY_9AM));
        }
        driver.advance(Duration.ofHours(1));

        for (CustomerId browser : browsers) {
            if (driver.decisions(browser).get(0).status() == FireStatus.HELD_OUT) {
                assertThat(driver.outbox()).sentTo(browser).never();
                continue;
            }
            // stove was bought with tent twice and with mat once (3), lamp with mat once (1)
            assertThat(driver.outbox()).sentTo(browser).campaign("abandoned-view").exactlyOnce()
                    .withProduct("tent").withProduct("mat")
                    .withField("recommendations", List.of("stove", "lamp"))
                    .withField("incentiveCode", "WELCOME5");
            assertThat(assertThat(driver.outbox()).sentTo(browser).messages().get(0).templateId())
                    .isIn("abandoned-view-plain", "abandoned-view-urgent");
        }
        assertThat(driver.outbox().size()).isBetween(1, browsers.size());
    }

    @Test
    void aCustomerWhoBuysWhatTheyViewedGetsNothing() {
        CustomerId buyer = CustomerId.of("buyer");
        driver.given(aCustomer("buyer"));

        driver.pipe(view(buyer, "tent", MONDAY_9AM));
        driver.pipe(OrderPlaced.of("buyer-order", buyer, MONDAY_9AM.plus(Duration.ofMinutes(20)), OrderId.of("o-1"),
                List.of(LineItem.of(ProductId.of("tent"), 1, Money.of(120, "USD")))));
        driver.advance(Duration.ofHours(3));

        assertThat(driver.fireLog()).hasNoDecision(buyer, "abandoned-view");
        assertThat(driver.outbox()).sentTo(buyer).never();
    }

    @Test
    void returningCustomersAreNotOfferedTheFirstOrderDiscount() {
        CustomerId ben = CustomerId.of("ben");
        driver.given(aCustomer("ben").withOrders(2));

        driver.pipe(view(ben, "tent", MONDAY_9AM));
        driver.advance(Duration.ofHours(1));

        // held out or not, the decision records what the letter would say
        assertThat(driver.decisions(ben)).singleElement()
                .satisfies(d -> assertThat(d.message().personalisation()).doesNotContainKey("incentiveCode")
                        .containsEntry("viewedProducts", List.of("tent")));
    }
}
