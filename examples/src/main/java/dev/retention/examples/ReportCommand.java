package dev.retention.examples;

import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.io.EventCsvReader;
import dev.retention.rules.loyalty.TierBenefits;
import dev.retention.rules.loyalty.TierPolicy;
import dev.retention.rules.loyalty.QualificationWindow;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code report --events FILE --out report.html}: one self-contained HTML page (inline CSS and
 * SVG, no scripts, no external resources) with the cohort heatmap, CRR and AOV by month, RFM
 * segment sizes, the loyalty tier distribution and the backtest of the playbook campaigns.
 */
final class ReportCommand implements DemoCommand {

    /** The tiers the report counts: by spend in the 12 months before the end of the log. */
    static final TierPolicy TIERS = TierPolicy.builder()
            .spend("USD")
            .window(QualificationWindow.rollingMonths(12))
            .baseTier("Member", TierBenefits.none())
            .tier("Silver", Money.of(500, "USD"), TierBenefits.multiplier("1.25"))
            .tier("Gold", Money.of(1500, "USD"), TierBenefits.multiplier("1.5"))
            .build();

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "--events FILE --out FILE.html  one self-contained HTML page: cohorts, CRR, AOV, RFM, tiers, backtest";
    }

    @Override
    public int run(Arguments args, PrintStream out) throws Exception {
        Path file = Path.of(args.required("events"));
        Path target = Path.of(args.required("out"));
        List<CustomerEvent> events = EventCsvReader.strict().read(file).events();
        String html = HtmlReport.render(file.getFileName().toString(), events, TIERS);
        Files.writeString(target, html, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "Wrote %s (%,d bytes) from %,d events%n", target, html.length(), events.size());
        return 0;
    }
}
