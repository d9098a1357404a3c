package dev.retention.testkit;

import static dev.retention.testkit.CustomerFixture.aCustomer;
import static dev.retention.testkit.RetentionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.PlannedMessage;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.DecisionCause;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.campaign.QuietHours;
import dev.retention.rules.trigger.AbandonedViewTrigger;
import dev.retention.rules.trigger.Trigger;
import dev.retention.rules.trigger.WinBackTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignTestDriverTest {
    private static final Instant MONDAY_9AM = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final CustomerId CARLA = CustomerId.of("carla");

    private static final Campaign WIN_BACK = Campaign.builder("win-back")
            .trigger(WinBackTrigger.builder().atLeastOrders(2).noOrderFor(Duration.ofDays(60)).build())
            .message(Message.email("we-miss-you")).build();

    /** Thanks a customer for each order: fires as soon as they have one. */
    private static final Campaign THANKS = Campaign.builder("thanks")
            .trigger(Trigger.onEntering("buyers", (history, profile, now) -> history.orderCountAsOf(now) >= 1))
            .message(Message.email("thank-you"))
            .then(Duration.ofDays(7), Message.email("review-request"))
            .build();

    private static OrderPlaced order(CustomerId customer, String id, Instant at) {
        return new OrderPlaced("ev-" + id, customer, at, OrderId.of(id),
                List.of(LineItem.of(ProductId.of("tent"), 1, Money.of(80, "USD"))), Money.of(80, "USD"));
    }

    // guide:own-sender:begin
    /** The shop's own sender (here a stand-in): refuses a bounced address for good. */
    private static final class ShopMailer implements MessageSender {
        final List<OutgoingMessage> calls = new ArrayList<>();

        @Override
        public DeliveryResult send(OutgoingMessage message) {
            calls.add(message); // message.recipient(): the address from the customer's profile
            return message.recipient().orElseThrow().endsWith("@bounced.example")
                    ? DeliveryResult.permanentFailure("address bounced") : DeliveryResult.sent("mail-" + calls.size());
        }
    }

    @Test
    void theUsersOwnSenderSendsToTheProfilesAddressAndTheOutboxKeepsWhatItAcceptedAndWhen() {
        ShopMailer mailer = new ShopMailer();
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(THANKS)
                .sender(mailer).build();
        CustomerId dan = CustomerId.of("dan");
        driver.given(aCustomer("carla"), aCustomer("dan").withEmail("dan@bounced.example"));
        Instant elevenAm = MONDAY_9AM.plus(Duration.ofHours(2));

        driver.pipe(order(CARLA, "o-1", elevenAm), order(dan, "o-2", elevenAm));

        assertThat(mailer.calls).extracting(m -> m.recipient().orElseThrow())
                .containsExactly("carla@example.com", "dan@bounced.example");
        assertThat(driver.outbox()).sentTo(CARLA).template("thank-you").exactlyOnce().sentAt(elevenAm)
                .addressedTo("carla@example.com");
        assertThat(driver.outbox()).sentTo(dan).never();
        assertThat(driver.fireLog()).decisionFor(dan, "thanks").hasStatus(FireStatus.FAILED)
                .hasCause(DecisionCause.SEND_FAILED);

        driver.advance(DAY.multipliedBy(8));
        assertThat(driver.outbox()).sentTo(CARLA).template("review-request").exactlyOnce()
                .sentAt(elevenAm.plus(DAY.multipliedBy(7)));
        assertThat(mailer.calls).hasSize(3);
    }
    // guide:own-sender:end

    @Test
    void aCampaignYourSenderCannotRenderFailsTheDriversBuildAsItWouldTheEngines() {
        MessageSender needsFirstName = new MessageSender() {
            @Override
            public DeliveryResult send(OutgoingMessage message) {
                return DeliveryResult.sent("ok");
            }

            @Override
            public void check(PlannedMessage planned) {
                if (!planned.fields().contains("firstName")) {
                    throw new IllegalArgumentException("template " + planned.templateId() + " uses the variable firstName");
                }
            }
        };

        assertThatThrownBy(() -> CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(THANKS)
                .sender(needsFirstName).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("campaign thanks, step 0 of 2")
                .hasMessageContaining("template thank-you uses the variable firstName");
    }

    @Test
    void scriptedFailuresComeBeforeTheUsersSender() {
        ShopMailer mailer = new ShopMailer();
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(THANKS)
                .sender(mailer).build();
        driver.given(aCustomer("carla"));
        driver.sender().failNext(1, DeliveryResult.retryableFailure("smtp timeout"));

        driver.pipe(order(CARLA, "o-1", MONDAY_9AM));
        assertThat(mailer.calls).isEmpty();
        assertThat(driver.outbox()).sentTo(CARLA).never();

        driver.advance(Duration.ofHours(1));
        assertThat(mailer.calls).hasSize(1);
        assertThat(driver.outbox()).sentTo(CARLA).template("thank-you").exactlyOnce();
        assertThat(driver.sender().attempts()).isEqualTo(2);
    }

    @Test
    void aCustomerWithoutAnEmailAddressGetsNoEmailAndTheDecisionSaysWhy() {
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(THANKS).build();
        // guide:no-address:begin
        driver.given(aCustomer("carla").withoutEmail());

        driver.pipe(order(CARLA, "o-1", MONDAY_9AM));

        assertThat(driver.outbox()).sentTo(CARLA).never();
        assertThat(driver.fireLog()).decisionFor(CARLA, "thanks").suppressedBecause(DecisionCause.NO_CONTACT_POINT)
                .reasonContains("no email address");
        // guide:no-address:end
    }

    @Test
    void theDriverKeepsItsOwnClockStoresAndRecordingWhateverTheEngineFunctionSets() {
        ShopMailer mailer = new ShopMailer();
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(THANKS)
                .engine(b -> b.sender(mailer).clock(java.time.Clock.systemUTC())).build();
        driver.given(aCustomer("carla"));

        driver.pipe(order(CARLA, "o-1", MONDAY_9AM));

        assertThat(mailer.calls).isEmpty();
        assertThat(driver.outbox()).sentTo(CARLA).exactlyOnce().sentAt(MONDAY_9AM);
    }

    @Test
    void winBackIsSentOnceTheLapseReachesSixtyDaysAndNotBefore() {
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(WIN_BACK).build();
        driver.given(aCustomer("carla").withOrders(2).lastOrderedDaysAgo(50));

        driver.advance(DAY.multipliedBy(9));
        assertThat(driver.outbox()).sentTo(CARLA).never();

        driver.advance(DAY);
        assertThat(driver.outbox()).sentTo(CARLA).campaign("win-back").exactlyOnce().withTemplate("we-miss-you");
        // last order 50 days before the start, so the 60-day lapse is complete 10 days after it
        assertThat(driver.decisions(CARLA)).singleElement()
                .extracting(FireEntry::decidedAt).isEqualTo(MONDAY_9AM.plus(DAY.multipliedBy(10)));
    }

    @Test
    void aLapseCompletingBetweenTicksIsFoundAtTheNextHourlyTick() {
        Instant lastOrder = MONDAY_9AM.minus(DAY.multipliedBy(50)).plus(Duration.ofMinutes(30));
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(WIN_BACK).build();
        driver.given(aCustomer("carla").ordered(lastOrder.minus(DAY.multipliedBy(20)), "a").ordered(lastOrder, "b"));

        driver.advance(DAY.multipliedBy(11));

        // the lapse completes at 09:30 ten days on; the hourly scheduler sees it at 10:00
        assertThat(driver.decisions(CARLA)).singleElement().extracting(FireEntry::decidedAt)
                .isEqualTo(lastOrder.plus(DAY.multipliedBy(60)).plus(Duration.ofMinutes(30)));
    }

    @Test
    void aFinerTickIntervalFindsTheLapseAtTheMinute() {
        Instant lastOrder = MONDAY_9AM.minus(DAY.multipliedBy(50)).plus(Duration.ofMinutes(30));
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(WIN_BACK)
                .tickEvery(Duration.ofMinutes(1)).build();
        driver.given(aCustomer("carla").ordered(lastOrder.minus(DAY.multipliedBy(20)), "a").ordered(lastOrder, "b"));

        driver.advance(DAY.multipliedBy(11));

        assertThat(driver.decisions(CARLA)).singleElement().extracting(FireEntry::decidedAt)
                .isEqualTo(lastOrder.plus(DAY.multipliedBy(60)));
    }

    @Test
    void quietHoursDeferTheMessageToTheirExactEndEvenWithDailyTicks() {
        Instant tenPm = Instant.parse("2026-03-02T22:00:00Z");
        // guide:engine-config:begin
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(tenPm).campaign(THANKS)
                .engine(b -> b.quietHours(QuietHours.between(LocalTime.of(21, 0), LocalTime.of(8, 0))))
                .tickEvery(DAY).build();
        // guide:engine-config:end
        driver.given(aCustomer("carla"));

        driver.pipe(order(CARLA, "o-1", tenPm));
        assertThat(driver.fireLog()).decisionFor(CARLA, "thanks").hasStatus(FireStatus.PENDING)
                .hasCause(DecisionCause.QUIET_HOURS);
        assertThat(driver.outbox()).sentTo(CARLA).never();

        driver.advance(DAY);

        assertThat(driver.outbox()).sentTo(CARLA).template("thank-you").exactlyOnce();
        assertThat(driver.decisions(CARLA).get(0).updatedAt()).isEqualTo(Instant.parse("2026-03-03T08:00:00Z"));
    }

    @Test
    void aSequenceStepGoesOutAtItsDelayAfterEntering() {
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(THANKS)
                .tickEvery(DAY.multipliedBy(30)).build();
        driver.given(aCustomer("carla"));

        driver.pipe(order(CARLA, "o-1", MONDAY_9AM.plus(Duration.ofMinutes(17))));
        driver.advance(DAY.multipliedBy(6));
        assertThat(driver.outbox()).sentTo(CARLA).templatesInOrder("thank-you");

        driver.advance(DAY);
        assertThat(driver.outbox()).sentTo(CARLA).templatesInOrder("thank-you", "review-request");
        assertThat(driver.decisions(CARLA).get(1).updatedAt())
                .isEqualTo(MONDAY_9AM.plus(Duration.ofMinutes(17)).plus(DAY.multipliedBy(7)));
    }

    @Test
    void retryableFailuresAreRetriedWithTheEnginesBackoffUntilDelivered() {
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(THANKS).build();
        driver.given(aCustomer("carla"));
        // guide:retry:begin
        driver.sender().failNext(2, DeliveryResult.retryableFailure("smtp timeout"));

        driver.pipe(order(CARLA, "o-1", MONDAY_9AM));
        assertThat(driver.fireLog()).decisionFor(CARLA, "thanks").hasStatus(FireStatus.PENDING)
                .hasCause(DecisionCause.RETRY).reasonContains("smtp timeout");
        driver.advance(Duration.ofMinutes(10));

        // default policy: wait 1 minute after the first failure, 2 after the second
        FireEntry first = driver.decisions(CARLA).get(0);
        assertThat(first.status()).isEqualTo(FireStatus.SENT);
        assertThat(first.attempts()).isEqualTo(3);
        assertThat(first.updatedAt()).isEqualTo(MONDAY_9AM.plus(Duration.ofMinutes(3)));
        assertThat(driver.sender().attempts()).isEqualTo(3);
        assertThat(driver.outbox()).sentTo(CARLA).template("thank-you").exactlyOnce();
        // guide:retry:end
    }

    @Test
    void aPermanentFailureIsRecordedAsFailedAndNothingIsDelivered() {
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(THANKS).build();
        driver.given(aCustomer("carla"));
        driver.sender().failNext(1, DeliveryResult.permanentFailure("no such mailbox"));

        driver.pipe(order(CARLA, "o-1", MONDAY_9AM));
        driver.advance(DAY.multipliedBy(10));

        assertThat(driver.fireLog()).decisionFor(CARLA, "thanks").hasStatus(FireStatus.FAILED)
                .reasonContains("no such mailbox");
        assertThat(driver.outbox()).sentTo(CARLA).never();
    }

    @Test
    void pipeMovesTheClockToALaterEventButNeverBack() {
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(THANKS).build();
        Instant later = MONDAY_9AM.plus(Duration.ofHours(2));

        driver.pipe(new ProductViewed("v-1", CARLA, later, ProductId.of("tent")));
        assertThat(driver.now()).isEqualTo(later);

        driver.pipe(order(CARLA, "o-1", MONDAY_9AM.plus(Duration.ofHours(1))));
        assertThat(driver.now()).isEqualTo(later);
        assertThat(driver.events().history(CARLA).eventCount()).isEqualTo(2);
    }

    @Test
    void anAbandonedViewLetterNamesTheViewedProductAfterTheSettleDelay() {
        Campaign abandonedView = Campaign.builder("abandoned-view")
                .trigger(AbandonedViewTrigger.builder().lookback(DAY).settleDelay(Duration.ofHours(1)).build())
                .message(Message.email("abandoned-view")).build();
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(abandonedView)
                .build();
        driver.given(aCustomer("carla"));

        driver.pipe(new ProductViewed("v-1", CARLA, MONDAY_9AM.plus(Duration.ofMinutes(5)), ProductId.of("tent")));
        driver.advance(Duration.ofMinutes(59));
        assertThat(driver.outbox()).sentTo(CARLA).never();

        driver.advance(Duration.ofHours(1));
        assertThat(driver.outbox()).sentTo(CARLA).campaign("abandoned-view").exactlyOnce().withProduct("tent");
    }

    @Test
    void givenStoresTheShopWithoutDecidingAnythingUntilTheNextTick() {
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(WIN_BACK).build();
        driver.given(aCustomer("carla").withOrders(2).lastOrderedDaysAgo(100));

        assertThat(driver.profiles().find(CARLA)).isPresent();
        assertThat(driver.events().history(CARLA).orderCount()).isEqualTo(2);
        assertThat(driver.fireLog().entries()).isEmpty();

        driver.tick();
        assertThat(driver.now()).isEqualTo(MONDAY_9AM);
        assertThat(driver.outbox()).sentTo(CARLA).campaign("win-back").exactlyOnce();
    }

    @Test
    void explainSaysWhyACustomerIsNotTriggered() {
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).campaign(WIN_BACK).build();
        driver.given(aCustomer("carla").withOrders(2).lastOrderedDaysAgo(10));

        assertThat(driver.explain(CARLA, "win-back")).startsWith("not triggered");
    }

    @Test
    void timeNeverGoesBackwardsAndTheStartMustBeSet() {
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(MONDAY_9AM).build();
        assertThatThrownBy(() -> driver.advanceTo(MONDAY_9AM.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backwards");
        assertThatThrownBy(() -> driver.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
        assertThatThrownBy(() -> CampaignTestDriver.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("startingAt");
        assertThatThrownBy(() -> CampaignTestDriver.builder().tickEvery(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tickEvery");
        assertThatThrownBy(() -> CampaignTestDriver.builder().tickEvery(Duration.ofNanos(1_500_000)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0.0015S");
    }
}
