package dev.retention.rules.loyalty;

import static dev.retention.rules.loyalty.Fixtures.at;
import static dev.retention.rules.loyalty.Fixtures.order;
import static dev.retention.rules.loyalty.Fixtures.realistic;
import static dev.retention.rules.loyalty.Fixtures.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReferralTest {
    private static final CustomerId CARL = CustomerId.of("carl");
    private static final CustomerId DANA = CustomerId.of("dana");
    private final PointsLedger ledger = PointsLedger.of(
            realistic().referralBonus(200, 100, Duration.ofDays(30)).build(), new InMemoryLedgerStore());

    @Test
    void bothArePaidOnceTheRefereesFirstOrderOutlivesTheWindow() {
        CustomerHistory dana = CustomerHistory.of(DANA, order(DANA, "d-1", "2025-04-01", "40.00"));

        assertThat(ledger.settleReferral(CARL, dana, at("2025-04-20"))).isEqualTo(ReferralOutcome.PENDING);
        assertThat(ledger.settleReferral(CARL, dana, at("2025-05-01"))).isEqualTo(ReferralOutcome.GRANTED);
        assertThat(ledger.settleReferral(CARL, dana, at("2025-05-02"))).isEqualTo(ReferralOutcome.ALREADY_GRANTED);

        // bonuses dated at the end of the window, 2025-04-01 + 30 days = 2025-05-01
        assertThat(ledger.balance(CARL, at("2025-05-01"))).isEqualTo(new Balance(200, 0, 0));
        assertThat(ledger.balance(CARL, at("2025-04-30"))).isEqualTo(new Balance(0, 0, 0));
        // Dana: the 100 bonus (her order itself was never recorded in this ledger)
        assertThat(ledger.balance(DANA, at("2025-05-01"))).isEqualTo(new Balance(100, 0, 0));
    }

    @Test
    void aRefundOfTheFirstOrderWithinTheWindowForfeitsTheReferral() {
        CustomerHistory dana = CustomerHistory.of(DANA, order(DANA, "d-1", "2025-04-01", "40.00"),
                refund(DANA, "rf", "d-1", "2025-04-10", "10.00"),
                order(DANA, "d-2", "2025-04-15", "90.00"));

        assertThat(ledger.settleReferral(CARL, dana, at("2025-06-01"))).isEqualTo(ReferralOutcome.FORFEITED);
        assertThat(ledger.entries(CARL)).isEmpty();
    }

    @Test
    void aRefundAfterTheWindowDoesNotForfeit() {
        CustomerHistory dana = CustomerHistory.of(DANA, order(DANA, "d-1", "2025-04-01", "40.00"),
                refund(DANA, "rf", "d-1", "2025-05-02", "40.00"));

        assertThat(ledger.settleReferral(CARL, dana, at("2025-06-01"))).isEqualTo(ReferralOutcome.GRANTED);
    }

    @Test
    void noOrderYetMeansPendingAndSelfReferralIsRefused() {
        assertThat(ledger.settleReferral(CARL, CustomerHistory.empty(DANA), at("2025-06-01")))
                .isEqualTo(ReferralOutcome.PENDING);
        assertThatThrownBy(() -> ledger.settleReferral(DANA, CustomerHistory.empty(DANA), at("2025-06-01")))
                .hasMessage("a customer cannot refer themselves: dana");
    }
}
