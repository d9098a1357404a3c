package dev.retention.examples.playbook;

import static dev.retention.testkit.CustomerFixture.aCustomer;
import static dev.retention.testkit.RetentionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
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

class WinBackExampleTest {
    private static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final CustomerId CARLA = CustomerId.of("carla");
    private static final CustomerId DAN = CustomerId.of("dan");

    // guide:win-back-test:begin
    private final CampaignTestDriver driver = CampaignTestDriver.builder()
            .startingAt(MONDAY_9AM)
            .campaign(WinBackExample.campaign())
            .build();

    @Test
    void aLapsedRegularGetsTheLetterAfterNinetyQuietDaysThenTheFeedbackForm() {
        driver.given(aCustomer("carla").withOrders(3).lastOrderedDaysAgo(80));

        // 90 days after the last order it still counts ("within 90 days" includes both edges)
        driver.advance(DAY.multipliedBy(10));
        assertThat(driver.outbox()).sentTo(CARLA).never();
        driver.advance(Duration.ofHours(1));
        assertThat(driver.outbox()).sentTo(CARLA).campaign("win-back").exactlyOnce().withTemplate("we-miss-you");

        driver.advance(DAY.multipliedBy(7));
        assertThat(driver.outbox()).sentTo(CARLA).templatesInOrder("we-miss-you", "why-did-you-stop-feedback-form");
    }
    // guide:win-back-test:end

    @Test
    void aCustomerWhoComesBackGetsNoFeedbackForm() {
        driver.given(aCustomer("dan").withOrders(3).lastOrderedDaysAgo(100));
        driver.tick();
        assertThat(driver.outbox()).sentTo(DAN).campaign("win-back").exactlyOnce();

        // guide:pipe:begin
        driver.pipe(new OrderPlaced("dan-comeback", DAN, driver.now().plus(DAY.multipliedBy(2)), OrderId.of("o-99"),
                List.of(), Money.of(25, "USD")));
        driver.advance(DAY.multipliedBy(7));

        assertThat(driver.outbox()).sentTo(DAN).templatesInOrder("we-miss-you");
        assertThat(driver.fireLog()).decisionFor(DAN, "win-back").hasStatus(FireStatus.CANCELLED)
                .hasCause(DecisionCause.CUSTOMER_ORDERED);
        // guide:pipe:end
    }

    @Test
    void twoOrdersAreNotARegular() {
        CustomerId eve = CustomerId.of("eve");
        driver.given(aCustomer("eve").withOrders(2).lastOrderedDaysAgo(200));

        driver.advance(DAY);

        assertThat(WinBackExample.LAPSED_REGULARS).doesNotMatch(driver.events().history(eve)).at(driver.now());
        assertThat(driver.outbox()).sentTo(eve).never();
    }

    @Test
    void theSegmentIsTheOneTheMarketerStoredAsJson() throws IOException {
        try (InputStream in = WinBackExample.class.getResourceAsStream("/segments/win-back.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(SegmentJson.standard().read(json)).isEqualTo(WinBackExample.LAPSED_REGULARS);
        }
    }
}
