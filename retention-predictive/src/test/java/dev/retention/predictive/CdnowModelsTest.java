package dev.retention.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.core.CustomerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models on the CDNOW calibration summaries (2,357 customers, 39 weeks, in weeks), against the
 * figures of Fader, Hardie and Lee and the lifetimes library.
 */
class CdnowModelsTest {
    private static List<CustomerSummary> summaries;
    private static List<CustomerSummary> withSpend;
    private static BgNbdModel bgNbd;

    @BeforeAll
    static void load() throws IOException {
        Path folder = Path.of(System.getProperty("retention.data", "../data"), "cdnow");
        summaries = read(folder.resolve("cdnow_customers_summary.csv"), "ID,frequency,recency,T");
        withSpend = read(folder.resolve("cdnow_customers_summary_with_transactions.csv"), "ID,x,t_x,T,zbar");
        bgNbd = BgNbdModel.fit(summaries);
    }

    static List<CustomerSummary> read(Path file, String header) throws IOException {
        assertThat(file).as("the CDNOW summaries (set -Dretention.data)").exists();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(header);
        List<CustomerSummary> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            long x = Long.parseLong(f[1]);
            rows.add(new CustomerSummary(CustomerId.of(f[0]), x, Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    f.length > 4 && x > 0 ? Double.parseDouble(f[4]) : 0));
        }
        return rows;
    }

    @Test
    void bgNbdReproducesThePublishedFit() {
        assertThat(summaries).hasSize(2357);
        assertThat(bgNbd.r()).isCloseTo(0.243, within(0.0005));
        assertThat(bgNbd.alpha()).isCloseTo(4.414, within(0.0005));
        assertThat(bgNbd.a()).isCloseTo(0.793, within(0.0005));
        assertThat(bgNbd.b()).isCloseTo(2.426, within(0.0005));
        assertThat(bgNbd.logLikelihood(summaries)).isCloseTo(-9582.43, within(0.005));
    }

    @Test
    void theFitIsAMaximum() {
        double best = bgNbd.logLikelihood(summaries);
        double[] p = {bgNbd.r(), bgNbd.alpha(), bgNbd.a(), bgNbd.b()};
        for (int k = 0; k < 4; k++) {
            for (double f : new double[] {0.99, 1.01}) {
                double[] q = p.clone();
                q[k] *= f;
                assertThat(new BgNbdModel(q[0], q[1], q[2], q[3]).logLikelihood(summaries)).isLessThan(best);
            }
        }
    }

    @Test
    void predictionsMatchLifetimesForCustomerOne() {
        // customer 1 of CDNOW: x = 2, t_x = 30.43, T = 38.86; P(alive) worked by hand from the published
        // parameters: 1 / (1 + 0.793 / 3.426 * (43.274 / 34.844)^2.243) = 0.7266
        CustomerSummary one = summaries.get(0);
        assertThat(bgNbd.probabilityAlive(one)).isCloseTo(0.7266, within(0.0005));
        // Fader, Hardie and Lee's worked example: x = 2, t_x = 30.43, T = 38.86 -> 1.226 orders in 39 weeks
        assertThat(bgNbd.expectedOrders(one, 39)).isCloseTo(1.226, within(0.001));
    }

    @Test
    void gammaGammaReproducesThePublishedFit() {
        GammaGammaModel model = GammaGammaModel.fit(withSpend);
        assertThat(model.p()).isCloseTo(6.25, within(0.005));
        assertThat(model.q()).isCloseTo(3.74, within(0.005));
        // the file's averages are rounded to cents, which moves v to 15.448 (lifetimes prints 15.45)
        assertThat(model.v()).isCloseTo(15.44, within(0.01));
        double best = model.logLikelihood(withSpend);
        assertThat(new GammaGammaModel(model.p(), model.q(), model.v() * 1.001).logLikelihood(withSpend)).isLessThan(best);
        assertThat(new GammaGammaModel(model.p(), model.q(), model.v() * 0.999).logLikelihood(withSpend)).isLessThan(best);
    }

    @Test
    void lifetimeValueIsPositiveAndDiscounted() {
        GammaGammaModel spend = GammaGammaModel.fit(withSpend);
        CustomerSummary one = withSpend.get(0);
        double undiscounted = LifetimeValue.of(bgNbd, spend, one, 12, 4.35, 0);
        double discounted = LifetimeValue.of(bgNbd, spend, one, 12, 4.35, 0.01);
        assertThat(undiscounted).isCloseTo(spend.expectedAverageValue(one) * bgNbd.expectedOrders(one, 12 * 4.35),
                within(1e-9));
        assertThat(discounted).isPositive().isLessThan(undiscounted);
    }
}
