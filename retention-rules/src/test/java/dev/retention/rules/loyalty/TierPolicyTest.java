package dev.retention.rules.loyalty;

import static dev.retention.rules.loyalty.Fixtures.at;
import static dev.retention.rules.loyalty.Fixtures.order;
import static dev.retention.rules.loyalty.Fixtures.realisticTiers;
import static dev.retention.rules.loyalty.Fixtures.refund;
import static dev.retention.rules.loyalty.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerHistory;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Silver from 500.00 and Gold from 1500.00 of net spend in the rolling 12 months, reviewed every 1 January. */
class TierPolicyTest {
    private static final CustomerId EVE = CustomerId.of("eve");
    private static final CustomerId FRANK = CustomerId.of("frank");
    private final TierPolicy tiers = realisticTiers().build();

    /** 300.00 on 1 Feb and 260.00 on 1 Mar 2025: 560.00 in the window from 1 Mar, Silver. */
    private static CustomerHistory eve(dev.retention.core.event.CustomerEvent... more) {
        var events = new java.util.ArrayList<dev.retention.core.event.CustomerEvent>();
        events.add(order(EVE, "e-1", "2025-02-01", "300.00"));
        events.add(order(EVE, "e-2", "2025-03-01", "260.00"));
        events.addAll(java.util.List.of(more));
        return CustomerHistory.of(EVE, events);
    }

    @Test
    void belowTheFirstThresholdTheStatusSaysHowMuchIsMissing() {
        TierStatus s = tiers.tierOf(eve(), at("2025-02-01T12:00:00Z"));

        // 500.00 - 300.00 = 200.00
        assertThat(s.tier().name()).isEqualTo("Member");
        assertThat(s.qualifyingValue()).isEqualTo(30000);
        assertThat(s.missingForNext()).isEqualTo(20000);
        assertThat(s.explanation()).isEqualTo(
                "Member: spent 300.00 USD in the 12 months to 2025-02-01T12:00:00Z; spend 200.00 USD more to reach Silver.");
    }

    @Test
    void upgradeHappensAtTheOrderThatCrossesTheThreshold() {
        assertThat(tiers.tierOf(eve(), at("2025-02-28T23:59:59Z")).tier().name()).isEqualTo("Member");

        TierStatus s = tiers.tierOf(eve(), at("2025-06-01"));

        // 300.00 + 260.00 = 560.00 >= 500.00 on 1 Mar; Gold needs 1500.00 - 560.00 = 940.00 more;
        // the 1 Jan 2026 review judges calendar 2025, which already holds 560.00
        assertThat(s.tier().name()).isEqualTo("Silver");
        assertThat(s.since()).contains(at("2025-03-01"));
        assertThat(s.nextTier().map(Tier::name)).contains("Gold");
        assertThat(s.missingForNext()).isEqualTo(94000);
        assertThat(s.nextReview()).isEqualTo(at("2026-01-01"));
        assertThat(s.neededToKeep()).isZero();
        assertThat(s.explanation()).isEqualTo("Silver: spent 560.00 USD in the 12 months to 2025-06-01T00:00:00Z;"
                + " spend 940.00 USD more to reach Gold; Silver is kept at the review on 2026-01-01T00:00:00Z.");
    }

    @Test
    void theSpecExampleSpendFortyMoreToReachGold() {
        CustomerHistory frank = CustomerHistory.of(FRANK, order(FRANK, "f-1", "2025-01-15", "1000.00"),
                order(FRANK, "f-2", "2025-04-01", "460.00"));

        // 1000.00 + 460.00 = 1460.00; 1500.00 - 1460.00 = 40.00
        TierStatus s = tiers.tierOf(frank, at("2025-04-02"));
        assertThat(s.tier().name()).isEqualTo("Silver");
        assertThat(s.explanation()).contains("spend 40.00 USD more to reach Gold");

        CustomerHistory more = CustomerHistory.of(FRANK, order(FRANK, "f-1", "2025-01-15", "1000.00"),
                order(FRANK, "f-2", "2025-04-01", "460.00"), order(FRANK, "f-3", "2025-04-10", "40.00"));
        assertThat(tiers.tierOf(more, at("2025-04-10")).tier().name()).isEqualTo("Gold");
        assertThat(tiers.tierOf(more, at("2025-04-10")).nextTier()).isEmpty();
    }

    @Test
    void theTierIsKeptUntilTheReviewEvenAfterTheSpendRollsOut() {
        TierStatus s = tiers.tierOf(eve(), at("2026-06-01"));

        // rolling window 2025-06-01..2026-06-01 holds nothing, but downgrades wait for a review; the 2027
        // review judges calendar 2026 which holds 0.00 so far: 500.00 needed
        assertThat(s.tier().name()).isEqualTo("Silver");
        assertThat(s.qualifyingValue()).isZero();
        assertThat(s.neededToKeep()).isEqualTo(50000);
        assertThat(s.explanation()).isEqualTo("Silver: spent 0.00 USD in the 12 months to 2026-06-01T00:00:00Z;"
                + " spend 1500.00 USD more to reach Gold; spend 500.00 USD more by 2027-01-01T00:00:00Z to keep Silver.");
    }

    @Test
    void tierChangesBetweenTwoInstantsAreListedForCampaigns() {
        assertThat(tiers.changes(eve(), at("2025-01-01"), at("2028-01-01")))
                .extracting(TierChange::kind, TierChange::at, TierChange::from, TierChange::to)
                .containsExactly(
                        tuple(TierChangeKind.UPGRADED, at("2025-03-01"), "Member", "Silver"),
                        tuple(TierChangeKind.DOWNGRADED, at("2027-01-01"), "Silver", "Member"));
        assertThat(tiers.changes(eve(), at("2025-03-02"), at("2027-01-01"))).isEmpty();
        assertThat(tiers.tierOf(eve(), at("2027-01-01")).tier().name()).isEqualTo("Member");
    }

    @Test
    void aGracePeriodDelaysTheDowngradeAndAnAtRiskNoticeComesBeforeTheReview() {
        TierPolicy graceful = realisticTiers().gracePeriod(Duration.ofDays(30)).atRiskNotice(Duration.ofDays(60)).build();

        // notice 60 days before 2027-01-01 is 2026-11-02; the review starts 30 days of grace to 2027-01-31
        assertThat(graceful.changes(eve(), at("2025-01-01"), at("2028-01-01")))
                .extracting(TierChange::kind, TierChange::at, TierChange::to)
                .containsExactly(
                        tuple(TierChangeKind.UPGRADED, at("2025-03-01"), "Silver"),
                        tuple(TierChangeKind.AT_RISK, at("2026-11-02"), "Member"),
                        tuple(TierChangeKind.AT_RISK, at("2027-01-01"), "Member"),
                        tuple(TierChangeKind.DOWNGRADED, at("2027-01-31"), "Member"));
        TierStatus during = graceful.tierOf(eve(), at("2027-01-15"));
        assertThat(during.tier().name()).isEqualTo("Silver");
        assertThat(during.downgradeAt()).contains(at("2027-01-31"));
        assertThat(during.explanation()).endsWith("spend 500.00 USD more by 2027-01-31T00:00:00Z to keep Silver.");
    }

    @Test
    void qualifyingAgainDuringTheGracePeriodKeepsTheTier() {
        TierPolicy graceful = realisticTiers().gracePeriod(Duration.ofDays(30)).build();
        CustomerHistory saved = eve(order(EVE, "e-3", "2027-01-20", "500.00"));

        assertThat(graceful.changes(saved, at("2026-01-01"), at("2028-01-01")))
                .extracting(TierChange::kind).containsExactly(TierChangeKind.AT_RISK);
        assertThat(graceful.tierOf(saved, at("2027-02-01")).tier().name()).isEqualTo("Silver");
        assertThat(graceful.tierOf(saved, at("2027-02-01")).downgradeAt()).isEmpty();
    }

    @Test
    void theEndOfAGracePeriodNeverDropsBelowWhatTheReviewGranted() {
        TierPolicy graceful = realisticTiers().gracePeriod(Duration.ofDays(30)).build();
        CustomerId kim = CustomerId.of("kim");
        CustomerHistory history = CustomerHistory.of(kim, order(kim, "k-1", "2024-12-15", "1000.00"),
                order(kim, "k-2", "2025-01-20", "600.00"));

        // Gold on 2025-01-20 (1600.00 in 12 months); the 2026 review judges 2025: 600.00, Silver, so grace to
        // 2026-01-31; by then the 600.00 has rolled out of the window too, but the review granted Silver
        assertThat(graceful.changes(history, at("2025-01-01"), at("2026-06-01")))
                .extracting(TierChange::kind, TierChange::at, TierChange::to)
                .containsExactly(
                        tuple(TierChangeKind.UPGRADED, at("2025-01-20"), "Gold"),
                        tuple(TierChangeKind.AT_RISK, at("2026-01-01"), "Silver"),
                        tuple(TierChangeKind.DOWNGRADED, at("2026-01-31"), "Silver"));
    }

    @Test
    void refundsLowerTheSpendJudgedAtTheReviewButDoNotUndoAnUpgrade() {
        CustomerHistory hal = CustomerHistory.of(CustomerId.of("hal"),
                order(CustomerId.of("hal"), "h-1", "2025-03-01", "600.00"),
                refund(CustomerId.of("hal"), "h-r", "h-1", "2025-03-05", "200.00"));

        // 600.00 crosses 500.00 on 1 Mar; net 400.00 judged on 1 Jan 2026
        assertThat(tiers.tierOf(hal, at("2025-03-06")).tier().name()).isEqualTo("Silver");
        assertThat(tiers.tierOf(hal, at("2025-03-06")).qualifyingValue()).isEqualTo(40000);
        assertThat(tiers.tierOf(hal, at("2026-01-01")).tier().name()).isEqualTo("Member");
    }

    @Test
    void aCalendarYearWindowStartsAfreshEachFirstOfJanuary() {
        TierPolicy calendar = realisticTiers().window(QualificationWindow.calendarYear()).build();
        CustomerId ida = CustomerId.of("ida");
        CustomerHistory split = CustomerHistory.of(ida, order(ida, "i-1", "2025-12-20", "300.00"),
                order(ida, "i-2", "2026-01-05", "300.00"));

        // calendar: 300.00 in 2025 and 300.00 in 2026, never 500.00; rolling: 600.00 on 5 Jan 2026
        assertThat(calendar.tierOf(split, at("2026-02-01")).tier().name()).isEqualTo("Member");
        assertThat(calendar.tierOf(split, at("2026-02-01")).qualifyingValue()).isEqualTo(30000);
        assertThat(calendar.tierOf(split, at("2026-02-01")).windowStart()).isEqualTo(at("2026-01-01"));
        assertThat(tiers.tierOf(split, at("2026-02-01")).tier().name()).isEqualTo("Silver");
    }

    @Test
    void tiersByOrderCountAndByPointsEarned() {
        TierPolicy byOrders = TierPolicy.builder().orderCount().baseTier("New", TierBenefits.none())
                .tier("Regular", 3, TierBenefits.none().withFlag("thank-you-letter")).build();
        CustomerHistory two = eve();

        assertThat(byOrders.tierOf(two, at("2025-06-01")).explanation())
                .isEqualTo("New: placed 2 orders in the 12 months to 2025-06-01T00:00:00Z; place 1 order more to reach Regular.");

        TierPolicy byPoints = TierPolicy.builder().pointsEarned().baseTier("Member", TierBenefits.none())
                .tier("Silver", 500, TierBenefits.none()).build();
        PointsLedger ledger = PointsLedger.of(Fixtures.realistic().build(), new InMemoryLedgerStore());
        ledger.record(order(EVE, "e-1", "2025-02-01", "450.00"));
        ledger.record(order(EVE, "e-2", "2025-03-01", "60.00"));
        ledger.redeem(EVE, "c-1", 400, at("2025-04-01"));
        // 450 + 60 = 510 points earned: Silver, although the balance is only 110
        LedgerStatement statement = ledger.statement(EVE, at("2025-04-02"));
        assertThat(statement.balance().total()).isEqualTo(110);
        assertThat(byPoints.tierOf(QualifyingActivity.pointsEarned(statement), at("2025-04-02")).tier().name())
                .isEqualTo("Silver");
        assertThatThrownBy(() -> byPoints.tierOf(two, at("2025-06-01")))
                .hasMessageContaining("QualifyingActivity.pointsEarned");
    }

    @Test
    void buildNamesTheInvalidSetting() {
        assertThatThrownBy(() -> realisticTiers().tier("Platinum", usd("1000.00"), TierBenefits.none()).build())
                .hasMessage("tier thresholds must rise: 'Platinum' has 100000 after 'Gold' with 150000");
        assertThatThrownBy(() -> realisticTiers().tier("Euro", Money.of(9000, "EUR"), TierBenefits.none()))
                .hasMessage("tier 'Euro' has a threshold of 9000.00 EUR but the policy measures SPEND in USD");
        assertThatThrownBy(() -> realisticTiers().reviewEveryMonths(5).build())
                .hasMessage("reviewEveryMonths must divide 12 (1, 2, 3, 4, 6 or 12), got 5");
        assertThatThrownBy(() -> TierPolicy.builder().spend("USD").build())
                .hasMessageContaining("a base tier must be set");
        assertThat(tiers.qualifyingTier(149999).name()).isEqualTo("Silver");
        assertThat(Optional.of(tiers.tiers().get(2).benefits().freeShipping())).contains(true);
    }
}
