package dev.retention.examples.playbook;

import static dev.retention.testkit.CustomerFixture.aCustomer;
import static dev.retention.testkit.RetentionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.rules.campaign.DecisionCause;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.segment.SegmentJson;
import dev.retention.testkit.CampaignTestDriver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoyaltyThresholdExampleTest {
    private static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final CustomerId ANNA = CustomerId.of("anna");

    private final CampaignTestDriver driver = CampaignTestDriver.builder()
            .startingAt(MONDAY_9AM)
            .campaigns(LoyaltyThresholdExample.invitation(), LoyaltyThresholdExample.welcomeChain())
            .build();

    private static OrderPlaced order(CustomerId customer, String id, Instant at, int dollars) {
        return new OrderPlaced("ev-" + id, customer, at, OrderId.of(id), List.of(), Money.of(dollars, "USD"));
    }

    @Test
    void theThirdPurchaseAboveOneHundredDollarsBringsOneInvitation() {
        // two orders of 40.00: 80.00 is not above 100.00 yet
        driver.given(aCustomer("anna").withOrders(2).worth(Money.of(40, "USD")));
        driver.advance(DAY);
        assertThat(driver.outbox()).sentTo(ANNA).never();

        driver.pipe(order(ANNA, "o-3", driver.now().plus(Duration.ofHours(2)), 30)); // 110.00 in 3 orders
        assertThat(driver.outbox()).sentTo(ANNA).campaign("loyalty-invitation").exactlyOnce()
                .withTemplate("thank-you-join-loyalty");
        assertThat(LoyaltyThresholdExample.LOYALTY_THRESHOLD).matches(driver.events().history(ANNA))
                .at(driver.now());

        driver.pipe(order(ANNA, "o-4", driver.now().plus(DAY), 30));
        driver.advance(DAY.multipliedBy(30));
        assertThat(driver.outbox()).sentTo(ANNA).campaign("loyalty-invitation").exactlyOnce();
    }

    @Test
    void joiningStartsTheWelcomeChainOfThreeLettersAWeekApart() {
        driver.given(aCustomer("anna").withOrders(3).worth(Money.of(40, "USD")));
        driver.tick();
        Instant joined = MONDAY_9AM.plus(Duration.ofHours(5));

        driver.pipe(new CustomEvent("join-anna", ANNA, joined, LoyaltyThresholdExample.JOINED));
        driver.advance(DAY.multipliedBy(6));
        assertThat(driver.outbox()).sentTo(ANNA).campaign("loyalty-welcome").templatesInOrder("welcome-discount");

        driver.advance(DAY.multipliedBy(9));
        assertThat(driver.outbox()).sentTo(ANNA).templatesInOrder("thank-you-join-loyalty", "welcome-discount",
                "early-access", "buy-2-get-3rd-free");
        assertThat(driver.decisions(ANNA).get(3).updatedAt()).isEqualTo(joined.plus(DAY.multipliedBy(14)));
    }

    @Test
    void aMemberWhoLeavesGetsNoFurtherLetters() {
        driver.given(aCustomer("anna").withOrders(3).worth(Money.of(40, "USD")));
        driver.pipe(new CustomEvent("join-anna", ANNA, MONDAY_9AM, LoyaltyThresholdExample.JOINED));

        driver.pipe(new CustomEvent("leave-anna", ANNA, MONDAY_9AM.plus(DAY.multipliedBy(3)),
                LoyaltyThresholdExample.LEFT));
        driver.advance(DAY.multipliedBy(20));

        assertThat(driver.outbox()).sentTo(ANNA).campaign("loyalty-welcome").templatesInOrder("welcome-discount");
        assertThat(driver.fireLog()).decisionFor(ANNA, "loyalty-welcome").hasStatus(FireStatus.CANCELLED)
                .hasCause(DecisionCause.LEFT_TRIGGER);
    }

    @Test
    void threeSmallOrdersAreNotEnough() {
        CustomerId ben = CustomerId.of("ben");
        driver.given(aCustomer("ben").withOrders(3).worth(Money.of(30, "USD"))); // 90.00

        driver.advance(DAY.multipliedBy(10));

        assertThat(LoyaltyThresholdExample.LOYALTY_THRESHOLD).doesNotMatch(driver.events().history(ben))
                .at(driver.now());
        assertThat(driver.outbox()).sentTo(ben).never();
    }

    @Test
    void theThresholdSegmentIsTheOneTheMarketerStoredAsJson() throws IOException {
        try (InputStream in = LoyaltyThresholdExample.class.getResourceAsStream("/segments/loyalty-threshold.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(SegmentJson.standard().read(json)).isEqualTo(LoyaltyThresholdExample.LOYALTY_THRESHOLD);
        }
    }
}
