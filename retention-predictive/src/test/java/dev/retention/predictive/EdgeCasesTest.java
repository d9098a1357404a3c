package dev.retention.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retention.core.CustomerId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The answers the lifetimes issue tracker asks for: defined numbers, never NaN. */
class EdgeCasesTest {
    static final BgNbdModel CDNOW = new BgNbdModel(0.243, 4.414, 0.793, 2.426);

    /**
     * With a + b &lt; 1 a new customer's 2F1 has a negative third parameter and is itself negative
     * (a jqwik property found the NaN this gave); expected values from mpmath's hyp2f1 at 30 digits.
     */
    @ParameterizedTest
    @CsvSource({"1, 0.0587845866967363", "10, 0.444298847166186", "100, 3.78865747513392", "1000, 33.4944911217381"})
    void aNegativeHypergeometricSumStillGivesTheExpectedOrders(double t, double expected) {
        BgNbdModel model = new BgNbdModel(0.01, 0.1, 0.05, 0.05);
        CustomerSummary newcomer = new CustomerSummary(CustomerId.of("c"), 0, 0, 0, 0);

        assertThat(model.expectedOrders(newcomer, t)).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
    }

    static CustomerSummary summary(long x, double recency, double age) {
        return new CustomerSummary(CustomerId.of("c"), x, recency, age, x > 0 ? 20 : 0);
    }

    @Test
    void aCustomerWithoutRepeatPurchasesIsAliveAndExpectedToBuy() {
        CustomerSummary once = summary(0, 0, 30);
        assertThat(CDNOW.probabilityAlive(once)).isEqualTo(1);
        assertThat(CDNOW.expectedOrders(once, 39)).isPositive().isFinite();
        assertThat(CDNOW.expectedOrders(once, 0)).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        // x, recency, T, t
        "0, 0, 0, 1",
        "0, 0, 1e9, 1e9",
        "1, 0, 1e9, 10",
        "1000, 1, 1e6, 39",
        "1000, 1e6, 1e6, 1e6",
        "5, 38, 39, 1e7",
        "1, 0.5, 0.5, 1e-9",
    })
    void extremeHistoriesGiveDefinedPredictions(long x, double recency, double age, double t) {
        CustomerSummary customer = summary(x, recency, age);
        assertThat(CDNOW.probabilityAlive(customer)).isBetween(0.0, 1.0);
        assertThat(CDNOW.expectedOrders(customer, t)).isFinite().isGreaterThanOrEqualTo(0);
    }

    @Test
    void aLongSilenceDrivesPAliveToZeroWithoutOverflow() {
        assertThat(CDNOW.probabilityAlive(summary(1000, 1, 1e6))).isZero();
        assertThat(CDNOW.expectedOrders(summary(1000, 1, 1e6), 39)).isCloseTo(0, within(1e-12));
    }

    @Test
    void expectedOrdersAreContinuousAcrossAEqualsOne() {
        CustomerSummary customer = summary(3, 20, 39);
        double atOne = new BgNbdModel(0.243, 4.414, 1, 2.426).expectedOrders(customer, 39);
        double beside = new BgNbdModel(0.243, 4.414, 1.001, 2.426).expectedOrders(customer, 39);
        assertThat(atOne).isCloseTo(beside, within(1e-3));
    }

    @Test
    void aShopOfOneCustomerFitsToFiniteParameters() {
        BgNbdModel model = BgNbdModel.fit(List.of(summary(2, 10, 20)));
        assertThat(model.probabilityAlive(summary(2, 10, 20))).isBetween(0.0, 1.0);
        assertThat(model.expectedOrders(summary(2, 10, 20), 10)).isFinite().isGreaterThanOrEqualTo(0);
    }

    @Test
    void aShopWhereNobodyReturnedFitsToFiniteParameters() {
        BgNbdModel model = BgNbdModel.fit(List.of(summary(0, 0, 20), summary(0, 0, 5), summary(0, 0, 1)));
        assertThat(model.expectedOrders(summary(0, 0, 20), 10)).isFinite().isGreaterThanOrEqualTo(0);
    }

    @Test
    void anEmptyShopCannotBeFitted() {
        assertThatThrownBy(() -> BgNbdModel.fit(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("summaries");
    }

    @Test
    void gammaGammaNeedsARepeatBuyer() {
        assertThatThrownBy(() -> GammaGammaModel.fit(List.of(summary(0, 0, 20))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeat buyer");
    }

    @Test
    void gammaGammaShrinksTowardsTheShopMeanAndRefusesAnInfiniteMean() {
        GammaGammaModel model = new GammaGammaModel(6.25, 3.74, 15.44);
        assertThat(model.expectedAverageValue(summary(0, 0, 10))).isCloseTo(6.25 * 15.44 / 2.74, within(1e-9));
        double one = model.expectedAverageValue(new CustomerSummary(CustomerId.of("c"), 1, 1, 2, 100));
        double many = model.expectedAverageValue(new CustomerSummary(CustomerId.of("c"), 50, 1, 2, 100));
        assertThat(one).isLessThan(many).isLessThan(100);
        assertThatThrownBy(() -> new GammaGammaModel(2, 0.5, 10).expectedAverageValue(summary(0, 0, 10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("q=0.5");
    }

    @Test
    void badArgumentsAreRefusedNamingThem() {
        assertThatThrownBy(() -> new BgNbdModel(0.2, -1, 1, 1)).hasMessageContaining("alpha").hasMessageContaining("-1");
        assertThatThrownBy(() -> new GammaGammaModel(1, 1, Double.NaN)).hasMessageContaining("v").hasMessageContaining("NaN");
        assertThatThrownBy(() -> new CustomerSummary(CustomerId.of("c"), 2, 5, 4, 1))
                .hasMessageContaining("recency").hasMessageContaining("age=4.0");
        assertThatThrownBy(() -> new CustomerSummary(CustomerId.of("c"), -1, 0, 4, 1)).hasMessageContaining("frequency");
        assertThatThrownBy(() -> CDNOW.expectedOrders(summary(0, 0, 1), -2)).hasMessageContaining("t must").hasMessageContaining("-2");
        GammaGammaModel spend = new GammaGammaModel(6.25, 3.74, 15.44);
        assertThatThrownBy(() -> LifetimeValue.of(CDNOW, spend, summary(1, 1, 2), 0, 4, 0.01)).hasMessageContaining("periods");
        assertThatThrownBy(() -> LifetimeValue.of(CDNOW, spend, summary(1, 1, 2), 12, 4, -0.1)).hasMessageContaining("discountRate");
    }
}
