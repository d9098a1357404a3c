package dev.retention.examples.playbook;

import static dev.retention.testkit.CustomerFixture.aCustomer;
import static dev.retention.testkit.RetentionAssertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.rules.trigger.CoPurchaseRecommender;
import dev.retention.testkit.CampaignTestDriver;
import dev.retention.testkit.CustomerFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RisingFrequencyExampleTest {
    private static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final CustomerId BEN = CustomerId.of("ben");

    /** Another customer's orders teach the recommender that grinders go with beans. */
    private static final CustomerFixture OTHER = aCustomer("other")
            .orderedDaysAgo(200, "beans", "grinder").orderedDaysAgo(190, "beans", "grinder", "scale");

    private final CampaignTestDriver driver = CampaignTestDriver.builder()
            .startingAt(MONDAY_9AM)
            .campaign(RisingFrequencyExample.campaign(
                    CoPurchaseRecommender.fromOrders(OTHER.history(MONDAY_9AM).orders())))
            .build();

    private static OrderPlaced order(String id, Instant at, String product) {
        return OrderPlaced.of("ev-" + id, BEN, at, OrderId.of(id),
                List.of(LineItem.of(ProductId.of(product), 1, Money.of(12, "USD"))));
    }

    @Test
    void theSixthOrderInThirtyDaysBringsAnUpsellFromThePreferences() {
        // five orders in the last 21 days: beans, milk, beans, milk, beans
        driver.given(aCustomer("ben").withOrders(5).everyDays(5).buying("beans", "milk"));
        driver.advance(DAY);
        assertThat(driver.outbox()).sentTo(BEN).never();

        driver.pipe(order("o-6", driver.now().plus(Duration.ofHours(3)), "beans"));

        assertThat(driver.outbox()).sentTo(BEN).campaign("rising-frequency-upsell").exactlyOnce()
                .withTemplate("upsell").withField("recentOrders", 6)
                .withProduct("beans").withProduct("grinder");
    }

    @Test
    void atMostOneUpsellAMonth() {
        driver.given(aCustomer("ben").withOrders(6).everyDays(5).buying("beans", "milk"));
        driver.tick();

        driver.pipe(order("o-7", driver.now().plus(DAY.multipliedBy(3)), "beans"));
        driver.pipe(order("o-8", driver.now().plus(DAY.multipliedBy(3)), "beans"));
        driver.advance(DAY.multipliedBy(20));

        assertThat(driver.outbox()).sentTo(BEN).campaign("rising-frequency-upsell").exactlyOnce();
    }

    @Test
    void fiveOrdersAMonthAreNotRisingFrequency() {
        driver.given(aCustomer("ben").withOrders(5).everyDays(6));

        driver.advance(DAY.multipliedBy(5));

        assertThat(driver.outbox()).sentTo(BEN).never();
    }
}
