package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.io.EventCsvWriter;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.metrics.CohortGranularity;
import dev.retention.metrics.CohortMatrix;
import dev.retention.metrics.OrderLog;
import dev.retention.predictive.BgNbdModel;
import dev.retention.predictive.CustomerSummary;
import dev.retention.predictive.GammaGammaModel;
import dev.retention.predictive.LifetimeValue;
import dev.retention.testkit.SyntheticShop;
import dev.retention.testkit.backtest.BacktestResult;
import dev.retention.testkit.backtest.CampaignOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTML report of a seeded synthetic shop: well-formed, self-contained, and showing the library's numbers. */
class ReportCommandTest {
    @TempDir
    static Path dir;
    static List<CustomerEvent> events;
    static Path report;
    static String html;
    static Document doc;

    @BeforeAll
    static void writeReport() throws Exception {
        // a product name with markup proves that text is escaped (the CSV carries ids, so a hostile id does)
        events = SyntheticShop.of(600, 11).events();
        Path csv = dir.resolve("shop <&> \"events\".csv");
        try (Writer w = Files.newBufferedWriter(csv)) {
            EventCsvWriter.create().write(events, w);
        }
        report = dir.resolve("report.html");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Demo.run(new String[] {"report", "--events", csv.toString(), "--out", report.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        html = Files.readString(report);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void isOneWellFormedPageWithEverySection() {
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        for (String id : List.of("cohorts", "crr", "aov", "rfm", "tiers", "p-alive", "clv", "backtest")) {
            assertThat(byId("section", id)).as("section " + id).isNotNull();
        }
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(7);
    }

    @Test
    void loadsNothingFromOutside() {
        assertThat(html).doesNotContain("http://", "https://", "//cdn", "url(", "@import", "<script", "<link",
                "<img", "<iframe");
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertThat(e.hasAttribute("src")).as(e.getTagName() + " src").isFalse();
            assertThat(e.hasAttribute("href")).as(e.getTagName() + " href").isFalse();
        }
    }

    @Test
    void escapesTheFileName() {
        assertThat(html).contains("shop &lt;&amp;&gt; &quot;events&quot;.csv").doesNotContain("shop <&>");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Retention report: shop <&> \"events\".csv");
    }

    @Test
    void cohortCellsAreTheCohortMatrix() {
        InMemoryEventStore store = new InMemoryEventStore();
        store.appendAll(events);
        OrderLog log = OrderLog.of(store);
        Instant asOf = LocalDate.ofInstant(log.lastOrderAt().orElseThrow(), ZoneOffset.UTC).plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        CohortMatrix matrix = CohortMatrix.of(log, CohortGranularity.MONTH, asOf);

        Map<String, Element> cells = new HashMap<>();
        NodeList tds = byId("table", "cohort-table").getElementsByTagName("td");
        for (int i = 0; i < tds.getLength(); i++) {
            Element td = (Element) tds.item(i);
            if (td.hasAttribute("data-cohort")) {
                cells.put(td.getAttribute("data-cohort") + "/" + td.getAttribute("data-k"), td);
            }
        }
        int expectedCells = 0;
        for (CohortMatrix.Cohort c : matrix.cohorts()) {
            for (int k = 0; k < c.active().size(); k++) {
                Element td = cells.get(YearMonth.from(c.start()) + "/" + k);
                assertThat(td).as("cell %s +%d", c.start(), k).isNotNull();
                assertThat(Long.parseLong(td.getAttribute("data-active"))).isEqualTo(c.active().get(k));
                assertThat(td.getTextContent())
                        .isEqualTo(String.format(Locale.ROOT, "%.1f%%", 100.0 * c.active().get(k) / c.customers()));
                expectedCells++;
            }
        }
        assertThat(cells).hasSize(expectedCells);
        assertThat(expectedCells).isGreaterThan(100);
    }

    @Test
    void tierBarsCountEveryCustomerOnce() {
        long sum = 0;
        NodeList rects = byId("svg", "tier-chart").getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            sum += Math.round(Double.parseDouble(((Element) rects.item(i)).getAttribute("data-value")));
        }
        assertThat(rects.getLength()).isEqualTo(3);
        assertThat(sum).isEqualTo(events.stream().map(CustomerEvent::customerId).distinct().count());
    }

    @Test
    void backtestRowsAreTheBacktest() {
        InMemoryEventStore store = new InMemoryEventStore();
        store.appendAll(events);
        OrderLog log = OrderLog.of(store);
        LocalDate first = LocalDate.ofInstant(log.firstOrderAt().orElseThrow(), ZoneOffset.UTC);
        LocalDate end = LocalDate.ofInstant(log.lastOrderAt().orElseThrow(), ZoneOffset.UTC).plusDays(1);
        BacktestResult result = BacktestCommand.run(events, first, end, HtmlReport.CONVERSION_WINDOW);
        NodeList rows = byId("table", "backtest-table").getElementsByTagName("tr");
        assertThat(rows.getLength()).isEqualTo(1 + result.campaigns().size());
        for (int i = 1; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            CampaignOutcome c = result.campaign(row.getAttribute("data-campaign")).orElseThrow();
            NodeList td = row.getElementsByTagName("td");
            assertThat(td.item(1).getTextContent()).isEqualTo(String.format(Locale.ROOT, "%,d", c.entries()));
            assertThat(td.item(2).getTextContent()).isEqualTo(String.format(Locale.ROOT, "%,d", c.messagesSent()));
        }
        assertThat(result.campaign("abandoned-view").orElseThrow().entries()).isPositive();
    }

    @Test
    void pAliveBarsAreTheModelsScoresOfEveryCustomerFittedUpToTheCutOffThePageStates() {
        InMemoryEventStore store = new InMemoryEventStore();
        store.appendAll(events);
        OrderLog log = OrderLog.of(store);
        Instant asOf = LocalDate.ofInstant(log.lastOrderAt().orElseThrow(), ZoneOffset.UTC).plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant cutoff = PredictionSections.cutoff(log.firstOrderAt().orElseThrow(), asOf);
        assertThat(cutoff).isEqualTo(asOf.minus(java.time.Duration.ofDays(182))); // the shop runs two years
        var calibration = PredictionSections.WEEKLY.of(store, cutoff);
        BgNbdModel model = BgNbdModel.fit(calibration);
        int[] expected = new int[10];
        for (CustomerSummary c : PredictionSections.WEEKLY.of(store, asOf)) {
            expected[Math.min(9, (int) Math.floor(model.probabilityAlive(c) * 10))]++;
        }

        NodeList rects = byId("svg", "p-alive-chart").getElementsByTagName("rect");
        assertThat(rects.getLength()).isEqualTo(10);
        for (int k = 0; k < 10; k++) {
            Element rect = (Element) rects.item(k);
            assertThat(rect.getAttribute("data-label"))
                    .isEqualTo(String.format(Locale.ROOT, "%.1f to %.1f", k / 10.0, (k + 1) / 10.0));
            assertThat(Math.round(Double.parseDouble(rect.getAttribute("data-value")))).as("bucket %d", k)
                    .isEqualTo(expected[k]);
        }
        assertThat(expected[9]).as("the one-time buyers at least").isPositive();
        assertThat(expected[0] + expected[1] + expected[2]).as("lapsed customers").isPositive();
        String note = byId("section", "p-alive").getTextContent();
        assertThat(note).contains("calibration cut-off " + LocalDate.ofInstant(cutoff, ZoneOffset.UTC) + " (UTC;",
                String.format(Locale.ROOT, "%,d customers;", calibration.size()),
                String.format(Locale.ROOT, "r = %.3f", model.r()));
        Element check = byId("p", "holdout-check");
        double expectedHoldout = 0;
        for (CustomerSummary c : calibration) {
            expectedHoldout += model.expectedOrders(c, 26);
        }
        Element expectedB = (Element) check.getElementsByTagName("b").item(0);
        assertThat(Double.parseDouble(expectedB.getAttribute("data-expected")))
                .isCloseTo(expectedHoldout, org.assertj.core.api.Assertions.within(0.001));
        long actual = Long.parseLong(((Element) check.getElementsByTagName("b").item(1)).getAttribute("data-actual"));
        assertThat(actual).isPositive();
        assertThat(expectedHoldout / actual).as("the model's own check").isBetween(0.6, 1.6);
    }

    @Test
    void lifetimeValueRowsAreTheMeansOfTheModelsValuesByFirstOrderMonth() {
        InMemoryEventStore store = new InMemoryEventStore();
        store.appendAll(events);
        OrderLog log = OrderLog.of(store);
        Instant asOf = LocalDate.ofInstant(log.lastOrderAt().orElseThrow(), ZoneOffset.UTC).plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant cutoff = PredictionSections.cutoff(log.firstOrderAt().orElseThrow(), asOf);
        var calibration = PredictionSections.WEEKLY.of(store, cutoff);
        BgNbdModel orders = BgNbdModel.fit(calibration);
        GammaGammaModel spend = GammaGammaModel.fit(calibration);
        Map<String, double[]> byCohort = new HashMap<>();
        store.histories().forEach(h -> {
            CustomerSummary c = PredictionSections.WEEKLY.of(h, asOf).orElseThrow();
            double[] sums = byCohort.computeIfAbsent(YearMonth.from(LocalDate.ofInstant(h.firstOrderAt().orElseThrow(),
                    ZoneOffset.UTC)).toString(), k -> new double[2]);
            sums[0]++;
            sums[1] += LifetimeValue.of(orders, spend, c, 12, 365.0 / 12 / 7, 0.01);
        });

        NodeList rows = byId("table", "clv-table").getElementsByTagName("tr");
        assertThat(rows.getLength()).isEqualTo(1 + byCohort.size());
        for (int i = 1; i < rows.getLength(); i++) {
            Element row = (Element) rows.item(i);
            double[] sums = byCohort.get(row.getAttribute("data-cohort"));
            NodeList td = row.getElementsByTagName("td");
            assertThat(td.item(1).getTextContent()).isEqualTo(String.format(Locale.ROOT, "%,d", (long) sums[0]));
            assertThat(td.item(3).getTextContent()).isEqualTo(String.format(Locale.ROOT, "%,.2f", sums[1] / sums[0]));
        }
        assertThat(byId("svg", "clv-chart").getElementsByTagName("rect").getLength()).isEqualTo(byCohort.size());
        assertThat(byId("section", "clv").getTextContent()).contains("next 12 months", "discounted 1% a month",
                "cut-off " + LocalDate.ofInstant(cutoff, ZoneOffset.UTC));
    }

    @Test
    void rendersInHeadlessChromiumWhenInstalled() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        assumeTrue(Files.isExecutable(chromium), "Debian's chromium is not installed");
        Path png = dir.resolve("report.png");
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1200,2400",
                report.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(png).isRegularFile();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(10_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        String keep = System.getProperty("retention.report.screenshot");
        if (keep != null) {
            Files.copy(png, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(report, Path.of(keep + ".html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Element byId(String tag, String id) {
        NodeList nodes = doc.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }
}
