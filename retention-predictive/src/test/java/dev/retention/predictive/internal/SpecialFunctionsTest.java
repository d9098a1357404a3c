package dev.retention.predictive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecialFunctionsTest {

    @ParameterizedTest
    @CsvSource({
        "0.001, 6.907178885383854",
        "0.5, 0.5723649429247004",
        "1, 0.0",
        "2.5, 0.2846828704729196",
        "10, 12.801827480081467",
        "100, 359.1342053695754",
        "100000, 1051287.7089736566",
    })
    void logGammaMatchesReferenceValues(double x, double expected) {
        assertThat(SpecialFunctions.logGamma(x)).isCloseTo(expected, within(1e-13 * Math.max(1, Math.abs(expected))));
    }

    @ParameterizedTest
    @CsvSource({
        "0.001, -1000.5755719318103",
        "0.5, -1.9635100260214235",
        "1, -0.57721566490153286",
        "2.5, 0.70315664064524319",
        "10, 2.2517525890667211",
        "100, 4.6001618527380874",
        "100000, 11.512920464961895",
    })
    void digammaMatchesReferenceValues(double x, double expected) {
        assertThat(SpecialFunctions.digamma(x)).isCloseTo(expected, within(1e-13 * Math.max(1, Math.abs(expected))));
    }

    @net.jqwik.api.Property(tries = 200)
    void digammaIsTheSlopeOfLogGamma(@net.jqwik.api.ForAll @net.jqwik.api.constraints.DoubleRange(min = 0.01, max = 1e4)
            double x) {
        double h = 1e-4 * x;
        double central = (SpecialFunctions.logGamma(x + h) - SpecialFunctions.logGamma(x - h)) / (2 * h);
        assertThat(SpecialFunctions.digamma(x)).isCloseTo(central, within(1e-6 * Math.max(1, Math.abs(central))));
        assertThat(SpecialFunctions.digamma(0)).isNaN();
    }

    @Test
    void logGammaIsNaNOutsideItsDomain() {
        assertThat(SpecialFunctions.logGamma(0)).isNaN();
        assertThat(SpecialFunctions.logGamma(-1.5)).isNaN();
    }

    @ParameterizedTest
    @CsvSource({"0.1", "0.5", "0.9", "0.999"})
    void hyp2f1MatchesClosedForms(double z) {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        assertThat(SpecialFunctions.logHyp2f1(1, 1, 2, z)).isCloseTo(Math.log(-Math.log1p(-z) / z), within(1e-10));
        // 2F1(a, b; b; z) = (1 - z)^-a
        assertThat(SpecialFunctions.logHyp2f1(2.3, 4.1, 4.1, z)).isCloseTo(-2.3 * Math.log1p(-z), within(1e-10));
        // 2F1(1/2, 1/2; 3/2; s^2) = arcsin(s) / s
        double s = Math.sqrt(z);
        assertThat(SpecialFunctions.logHyp2f1(0.5, 0.5, 1.5, z)).isCloseTo(Math.log(Math.asin(s) / s), within(1e-10));
    }

    @Test
    void hyp2f1BeyondTheRangeOfADoubleStaysInLogSpace() {
        // (1 - 0.99)^-200 = 1e400 overflows a double; its logarithm does not
        assertThat(SpecialFunctions.logHyp2f1(200, 3, 3, 0.99)).isCloseTo(921.0340371976182, within(1e-8));
    }

    @Test
    void hyp2f1AtZeroIsOneAndOutsideItsRangeNaN() {
        assertThat(SpecialFunctions.logHyp2f1(3, 4, 5, 0)).isZero();
        assertThat(SpecialFunctions.logHyp2f1(3, 4, 5, 1)).isNaN();
        assertThat(SpecialFunctions.logHyp2f1(3, 4, 5, -0.1)).isNaN();
    }
}
