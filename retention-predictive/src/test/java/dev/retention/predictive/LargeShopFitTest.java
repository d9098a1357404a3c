package dev.retention.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.core.CustomerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A shop large enough (56,000 customers) for the fits to start on a sample and finish on everyone:
 * drawn from known BG/NBD and Gamma-Gamma parameters, the fits find them again, and what they find
 * is a maximum of the whole shop's likelihood, not the sample's.
 */
class LargeShopFitTest {
    private static final double R = 0.5;
    private static final double ALPHA = 5;
    private static final double A = 0.8;
    private static final double B = 2.5;
    private static final double P = 6;
    private static final double Q = 4;
    private static final double V = 15;
    private static List<CustomerSummary> shop;

    @BeforeAll
    static void draw() {
        Random random = new Random(7);
        shop = new ArrayList<>();
        for (int i = 0; i < 56_000; i++) {
            double age = 39 * random.nextDouble();
            double rate = gamma(random, R) / ALPHA;
            double dropout = beta(random, A, B);
            double scale = gamma(random, Q) / V; // the rate of the customer's order values
            long x = 0;
            double last = 0;
            double spent = 0;
            for (double t = 0; ; ) {
                if (random.nextDouble() < dropout && t > 0) {
                    break; // gone after the last purchase
                }
                t += -Math.log(1 - random.nextDouble()) / rate;
                if (t > age) {
                    break;
                }
                x++;
                last = t;
                spent += gamma(random, P) / scale;
            }
            shop.add(new CustomerSummary(CustomerId.of("c" + i), x, last, age, x == 0 ? 0 : spent / x));
        }
    }

    @Test
    void bgNbdFindsTheParametersAndTheWholeShopsMaximum() {
        BgNbdModel fit = BgNbdModel.fit(shop);
        assertThat(fit.r()).isCloseTo(R, within(0.05));
        assertThat(fit.alpha()).isCloseTo(ALPHA, within(0.6));
        assertThat(fit.a()).isCloseTo(A, within(0.15));
        assertThat(fit.b()).isCloseTo(B, within(0.6));
        double best = fit.logLikelihood(shop);
        double[] p = {fit.r(), fit.alpha(), fit.a(), fit.b()};
        for (int k = 0; k < 4; k++) {
            for (double f : new double[] {0.995, 1.005}) {
                double[] q = p.clone();
                q[k] *= f;
                assertThat(new BgNbdModel(q[0], q[1], q[2], q[3]).logLikelihood(shop)).as("parameter %d x %s", k, f)
                        .isLessThan(best);
            }
        }
        List<CustomerSummary> shuffled = new ArrayList<>(shop);
        Collections.shuffle(shuffled, new Random(3));
        assertThat(BgNbdModel.fit(shuffled)).isEqualTo(fit);
    }

    @Test
    void gammaGammaFindsTheParametersAndTheWholeShopsMaximum() {
        GammaGammaModel fit = GammaGammaModel.fit(shop);
        assertThat(fit.p()).isCloseTo(P, within(0.6));
        assertThat(fit.q()).isCloseTo(Q, within(0.5));
        assertThat(fit.v()).isCloseTo(V, within(2.5));
        double best = fit.logLikelihood(shop);
        for (double f : new double[] {0.995, 1.005}) {
            assertThat(new GammaGammaModel(fit.p() * f, fit.q(), fit.v()).logLikelihood(shop)).isLessThan(best);
            assertThat(new GammaGammaModel(fit.p(), fit.q() * f, fit.v()).logLikelihood(shop)).isLessThan(best);
            assertThat(new GammaGammaModel(fit.p(), fit.q(), fit.v() * f).logLikelihood(shop)).isLessThan(best);
        }
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang, boosted below shape 1. */
    private static double gamma(Random random, double shape) {
        if (shape < 1) {
            return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = Math.pow(1 + c * z, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static double beta(Random random, double a, double b) {
        double x = gamma(random, a);
        return x / (x + gamma(random, b));
    }
}
