package dev.retention.testkit;

import static dev.retention.testkit.CustomerFixture.aCustomer;
import static dev.retention.testkit.RetentionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.OrderPlaced;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.DecisionCause;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.trigger.Trigger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FireLogAssertTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final CustomerId ANNA = CustomerId.of("anna");
    private static final CustomerId BEN = CustomerId.of("ben");
    private static final Campaign THANKS = Campaign.builder("thanks")
            .trigger(Trigger.onEntering("buyers", (history, profile, now) -> history.orderCountAsOf(now) >= 1))
            .message(Message.email("thank-you")).build();

    private CampaignTestDriver driver;

    @BeforeEach
    void annaOrdersWithoutConsentAndBenWithIt() {
        driver = CampaignTestDriver.builder().startingAt(NOW).campaign(THANKS).build();
        driver.given(aCustomer("anna").withoutEmailConsent(), aCustomer("ben"));
        driver.pipe(order(ANNA, "o-1"), order(BEN, "o-2"));
    }

    private static OrderPlaced order(CustomerId customer, String id) {
        return new OrderPlaced("ev-" + id, customer, NOW, OrderId.of(id), List.of(), Money.of(30, "USD"));
    }

    @Test
    void findsDecisionsByCustomerCampaignStatusAndCause() {
        // guide:fire-log:begin
        assertThat(driver.fireLog()).hasDecision(ANNA, "thanks", FireStatus.SUPPRESSED)
                .hasDecision(BEN, "thanks", FireStatus.SENT)
                .hasNoDecision(ANNA, "win-back");
        assertThat(driver.fireLog()).decisionFor(ANNA, "thanks").suppressedBecause(DecisionCause.NO_CONSENT)
                .reasonContains("consent");
        // guide:fire-log:end
        assertThat(driver.fireLog()).decisionFor(BEN, "thanks").hasStatus(FireStatus.SENT)
                .hasCause(DecisionCause.DELIVERED);
    }

    @Test
    void aWrongStatusShowsTheCustomersDecisionsWithReasons() {
        String reason = driver.decisions(ANNA).get(0).reason();

        assertThatThrownBy(() -> assertThat(driver.fireLog()).decisionFor(ANNA, "thanks").hasStatus(FireStatus.SENT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("to be SENT, but it is SUPPRESSED")
                .hasMessageContaining("Decisions about anna:")
                .hasMessageContaining("thanks entry 1 step 0 [thank-you]: SUPPRESSED (NO_CONSENT)")
                .hasMessageContaining(reason);
    }

    @Test
    void aMissingDecisionIsReported() {
        assertThatThrownBy(() -> assertThat(driver.fireLog()).hasDecision(BEN, "thanks", FireStatus.HELD_OUT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting a HELD_OUT decision about ben in campaign thanks")
                .hasMessageContaining("SENT (DELIVERED)");
        assertThatThrownBy(() -> assertThat(driver.fireLog()).decisionFor(BEN, "win-back"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("there is none");
        assertThatThrownBy(() -> assertThat(driver.fireLog()).hasNoDecision(BEN, "thanks"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expecting no decision about ben");
    }

    @Test
    void aMissingMessageInTheOutboxIsExplainedByTheSuppressedDecision() {
        assertThatThrownBy(() -> assertThat(driver.outbox()).sentTo(ANNA).campaign("thanks").exactlyOnce())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting exactly 1 message sent to anna of campaign thanks, but found 0")
                .hasMessageContaining(
                        "ben <- thanks [thank-you] {campaignId=thanks, step=0, triggerReason=entered buyers}")
                .hasMessageContaining("SUPPRESSED (NO_CONSENT)");
    }

    @Test
    void aSingleEntryCanBeCheckedDirectly() {
        assertThat(driver.decisions(BEN).get(0)).hasStatus(FireStatus.SENT);
    }
}
