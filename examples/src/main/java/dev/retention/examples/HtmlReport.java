package dev.retention.examples;

import static dev.retention.examples.Html.escape;

import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.metrics.AverageOrderValue;
import dev.retention.metrics.CohortGranularity;
import dev.retention.metrics.CohortMatrix;
import dev.retention.metrics.OrderLog;
import dev.retention.metrics.ReportingPeriod;
import dev.retention.metrics.RetentionRate;
import dev.retention.metrics.RfmAnalysis;
import dev.retention.metrics.RfmScore;
import dev.retention.metrics.RfmSegment;
import dev.retention.rules.loyalty.Tier;
import dev.retention.rules.loyalty.TierMeasure;
import dev.retention.rules.loyalty.TierPolicy;
import dev.retention.testkit.backtest.BacktestResult;
import dev.retention.testkit.backtest.CampaignOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Renders the marketer's report: one self-contained, well-formed (XML-parsable) HTML page with
 * inline CSS and SVG, no scripts and no external resource. All numbers come from the metrics
 * module, the tier policy and a backtest of the playbook campaigns; every text is escaped.
 */
final class HtmlReport {
    static final Duration CONVERSION_WINDOW = Duration.ofDays(14);

    private static final String CSS = """
            body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:0;background:#f4f6f9;color:#1a202c}
            header{background:#1a365d;color:#fff;padding:24px 40px}
            header h1{margin:0 0 6px 0;font-size:28px}
            header p{margin:0;opacity:.85}
            main{padding:16px 40px 40px 40px}
            section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:18px 24px;margin:18px 0}
            h2{margin:0 0 4px 0;font-size:20px;color:#1a365d}
            p.note{margin:0 0 12px 0;color:#4a5568;font-size:13px}
            .tiles{display:flex;gap:16px;flex-wrap:wrap}
            .tile{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:14px 22px;min-width:170px}
            .tile b{display:block;font-size:26px;color:#2b6cb0}
            .tile span{color:#4a5568;font-size:13px}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;font-size:12px}
            th,td{padding:4px 6px;text-align:right;white-space:nowrap}
            th{color:#4a5568;font-weight:600}
            table.heat td{min-width:34px;border:1px solid #fff}
            table.grid td,table.grid th{border-bottom:1px solid #e2e8f0;font-size:13px;padding:6px 10px}
            table.grid td:first-child,table.grid th:first-child{text-align:left}
            svg text{font-size:12px;fill:#2d3748}
            svg text.value{font-weight:600}
            """;

    private HtmlReport() {
    }

    /** The page; the long steps are reported to {@code progress}. */
    static String render(String source, List<CustomerEvent> events, TierPolicy tiers, Progress progress) {
        InMemoryEventStore store = new InMemoryEventStore();
        store.appendAll(events);
        OrderLog log = OrderLog.of(store);
        if (log.orderCount() == 0) {
            throw new BadInputException("the event log has no orders to report on");
        }
        Currency currency = log.currencies().get(0);
        LocalDate firstDay = LocalDate.ofInstant(log.firstOrderAt().orElseThrow(), ZoneOffset.UTC);
        LocalDate endDay = LocalDate.ofInstant(log.lastOrderAt().orElseThrow(), ZoneOffset.UTC).plusDays(1);
        Instant asOf = endDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        BacktestResult backtest = progress.during(String.format(Locale.ROOT,
                "backtest: replaying %s to %s through the four playbook campaigns", firstDay, endDay),
                () -> BacktestCommand.run(events, firstDay, endDay, CONVERSION_WINDOW));
        progress.say("cohorts, monthly CRR and AOV, RFM segments, loyalty tiers of %,d customers", log.customerCount());

        StringBuilder s = new StringBuilder(64_000);
        s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>Retention report: ").append(escape(source)).append("</title>")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        s.append("<header><h1>Retention report</h1><p>").append(escape(source)).append(": ")
                .append(String.format(Locale.ROOT, "%,d customers, %,d orders", log.customerCount(), log.orderCount()))
                .append(", ").append(firstDay).append(" to ").append(endDay.minusDays(1))
                .append(" (UTC). Amounts in ").append(escape(currency.getCurrencyCode())).append(".</p></header>\n<main>\n");
        tiles(s, log, currency, firstDay, endDay);
        cohorts(s, CohortMatrix.of(log, CohortGranularity.MONTH, asOf));
        monthly(s, log, currency, firstDay, endDay);
        rfm(s, RfmAnalysis.of(log, asOf, currency), asOf);
        tiers(s, store, tiers, currency, asOf);
        predictions(s, store, log, currency, asOf, progress);
        backtest(s, backtest);
        return s.append("</main></body></html>\n").toString();
    }

    private static void tiles(StringBuilder s, OrderLog log, Currency currency, LocalDate from, LocalDate to) {
        AverageOrderValue all = AverageOrderValue.of(log, ReportingPeriod.of(from, to), currency);
        s.append("<div class=\"tiles\">");
        tile(s, "customers", String.format(Locale.ROOT, "%,d", log.customerCount()));
        tile(s, "orders", String.format(Locale.ROOT, "%,d", log.orderCount()));
        tile(s, "net revenue", money(all.netRevenue()));
        tile(s, "average order value", all.aov().map(HtmlReport::money).orElse("-"));
        s.append("</div>\n");
    }

    private static void tile(StringBuilder s, String label, String value) {
        s.append("<div class=\"tile\" data-tile=\"").append(escape(label)).append("\"><b>").append(escape(value))
                .append("</b><span>").append(escape(label)).append("</span></div>");
    }

    private static void cohorts(StringBuilder s, CohortMatrix matrix) {
        int columns = matrix.cohorts().stream().mapToInt(c -> c.active().size()).max().orElse(0);
        double max = 0;
        for (CohortMatrix.Cohort c : matrix.cohorts()) {
            for (int k = 1; k < c.active().size(); k++) {
                max = Math.max(max, c.share(k));
            }
        }
        s.append("<section id=\"cohorts\"><h2>Cohort retention</h2><p class=\"note\">Customers grouped by the month of")
                .append(" their first order; each cell is the share of the cohort that ordered again k months later")
                .append(" (month +0 is the first order itself). Darker is better.</p>")
                .append("<div class=\"scroll\"><table class=\"heat\" id=\"cohort-table\"><thead><tr><th>cohort</th><th>customers</th>");
        for (int k = 0; k < columns; k++) {
            s.append("<th>+").append(k).append("</th>");
        }
        s.append("</tr></thead><tbody>");
        for (CohortMatrix.Cohort c : matrix.cohorts()) {
            String month = YearMonth.from(c.start()).toString();
            s.append("<tr><th>").append(month).append("</th><td>")
                    .append(String.format(Locale.ROOT, "%,d", c.customers())).append("</td>");
            for (int k = 0; k < c.active().size(); k++) {
                double share = c.share(k);
                double t = k == 0 || max <= 0 ? 0 : Math.min(1, share / max);
                s.append(String.format(Locale.ROOT,
                        "<td data-cohort=\"%s\" data-k=\"%d\" data-active=\"%d\" title=\"%,d of %,d customers\""
                                + " style=\"background:%s;color:%s\">%.1f%%</td>",
                        month, k, c.active().get(k), c.active().get(k), c.customers(),
                        k == 0 ? "#e2e8f0" : blend(t), t > 0.55 ? "#fff" : "#1a202c", share * 100));
            }
            s.append("</tr>");
        }
        s.append("</tbody></table></div></section>\n");
    }

    private static void monthly(StringBuilder s, OrderLog log, Currency currency, LocalDate from, LocalDate to) {
        List<Svg.Bar> crr = new ArrayList<>();
        List<Svg.Bar> aov = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to.minusDays(1)); m = m.plusMonths(1)) {
            ReportingPeriod period = ReportingPeriod.of(m.atDay(1), m.plusMonths(1).atDay(1));
            String label = m.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ROOT) + " "
                    + (m.getYear() % 100 < 10 ? "0" : "") + m.getYear() % 100;
            OptionalDouble rate = RetentionRate.of(log, period).crr();
            if (rate.isPresent()) {
                crr.add(new Svg.Bar(label, rate.getAsDouble(),
                        String.format(Locale.ROOT, "%.0f%%", rate.getAsDouble() * 100)));
            }
            AverageOrderValue.of(log, period, currency).aov().ifPresent(v -> aov.add(
                    new Svg.Bar(label, v.toBigDecimal().doubleValue(), v.toBigDecimal().toPlainString())));
        }
        s.append("<section id=\"crr\"><h2>Customer retention rate by month</h2><p class=\"note\">CRR = (customers")
                .append(" at the end of the month - new customers in it) / customers at its start; a customer counts")
                .append(" as a customer from their first order on.</p>")
                .append(Svg.series("crr-chart", crr, true, Svg.ACCENT)).append("</section>\n");
        s.append("<section id=\"aov\"><h2>Average order value by month</h2><p class=\"note\">Gross revenue of the")
                .append(" month's orders / their number, in ").append(escape(currency.getCurrencyCode())).append(".</p>")
                .append(Svg.series("aov-chart", aov, false, "#38a169")).append("</section>\n");
    }

    private static void rfm(StringBuilder s, List<RfmScore> scores, Instant asOf) {
        Map<RfmSegment, Integer> sizes = new EnumMap<>(RfmSegment.class);
        for (RfmSegment segment : RfmSegment.values()) {
            sizes.put(segment, 0);
        }
        scores.forEach(score -> sizes.merge(score.segment(), 1, Integer::sum));
        List<Svg.Bar> bars = new ArrayList<>();
        sizes.forEach((segment, n) -> bars.add(new Svg.Bar(label(segment), n, share(n, scores.size()))));
        s.append("<section id=\"rfm\"><h2>RFM segments</h2><p class=\"note\">Customers by recency and frequency")
                .append(" score (quintiles) as of ").append(asOf).append(".</p>")
                .append(Svg.horizontalBars("rfm-chart", bars, "#805ad5")).append("</section>\n");
    }

    private static void tiers(StringBuilder s, InMemoryEventStore store, TierPolicy policy, Currency currency,
            Instant asOf) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Tier tier : policy.tiers()) {
            counts.put(tier.name(), 0);
        }
        int[] total = new int[1];
        store.histories().forEach(h -> {
            counts.merge(tierName(policy, h, asOf), 1, Integer::sum);
            total[0]++;
        });
        List<Svg.Bar> bars = new ArrayList<>();
        counts.forEach((name, n) -> bars.add(new Svg.Bar(name, n, share(n, total[0]))));
        s.append("<section id=\"tiers\"><h2>Loyalty tiers</h2><p class=\"note\">")
                .append(escape(policy.tiers().stream().map(t -> t.name() + " from " + threshold(policy, t, currency))
                        .collect(java.util.stream.Collectors.joining(", "))))
                .append(" (").append(escape(policy.measure().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
                .append(" in ").append(escape(policy.window().describe())).append("), as of ").append(asOf)
                .append(".</p>")
                .append(Svg.horizontalBars("tier-chart", bars, "#d69e2e")).append("</section>\n");
    }

    /** The tier's threshold; a spend policy's thresholds are shown in the report's currency (the CLI's policy is in USD). */
    private static String threshold(TierPolicy policy, Tier tier, Currency currency) {
        return policy.measure() == TierMeasure.SPEND
                ? money(Money.ofMinor(tier.threshold(), currency))
                : String.format(Locale.ROOT, "%,d", tier.threshold());
    }

    private static String tierName(TierPolicy policy, CustomerHistory history, Instant asOf) {
        return policy.tierOf(history, asOf).tier().name();
    }

    private static void predictions(StringBuilder s, InMemoryEventStore store, OrderLog log, Currency currency,
            Instant asOf, Progress progress) {
        if (log.currencies().size() > 1) {
            // the models add up order values, which only makes sense in one currency
            s.append("<section id=\"p-alive\"><h2>Predictions</h2><p class=\"note\">Not available: the models need a")
                    .append(" shop with one currency; this log has ").append(log.currencies().size()).append(".</p></section>\n");
            return;
        }
        Instant first = log.firstOrderAt().orElseThrow();
        PredictionSections.Fit fit = progress.during("predictions: fitting BG/NBD and Gamma-Gamma up to the cut-off "
                + PredictionSections.cutoff(first, asOf), () -> PredictionSections.fit(store, first, asOf));
        PredictionSections.render(s, fit, PredictionSections.scores(store, fit, asOf), currency, asOf);
    }

    private static void backtest(StringBuilder s, BacktestResult result) {
        s.append("<section id=\"backtest\"><h2>What the playbook campaigns would have done</h2><p class=\"note\">")
                .append("A replay of the whole log through the campaign engine (")
                .append(LocalDate.ofInstant(result.from(), ZoneOffset.UTC)).append(" to ")
                .append(LocalDate.ofInstant(result.to(), ZoneOffset.UTC)).append(", daily ticks at 00:00 UTC).")
                .append(" Conversion: an order within ").append(result.conversionWindow().toDays())
                .append(" days of the decision, treated against held-out customers.</p>")
                .append("<table class=\"grid\" id=\"backtest-table\"><thead><tr><th>campaign</th><th>entries</th>")
                .append("<th>messages</th><th>customers reached</th><th>held out</th><th>treated conversion</th>")
                .append("<th>holdout conversion</th><th>uplift (95% CI)</th></tr></thead><tbody>");
        List<Svg.Bar> bars = new ArrayList<>();
        for (CampaignOutcome c : result.campaigns()) {
            s.append("<tr data-campaign=\"").append(escape(c.campaignId())).append("\"><td>")
                    .append(escape(c.campaignId())).append("</td>")
                    .append(String.format(Locale.ROOT, "<td>%,d</td><td>%,d</td><td>%,d</td><td>%,d</td>", c.entries(),
                            c.messagesSent(), c.customersReached(), c.heldOutCustomers()))
                    .append("<td>").append(c.uplift().map(u -> BacktestCommand.percent(u.treated().rate())).orElse("-"))
                    .append("</td><td>")
                    .append(c.uplift().map(u -> BacktestCommand.percent(u.holdout().rate())).orElse("-"))
                    .append("</td><td>").append(escape(c.uplift().map(BacktestCommand::uplift).orElse("no holdout")))
                    .append("</td></tr>");
            bars.add(new Svg.Bar(c.campaignId(), c.messagesSent(), String.format(Locale.ROOT, "%,d messages",
                    c.messagesSent())));
        }
        s.append("</tbody></table>").append(Svg.horizontalBars("backtest-chart", bars, Svg.ACCENT))
                .append("</section>\n");
    }

    private static String label(RfmSegment segment) {
        String words = segment.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String share(int n, int total) {
        return String.format(Locale.ROOT, "%,d (%.1f%%)", n, total == 0 ? 0.0 : 100.0 * n / total);
    }

    private static String money(Money m) {
        return String.format(Locale.ROOT, "%,.2f", m.toBigDecimal());
    }

    /** White to dark blue. */
    private static String blend(double t) {
        int r = (int) Math.round(247 + (8 - 247) * t);
        int g = (int) Math.round(251 + (48 - 251) * t);
        int b = (int) Math.round(255 + (107 - 255) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}
