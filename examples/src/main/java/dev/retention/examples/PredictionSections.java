package dev.retention.examples;

import static dev.retention.examples.Html.escape;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.store.EventStore;
import dev.retention.predictive.BgNbdModel;
import dev.retention.predictive.CustomerSummaries;
import dev.retention.predictive.CustomerSummary;
import dev.retention.predictive.GammaGammaModel;
import dev.retention.predictive.LifetimeValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The report's prediction sections: the P(alive) distribution and lifetime value by cohort. The
 * models are fitted on the log up to a calibration cut-off, so the weeks after it check them
 * (expected against actual repeat purchases); then every customer is scored on their whole history.
 */
final class PredictionSections {
    static final CustomerSummaries WEEKLY = CustomerSummaries.builder().timeUnit(Duration.ofDays(7))
            .sameDayOrdersAsOne(ZoneOffset.UTC).build();
    static final int CLV_MONTHS = 12;
    static final double MONTHLY_DISCOUNT = 0.01;
    static final int BUCKETS = 10;
    private static final double WEEKS_PER_MONTH = 365.0 / 12 / 7;
    private static final int HOLDOUT_DAYS = 182;

    private PredictionSections() {
    }

    /** The models and their check on the weeks after the cut-off. */
    record Fit(Instant cutoff, int calibrationCustomers, BgNbdModel orders, Optional<GammaGammaModel> spend,
            String spendProblem, double expectedHoldoutPurchases, long actualHoldoutPurchases) {
    }

    /** One customer scored at the end of the log. */
    record Score(YearMonth cohort, double pAlive, Optional<Double> value) {
    }

    /**
     * Half a year before the end holds out for the check, or a third of the log if it is shorter than
     * eighteen months; whole days, so same-day purchases never straddle it.
     */
    static Instant cutoff(Instant firstOrder, Instant asOf) {
        long days = Duration.between(firstOrder, asOf).toDays();
        long holdout = days >= 3L * HOLDOUT_DAYS ? HOLDOUT_DAYS : days / 3;
        return asOf.minus(Duration.ofDays(holdout));
    }

    static Fit fit(EventStore store, Instant firstOrder, Instant asOf) {
        Instant cutoff = cutoff(firstOrder, asOf);
        List<CustomerSummary> calibration = WEEKLY.of(store, cutoff);
        BgNbdModel orders = BgNbdModel.fit(calibration);
        Optional<GammaGammaModel> spend = Optional.empty();
        String problem = "";
        try {
            GammaGammaModel fitted = GammaGammaModel.fit(calibration);
            if (fitted.q() > 1) {
                spend = Optional.of(fitted);
            } else {
                problem = String.format(Locale.ROOT, "Gamma-Gamma has no finite mean order value here (q = %.3f)",
                        fitted.q());
            }
        } catch (IllegalArgumentException e) {
            problem = "no customer bought twice before the cut-off, so there is no spend model";
        }
        double holdoutWeeks = Duration.between(cutoff, asOf).toSeconds() / (7 * 86_400.0);
        double expected = 0;
        long actual = 0;
        for (CustomerSummary before : calibration) {
            expected += orders.expectedOrders(before, holdoutWeeks);
        }
        Map<String, CustomerSummary> atEnd = new TreeMap<>();
        WEEKLY.of(store, asOf).forEach(s -> atEnd.put(s.customerId().value(), s));
        for (CustomerSummary before : calibration) {
            actual += atEnd.get(before.customerId().value()).frequency() - before.frequency();
        }
        return new Fit(cutoff, calibration.size(), orders, spend, problem, expected, actual);
    }

    static List<Score> scores(EventStore store, Fit fit, Instant asOf) {
        List<Score> scores = new ArrayList<>();
        store.histories().forEach(history -> score(history, fit, asOf).ifPresent(scores::add));
        return scores;
    }

    private static Optional<Score> score(CustomerHistory history, Fit fit, Instant asOf) {
        return WEEKLY.of(history, asOf).map(summary -> new Score(
                YearMonth.from(LocalDate.ofInstant(history.firstOrderAt().orElseThrow(), ZoneOffset.UTC)),
                fit.orders().probabilityAlive(summary),
                fit.spend().map(spend -> LifetimeValue.of(fit.orders(), spend, summary, CLV_MONTHS, WEEKS_PER_MONTH,
                        MONTHLY_DISCOUNT))));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The bucket of a P(alive): tenths, 1.0 in the last. */
    static int bucket(double pAlive) {
        return Math.min(BUCKETS - 1, (int) Math.floor(pAlive * BUCKETS));
    }

    static void render(StringBuilder s, Fit fit, List<Score> scores, Currency currency, Instant asOf) {
        int[] counts = new int[BUCKETS];
        scores.forEach(score -> counts[bucket(score.pAlive())]++);
        List<Svg.Bar> bars = new ArrayList<>();
        for (int k = 0; k < BUCKETS; k++) {
            bars.add(new Svg.Bar(String.format(Locale.ROOT, "%.1f to %.1f", k / 10.0, (k + 1) / 10.0), counts[k],
                    String.format(Locale.ROOT, "%,d (%.1f%%)", counts[k], 100.0 * counts[k] / scores.size())));
        }
        BgNbdModel m = fit.orders();
        s.append("<section id=\"p-alive\"><h2>Who is still a customer: P(alive)</h2><p class=\"note\">")
                .append(String.format(Locale.ROOT, "The BG/NBD model (Fader, Hardie and Lee 2005) fitted on the"
                        + " orders up to the calibration cut-off %s (UTC; %,d customers; in weeks, a day's orders one"
                        + " purchase; r = %.3f, alpha = %.3f, a = %.3f, b = %.3f), then each of the %,d customers"
                        + " scored on their whole history to the end of %s. Customers without a repeat purchase are"
                        + " alive with probability 1 under the model.", day(fit.cutoff()), fit.calibrationCustomers(),
                        m.r(), m.alpha(), m.a(), m.b(), scores.size(), day(asOf).minusDays(1)))
                .append("</p><p class=\"note\" id=\"holdout-check\">")
                .append(String.format(Locale.ROOT, "Check on the %d days after the cut-off: the model expected"
                        + " <b data-expected=\"%.3f\">%,.0f</b> repeat purchases from the calibration customers; they"
                        + " made <b data-actual=\"%d\">%,d</b>.", Duration.between(fit.cutoff(), asOf).toDays(),
                        fit.expectedHoldoutPurchases(), fit.expectedHoldoutPurchases(), fit.actualHoldoutPurchases(),
                        fit.actualHoldoutPurchases()))
                .append("</p>").append(Svg.horizontalBars("p-alive-chart", bars, "#c53030")).append("</section>\n");
        clv(s, fit, scores, currency);
    }

    private static void clv(StringBuilder s, Fit fit, List<Score> scores, Currency currency) {
        s.append("<section id=\"clv\"><h2>Customer lifetime value by cohort</h2><p class=\"note\">");
        if (fit.spend().isEmpty()) {
            s.append("Not available: ").append(escape(fit.spendProblem())).append(".</p></section>\n");
            return;
        }
        GammaGammaModel g = fit.spend().get();
        s.append(String.format(Locale.ROOT, "The value each customer is expected to bring in the next %d months"
                + " (BG/NBD's expected orders times the Gamma-Gamma expected order value, p = %.4g, q = %.4g,"
                + " v = %.4g; discounted %.0f%% a month), in %s, by the month of the customer's first order;"
                + " models fitted up to the cut-off %s.", CLV_MONTHS, g.p(), g.q(), g.v(), MONTHLY_DISCOUNT * 100,
                escape(currency.getCurrencyCode()), day(fit.cutoff())))
                .append("</p>");
        Map<YearMonth, double[]> byCohort = new TreeMap<>();
        for (Score score : scores) {
            double[] sums = byCohort.computeIfAbsent(score.cohort(), c -> new double[3]);
            sums[0]++;
            sums[1] += score.value().orElseThrow();
            sums[2] += score.pAlive();
        }
        List<Svg.Bar> bars = new ArrayList<>();
        s.append("<div class=\"scroll\"><table class=\"grid\" id=\"clv-table\"><thead><tr><th>cohort</th>")
                .append("<th>customers</th><th>mean P(alive)</th><th>mean value</th><th>total value</th></tr></thead><tbody>");
        byCohort.forEach((cohort, sums) -> {
            double mean = sums[1] / sums[0];
            s.append(String.format(Locale.ROOT, "<tr data-cohort=\"%s\"><td>%s</td><td>%,d</td><td>%.3f</td>"
                    + "<td>%,.2f</td><td>%,.2f</td></tr>", cohort, cohort, (long) sums[0], sums[2] / sums[0], mean,
                    sums[1]));
            String label = cohort.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " "
                    + String.format(Locale.ROOT, "%02d", cohort.getYear() % 100);
            bars.add(new Svg.Bar(label, mean, String.format(Locale.ROOT, "%.0f", mean)));
        });
        s.append("</tbody></table></div>").append(Svg.series("clv-chart", bars, false, "#2f855a"))
                .append("</section>\n");
    }
}
