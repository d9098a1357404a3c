package dev.retention.rules.loyalty;

import static dev.retention.rules.loyalty.Fixtures.ANNA;
import static dev.retention.rules.loyalty.Fixtures.BEN;
import static dev.retention.rules.loyalty.Fixtures.at;
import static dev.retention.rules.loyalty.Fixtures.order;
import static dev.retention.rules.loyalty.Fixtures.realistic;
import static dev.retention.rules.loyalty.Fixtures.refund;
import static dev.retention.rules.loyalty.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Worked examples of the realistic program: 1 point per 1.00, 100 points = 5.00, 12-month expiry, 30-day returns. */
class PointsLedgerTest {
    private final PointsLedger ledger = PointsLedger.of(realistic().build(), new InMemoryLedgerStore());

    /** Anna's year, derived by hand line by line. */
    private void annasYear() {
        ledger.record(order(ANNA, "o-1", "2025-01-10", "129.99"));        // 129 points, pending until 2025-02-09
        ledger.record(order(ANNA, "o-2", "2025-02-15", "80.00"));         // 80 points, pending until 2025-03-17
        ledger.record(refund(ANNA, "rf-1", "o-2", "2025-02-20", "20.00")); // 80 * 20/80 = 20 points back
    }

    @Test
    void orderPointsArePendingDuringTheReturnWindowThenActive() {
        annasYear();

        assertThat(ledger.balance(ANNA, at("2025-01-20"))).isEqualTo(new Balance(0, 129, 0));
        // 2025-01-10 + 30 days = 2025-02-09T00:00Z: active from that instant on
        assertThat(ledger.balance(ANNA, at("2025-02-08T23:59:59Z"))).isEqualTo(new Balance(0, 129, 0));
        assertThat(ledger.balance(ANNA, at("2025-02-09"))).isEqualTo(new Balance(129, 0, 0));
    }

    @Test
    void aPartialRefundClawsBackProportionallyFromThePendingPoints() {
        annasYear();

        // after the refund: o-1 129 active, o-2 80 - 20 = 60 pending
        assertThat(ledger.balance(ANNA, at("2025-02-21"))).isEqualTo(new Balance(129, 60, 0));
        assertThat(ledger.statement(ANNA, at("2025-02-21")).totals().clawedBack()).isEqualTo(20);
    }

    @Test
    void redemptionSpendsActivePointsOnlyOldestFirst() {
        annasYear();

        Redemption r = ledger.redeem(ANNA, "checkout-7", 120, at("2025-02-21"));

        // 120 points * 5.00/100 = 6.00 off
        assertThat(r.discount()).isEqualTo(usd("6.00"));
        // taken from o-1 (129 -> 9); o-2's 60 are still pending
        assertThat(ledger.balance(ANNA, at("2025-02-21"))).isEqualTo(new Balance(9, 60, 0));
        assertThat(ledger.statement(ANNA, at("2025-02-21")).lots())
                .extracting(lot -> lot.source().id(), PointsLot::remaining)
                .containsExactly(tuple("o-1", 9L), tuple("o-2", 60L));
        assertThat(ledger.balance(ANNA, at("2025-03-20"))).isEqualTo(new Balance(69, 0, 0));
    }

    @Test
    void redemptionBeyondTheActiveBalanceOrBelowTheMinimumIsRefused() {
        annasYear();

        assertThatThrownBy(() -> ledger.redeem(ANNA, "c-1", 100, at("2025-01-20")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("points must not exceed the active balance 0 of anna at 2025-01-20T00:00:00Z, got 100");
        assertThatThrownBy(() -> ledger.redeem(ANNA, "c-2", 99, at("2025-03-20")))
                .hasMessage("points must be at least the minimum redemption 100, got 99");
        assertThatThrownBy(() -> ledger.redeem(ANNA, "c-3", 190, at("2025-03-20")))
                .hasMessageContaining("active balance 189");
        assertThat(ledger.entries(ANNA)).noneMatch(e -> e.kind() == EntryKind.REDEEM);
    }

    @Test
    void repeatingARedemptionIdChargesOnce() {
        annasYear();

        Redemption first = ledger.redeem(ANNA, "checkout-7", 150, at("2025-03-20"));
        Redemption again = ledger.redeem(ANNA, "checkout-7", 150, at("2025-03-21"));

        // 150 points = 7.50; 189 - 150 = 39 left
        assertThat(first.discount()).isEqualTo(usd("7.50"));
        assertThat(again).isEqualTo(first);
        assertThat(ledger.balance(ANNA, at("2025-03-22")).active()).isEqualTo(39);
    }

    @Test
    void pointsExpireTwelveMonthsAfterEarningAndAreAnnouncedBefore() {
        annasYear();
        ledger.redeem(ANNA, "checkout-7", 120, at("2025-02-21"));

        LedgerStatement december = ledger.statement(ANNA, at("2025-12-20"));
        // o-1's 9 left expire 2026-01-10, within 30 days; o-2's 60 on 2026-02-15, not yet
        assertThat(december.expiringWithin(Duration.ofDays(30)))
                .extracting(lot -> lot.source().id(), PointsLot::remaining, PointsLot::expiresAt)
                .containsExactly(tuple("o-1", 9L, java.util.Optional.of(at("2026-01-10"))));
        assertThat(december.pointsExpiringWithin(Duration.ofDays(60))).isEqualTo(69);

        LedgerStatement afterExpiry = ledger.statement(ANNA, at("2026-01-10"));
        assertThat(afterExpiry.balance()).isEqualTo(new Balance(60, 0, 0));
        // earned 129 + 80 = 209; 209 - 120 redeemed - 9 expired - 20 clawed back = 60
        assertThat(afterExpiry.totals()).isEqualTo(new PointsTotals(209, 120, 9, 20, 0, 0));
        assertThat(afterExpiry.postings()).extracting(Posting::kind, Posting::points, Posting::balanceAfter)
                .containsExactly(
                        tuple(PostingKind.EARN, 129L, 129L),
                        tuple(PostingKind.EARN, 80L, 209L),
                        tuple(PostingKind.CLAWBACK, -20L, 189L),
                        tuple(PostingKind.REDEEM, -120L, 69L),
                        tuple(PostingKind.EXPIRE, -9L, 60L));
        assertThat(ledger.balance(ANNA, at("2026-02-15")).total()).isZero();
    }

    @Test
    void recordingTheSameOrderOrRefundTwiceChangesNothing() {
        annasYear();
        var before = ledger.entries(ANNA);

        boolean orderAgain = ledger.record(order(ANNA, "o-1", "2025-01-10", "129.99"));
        boolean refundAgain = ledger.record(refund(ANNA, "rf-1", "o-2", "2025-02-20", "20.00"));

        assertThat(orderAgain).isFalse();
        assertThat(refundAgain).isFalse();
        assertThat(ledger.entries(ANNA)).isEqualTo(before);
    }

    @Test
    void partialRefundsAddingUpToTheTotalTakeBackExactlyWhatTheOrderEarned() {
        PointsLedger noWindow = PointsLedger.of(realistic().returnWindow(Duration.ZERO).build(),
                new InMemoryLedgerStore());
        noWindow.record(order(ANNA, "o-1", "2025-01-10", "12.99"));             // 12 points
        noWindow.record(refund(ANNA, "r-a", "o-1", "2025-01-11", "6.50"));     // floor(12 * 650/1299) = 6
        assertThat(noWindow.balance(ANNA, at("2025-01-12")).total()).isEqualTo(6);

        noWindow.record(refund(ANNA, "r-b", "o-1", "2025-01-12", "6.49"));     // floor(12 * 1299/1299) - 6 = 6
        assertThat(noWindow.balance(ANNA, at("2025-01-13")).total()).isZero();
        assertThat(noWindow.statement(ANNA, at("2025-01-13")).totals().clawedBack()).isEqualTo(12);
    }

    @Test
    void aRefundRecordedBeforeItsOrderTakesEffectOnceTheOrderIsKnown() {
        ledger.record(refund(ANNA, "rf-1", "o-1", "2025-01-12", "50.00"));
        assertThat(ledger.balance(ANNA, at("2025-01-13")).total()).isZero();

        ledger.record(order(ANNA, "o-1", "2025-01-10", "100.00"));

        // 100 points, half refunded: 50 pending
        assertThat(ledger.balance(ANNA, at("2025-01-13"))).isEqualTo(new Balance(0, 50, 0));
    }

    @Test
    void dailyCapIsSharedByTheDaysOrdersInTimeOrderWhateverTheArrivalOrder() {
        PointsProgram capped = realistic().maxPointsPerDay(100).build();
        PointsLedger inOrder = PointsLedger.of(capped, new InMemoryLedgerStore());
        PointsLedger reversed = PointsLedger.of(capped, new InMemoryLedgerStore());
        var morning = order(ANNA, "o-1", "2025-05-01T09:00:00Z", "60.00");
        var noon = order(ANNA, "o-2", "2025-05-01T12:00:00Z", "50.00");
        var nextDay = order(ANNA, "o-3", "2025-05-02T09:00:00Z", "30.00");
        inOrder.record(morning);
        inOrder.record(noon);
        inOrder.record(nextDay);
        reversed.record(nextDay);
        reversed.record(noon);
        reversed.record(morning);

        // 60 + min(50, 100 - 60) = 100 on May 1, 30 on May 2
        LedgerStatement s = inOrder.statement(ANNA, at("2025-05-03"));
        assertThat(s.postings()).extracting(Posting::points).containsExactly(60L, 40L, 30L);
        assertThat(reversed.statement(ANNA, at("2025-05-03"))).isEqualTo(s);
    }

    @Test
    void clawbackBeyondTheBalanceStopsAtZeroAndRecordsTheShortfall() {
        PointsLedger cap = PointsLedger.of(realistic().returnWindow(Duration.ZERO).build(), new InMemoryLedgerStore());
        cap.record(order(BEN, "o-1", "2025-01-10", "100.00"));          // 100 points
        cap.redeem(BEN, "c-1", 100, at("2025-01-11"));                  // spent: 5.00 off
        cap.record(refund(BEN, "rf-1", "o-1", "2025-01-12", "100.00")); // wants 100 back, none left

        LedgerStatement s = cap.statement(BEN, at("2025-01-13"));
        assertThat(s.balance()).isEqualTo(new Balance(0, 0, 0));
        assertThat(s.totals()).isEqualTo(new PointsTotals(100, 100, 0, 0, 0, 100));
    }

    @Test
    void clawbackBeyondTheBalanceBecomesDebtThatLaterEarningsRepay() {
        PointsLedger debt = PointsLedger.of(realistic().returnWindow(Duration.ZERO)
                .negativeBalance(NegativeBalancePolicy.ALLOW_DEBT).build(), new InMemoryLedgerStore());
        debt.record(order(BEN, "o-1", "2025-01-10", "100.00"));
        debt.redeem(BEN, "c-1", 100, at("2025-01-11"));
        debt.record(refund(BEN, "rf-1", "o-1", "2025-01-12", "100.00"));
        assertThat(debt.balance(BEN, at("2025-01-13"))).isEqualTo(new Balance(0, 0, 100));

        debt.record(order(BEN, "o-2", "2025-01-20", "30.00"));            // 30 points repay debt

        assertThat(debt.balance(BEN, at("2025-01-21"))).isEqualTo(new Balance(0, 0, 70));
        assertThat(debt.balance(BEN, at("2025-01-21")).total()).isEqualTo(-70);
    }

    @Test
    void bonusesArePaidOncePerEventAndAreSpendableAtOnce() {
        PointsLedger bonus = PointsLedger.of(realistic().bonus(BonusKind.SIGN_UP, 50)
                .bonus(BonusKind.BIRTHDAY, 100).build(), new InMemoryLedgerStore());

        assertThat(bonus.awardBonus(BonusKind.SIGN_UP, ANNA, "signup-anna", at("2025-01-01"))).isTrue();
        assertThat(bonus.awardBonus(BonusKind.BIRTHDAY, ANNA, "birthday-2025", at("2025-03-14"))).isTrue();
        assertThat(bonus.awardBonus(BonusKind.BIRTHDAY, ANNA, "birthday-2025", at("2025-03-15"))).isFalse();
        assertThat(bonus.awardBonus(BonusKind.REVIEW, ANNA, "review-1", at("2025-03-15"))).isFalse();

        assertThat(bonus.balance(ANNA, at("2025-03-14"))).isEqualTo(new Balance(150, 0, 0));
    }

    @Test
    void manualAdjustmentsMoveTheBalanceAndCountAsAdjusted() {
        annasYear();
        ledger.adjust(ANNA, "ticket-1", 25, at("2025-03-20"));
        ledger.adjust(ANNA, "ticket-2", -14, at("2025-03-21"));

        LedgerStatement s = ledger.statement(ANNA, at("2025-03-22"));
        // 189 + 25 - 14 = 200
        assertThat(s.balance().total()).isEqualTo(200);
        assertThat(s.totals().adjusted()).isEqualTo(11);
    }

    @Test
    void concurrentRedemptionsNeverSpendTheSamePointsTwice() throws Exception {
        PointsLedger noWindow = PointsLedger.of(realistic().returnWindow(Duration.ZERO).build(),
                new InMemoryLedgerStore());
        noWindow.record(order(ANNA, "o-1", "2025-01-10", "500.00"));   // 500 points
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 8; i++) {
                String id = "checkout-" + i;
                results.add(pool.submit(() -> {
                    try {
                        noWindow.redeem(ANNA, id, 100, at("2025-01-11"));
                        return true;
                    } catch (IllegalArgumentException notEnough) {
                        return false;
                    }
                }));
            }
            int succeeded = 0;
            for (var result : results) {
                succeeded += result.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }
            // 500 points pay for exactly five redemptions of 100
            assertThat(succeeded).isEqualTo(5);
            assertThat(noWindow.balance(ANNA, at("2025-01-12")).total()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void ordersWhosePointsTogetherExceedALongAreRefusedNamingTheOrderInsteadOfSaturating() {
        // 1,000 points per cent: an order of 4.7e15 cents earns 4.7e18 points, two of them overflow a long
        PointsLedger huge = PointsLedger.of(PointsProgram.builder().currency("USD").earn(1000, usd("0.01"))
                .redeem(100, usd("5.00")).build(), new InMemoryLedgerStore());
        String total = "47000000000000.00";
        huge.record(order(ANNA, "o-1", "2025-01-10", total));

        assertThatThrownBy(() -> huge.record(order(ANNA, "o-2", "2025-01-10", total)))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("o-2");

        assertThat(huge.statement(ANNA, at("2025-03-01")).totals().earned()).isEqualTo(4_700_000_000_000_000_000L);
        assertThat(huge.entries(ANNA)).hasSize(1);
    }
}
