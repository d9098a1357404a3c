package dev.retention.predictive;

import static dev.retention.predictive.Shops.CDNOW;
import static dev.retention.predictive.Shops.PREDICTIONS;
import static dev.retention.predictive.Shops.WEEKLY;
import static dev.retention.predictive.Shops.day;
import static dev.retention.predictive.Shops.history;
import static dev.retention.testkit.CustomerFixture.aCustomer;
import static dev.retention.testkit.RetentionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.trigger.Firing;
import dev.retention.testkit.CampaignTestDriver;
import dev.retention.testkit.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AtRiskTriggerTest {
    private static final AtRiskTrigger AT_RISK = AtRiskTrigger.builder(PREDICTIONS).below(0.3).build();
    private static final CustomerId KIM = CustomerId.of("kim");
    /** Bought every two weeks for four months (days 0 to 112). */
    private static final long[] FORTNIGHTLY = {0, 14, 28, 42, 56, 70, 84, 98, 112};

    private static double pAlive(CustomerHistory history, Instant now) {
        return CDNOW.probabilityAlive(WEEKLY.of(history, now).orElseThrow());
    }

    private static Optional<Firing> evaluate(CustomerHistory history, Instant now) {
        return AT_RISK.evaluate(history, CustomerProfile.unknown(history.customerId()), now);
    }

    @Test
    void firesOnceP_aliveIsBelowTheThresholdWithOneEpisodePerLastOrder() {
        CustomerHistory kim = history("kim", 40, FORTNIGHTLY);
        assertThat(pAlive(kim, day(140))).isGreaterThan(0.3);
        assertThat(evaluate(kim, day(140))).isEmpty();

        Firing firing = evaluate(kim, day(200)).orElseThrow();
        double p = pAlive(kim, day(200));
        assertThat(p).isLessThan(0.3);
        assertThat(firing.trigger()).isEqualTo("at-risk");
        assertThat(firing.episode()).isEqualTo("last-order:" + day(112));
        assertThat(firing.reason()).isEqualTo(String.format(java.util.Locale.ROOT,
                "P(alive) %.3f < 0.3 after 9 orders, none for 88 days", p));
        assertThat(firing.payload()).containsEntry("orderCount", 9).containsEntry("daysSinceLastOrder", 88L)
                .containsEntry("lastOrderAt", day(112).toString()).containsEntry("pAlive", Math.round(p * 1000) / 1000.0);
        assertThat(firing.payload().keySet()).isEqualTo(AT_RISK.payloadFields());
        assertThat(evaluate(kim, day(300)).orElseThrow().episode()).isEqualTo(firing.episode());
    }

    @Test
    void withoutARepeatPurchaseOrBeforeMinOrdersItNeverFires() {
        assertThat(evaluate(history("once", 40, 0), day(2000))).isEmpty();
        AtRiskTrigger regulars = AtRiskTrigger.builder(PREDICTIONS).below(0.3).atLeastOrders(10).build();
        CustomerHistory kim = history("kim", 40, FORTNIGHTLY);
        assertThat(regulars.evaluate(kim, CustomerProfile.unknown(KIM), day(400))).isEmpty();
    }

    @Test
    void ordersAfterNowAreNotSeen() {
        CustomerHistory kim = history("kim", 40, 0, 14, 28, 42, 56, 70, 84, 98, 112, 201);
        assertThat(evaluate(kim, day(200))).isPresent();
        assertThat(evaluate(kim, day(201))).isEmpty();
    }

    @Test
    void aCampaignOnTheVirtualClockSendsOncePerDropAndAgainAfterTheNextLapse() {
        Campaign campaign = Campaign.builder("at-risk").trigger(AT_RISK).message(Message.email("we-miss-you")).build();
        CampaignTestDriver driver = CampaignTestDriver.builder().startingAt(day(0).minusSeconds(60))
                .tickEvery(Duration.ofHours(6)).campaign(campaign).build();
        driver.given(aCustomer("kim"), aCustomer("sam"));
        // sam keeps buying every two weeks the whole time: never at risk
        long[] samDays = new long[36];
        for (int i = 0; i < samDays.length; i++) {
            samDays[i] = 14L * i;
        }
        driver.pipe(Shops.orders("kim", 40, FORTNIGHTLY));
        driver.pipe(Shops.orders("sam", 40, samDays).subList(0, 9));

        driver.advanceTo(day(126));
        driver.pipe(Shops.orders("sam", 40, samDays).subList(9, 18));
        driver.advanceTo(day(250));

        assertThat(driver.outbox()).sentTo(KIM).campaign("at-risk").exactlyOnce();
        SentMessage first = driver.outbox().sent().get(0);
        Instant sentAt = first.sentAt();
        // found at the first tick after P(alive) crossed 0.3, not later
        CustomerHistory kimThen = driver.events().history(KIM);
        assertThat(pAlive(kimThen, sentAt)).isLessThan(0.3);
        assertThat(pAlive(kimThen, sentAt.minus(Duration.ofHours(6)))).isGreaterThanOrEqualTo(0.3);
        assertThat(first.message().personalisation()).containsEntry("orderCount", 9);

        // kim comes back, buys a few times, and lapses again: a new drop, a new letter
        driver.pipe(Shops.orders("kim", 40, 260, 274, 288));
        driver.pipe(Shops.orders("sam", 40, samDays).subList(18, 36));
        driver.advanceTo(day(520));

        assertThat(driver.outbox()).sentTo(KIM).campaign("at-risk").times(2);
        assertThat(driver.outbox()).sentTo(CustomerId.of("sam")).never();
        List<FireEntry> decisions = driver.decisions(KIM);
        assertThat(decisions).extracting(FireEntry::episode)
                .containsExactly("last-order:" + day(112), "last-order:" + day(288));
    }

    @Test
    void theBuilderRefusesBadSettingsNamingThem() {
        assertThatThrownBy(() -> AtRiskTrigger.builder(PREDICTIONS).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at-risk needs a threshold: set below(p) (name at-risk)");
        assertThatThrownBy(() -> AtRiskTrigger.builder(PREDICTIONS).below(1.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threshold must be in (0, 1]: 1.2");
        assertThatThrownBy(() -> AtRiskTrigger.builder(PREDICTIONS).atLeastOrders(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("minOrders must be at least 1, got 0");
        assertThatThrownBy(() -> AtRiskTrigger.builder(PREDICTIONS).name(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("trigger name must not be blank, got ' '");
    }
}
