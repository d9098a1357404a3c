package dev.retention.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The closed-form gradient of the BG/NBD log-likelihood, and the grouping of equal customers. */
class BgNbdGradientProperties {

    /** A few dozen customers with integer frequencies, some of them repeated, some never buying again. */
    static List<CustomerSummary> shop(long seed, int size) {
        Random random = new Random(seed);
        List<CustomerSummary> shop = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            double age = 1 + random.nextInt(60);
            long x = random.nextInt(4) == 0 ? 0 : random.nextInt(15);
            double recency = x == 0 ? 0 : random.nextInt((int) age + 1);
            CustomerSummary c = new CustomerSummary(CustomerId.of("c" + i), x, recency, age, 0);
            shop.add(c);
            if (random.nextBoolean()) {
                shop.add(new CustomerSummary(CustomerId.of("d" + i), x, recency, age, 0));
            }
        }
        return shop;
    }

    @Property(tries = 60)
    void gradientMatchesFiniteDifferences(@ForAll @IntRange(min = 0, max = 10_000) int seed,
            @ForAll @DoubleRange(min = -3, max = 3) double lnR, @ForAll @DoubleRange(min = -3, max = 4) double lnAlpha,
            @ForAll @DoubleRange(min = -3, max = 3) double lnA, @ForAll @DoubleRange(min = -3, max = 3) double lnB) {
        BgNbdModel.Data data = BgNbdModel.Data.of(shop(seed, 40));
        double[] theta = {lnR, lnAlpha, lnA, lnB};
        double[] gradient = new double[4];
        double value = data.valueAndGradient(theta, gradient);
        assertThat(value).isEqualTo(data.logLikelihood(theta));
        double h = 1e-5;
        for (int k = 0; k < 4; k++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += h;
            down[k] -= h;
            double central = (data.logLikelihood(up) - data.logLikelihood(down)) / (2 * h);
            // central differences are good to about h^2 times the third derivative plus rounding
            assertThat(gradient[k]).as("d/d theta[%d]", k)
                    .isCloseTo(central, org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(central))));
        }
    }

    @Property(tries = 30)
    void groupingEqualCustomersKeepsTheLikelihood(@ForAll @IntRange(min = 0, max = 10_000) int seed,
            @ForAll @DoubleRange(min = -2, max = 2) double lnR, @ForAll @DoubleRange(min = -2, max = 3) double lnAlpha) {
        List<CustomerSummary> shop = shop(seed, 40);
        BgNbdModel model = new BgNbdModel(Math.exp(lnR), Math.exp(lnAlpha), 0.8, 2.5);
        double oneByOne = 0;
        for (CustomerSummary c : shop) {
            oneByOne += model.logLikelihood(List.of(c));
        }
        assertThat(BgNbdModel.Data.of(shop).size()).isLessThan(shop.size());
        assertThat(model.logLikelihood(shop)).isCloseTo(oneByOne,
                org.assertj.core.data.Offset.offset(1e-9 * Math.abs(oneByOne)));
    }

    @Test
    void aShopOfRepeatsIsWalkedAsOneTriple() {
        List<CustomerSummary> same = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            same.add(new CustomerSummary(CustomerId.of("c" + i), 3, 20, 30, 0));
        }
        BgNbdModel.Data data = BgNbdModel.Data.of(same);
        assertThat(data.size()).isEqualTo(1);
        assertThat(data.weight()).containsExactly(1000.0);
    }
}
