package dev.retention.testkit;

import static dev.retention.testkit.CustomerFixture.aCustomer;
import static dev.retention.testkit.RetentionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerHistory;
import dev.retention.rules.loyalty.InMemoryLedgerStore;
import dev.retention.rules.loyalty.PointsLedger;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.rules.loyalty.QualificationWindow;
import dev.retention.rules.loyalty.TierBenefits;
import dev.retention.rules.loyalty.TierPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoyaltyAssertTest {
    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final CustomerId ANNA = CustomerId.of("anna");

    /** One point per whole dollar; points from an order become spendable after a 30-day return window. */
    private static PointsLedger ledger() {
        PointsProgram program = PointsProgram.builder().currency("USD").earn(1, Money.of(1, "USD"))
                .redeem(100, Money.of(5, "USD")).returnWindow(Duration.ofDays(30)).build();
        return PointsLedger.of(program, new InMemoryLedgerStore());
    }

    private static final TierPolicy TIERS = TierPolicy.builder().spend("USD")
            .window(QualificationWindow.rollingMonths(12))
            .baseTier("Member", TierBenefits.none())
            .tier("Silver", Money.of(500, "USD"), TierBenefits.multiplier("1.25"))
            .tier("Gold", Money.of(1500, "USD"), TierBenefits.multiplier("1.5"))
            .build();

    @Test
    void balanceAndPendingPointsFollowTheReturnWindow() {
        // guide:loyalty:begin
        PointsLedger ledger = ledger();
        // 3 orders of 40.00 USD, 100, 70 and 10 days ago: two past the return window, one inside it
        aCustomer("anna").withOrders(3).lastOrderedDaysAgo(10).everyDays(30).worth(Money.of(40, "USD"))
                .events(NOW).forEach(ledger::record);

        assertThat(ledger).balanceOf(ANNA).at(NOW).isEqualTo(80);
        assertThat(ledger).pendingOf(ANNA).at(NOW).isEqualTo(40);
        // guide:loyalty:end
    }

    @Test
    void aWrongBalanceShowsTheStatement() {
        PointsLedger ledger = ledger();
        aCustomer("anna").withOrders(1).lastOrderedDaysAgo(40).worth(Money.of(120, "USD")).events(NOW)
                .forEach(ledger::record);

        assertThatThrownBy(() -> assertThat(ledger).balanceOf(ANNA).at(NOW).isEqualTo(100))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("active points of anna at " + NOW)
                .hasMessageContaining("anna-o1")
                .hasMessageContaining("+120");
    }

    @Test
    void tierOfAHistoryAtAnInstant() {
        // guide:tiers:begin
        // 4 orders of 400.00 USD in the last 12 months: 1600.00 reaches Gold (1500.00)
        CustomerHistory gold = aCustomer("anna").withOrders(4).worth(Money.of(400, "USD")).history(NOW);
        // 2 orders of 400.00: 800.00 is Silver
        CustomerHistory silver = aCustomer("ben").withOrders(2).worth(Money.of(400, "USD")).history(NOW);

        assertThat(TIERS).tierOf(gold).at(NOW).is("Gold");
        assertThat(TIERS).tierOf(silver).at(NOW).is("Silver");
        assertThat(TIERS).tierOf(silver).at(NOW.minus(Duration.ofDays(40))).is("Member");
        // guide:tiers:end
    }

    @Test
    void aWrongTierShowsTheExplanationAndTheEvents() {
        CustomerHistory silver = aCustomer("ben").withOrders(2).worth(Money.of(400, "USD")).history(NOW);
        String explanation = TIERS.tierOf(silver, NOW).explanation();

        assertThatThrownBy(() -> assertThat(TIERS).tierOf(silver).at(NOW).is("Gold"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting ben to be in tier Gold at " + NOW + ", but the tier is Silver")
                .hasMessageContaining(explanation)
                .hasMessageContaining("order ben-o2");
    }
}
