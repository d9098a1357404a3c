package dev.retention.examples;

import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.rules.loyalty.TierBenefits;
import dev.retention.rules.loyalty.TierPolicy;
import dev.retention.rules.loyalty.QualificationWindow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code report --events FILE --out report.html}: one self-contained HTML page (inline CSS and
 * SVG, no scripts, no external resources) with the cohort heatmap, CRR and AOV by month, RFM
 * segment sizes, the loyalty tier distribution, the P(alive) distribution and lifetime value by
 * cohort (BG/NBD and Gamma-Gamma fitted up to a calibration cut-off) and the backtest of the
 * playbook campaigns.
 */
@Command(name = "report", sortOptions = false,
        description = "Write one self-contained HTML page (inline CSS and SVG, no scripts): cohorts, CRR, AOV, RFM,"
                + " loyalty tiers, P(alive) and lifetime value by cohort, the playbook backtest. Progress goes to stderr.")
final class ReportCommand extends DemoCommand {

    /** The tiers the report counts: by spend in the 12 months before the end of the log. */
    static final TierPolicy TIERS = TierPolicy.builder()
            .spend("USD")
            .window(QualificationWindow.rollingMonths(12))
            .baseTier("Member", TierBenefits.none())
            .tier("Silver", Money.of(500, "USD"), TierBenefits.multiplier("1.25"))
            .tier("Gold", Money.of(1500, "USD"), TierBenefits.multiplier("1.5"))
            .build();

    @Option(names = "--events", paramLabel = "FILE", required = true, description = "The event CSV.")
    Path events;

    @Mixin
    EventFileOptions csv;

    @Option(names = "--out", paramLabel = "FILE.html", required = true, description = "The page to write.")
    Path target;

    @Override
    public Integer call() {
        Progress progress = progress();
        progress.say("reading %s", events);
        List<CustomerEvent> log = csv.read(events);
        progress.say("read %,d events", log.size());
        String html = HtmlReport.render(events.getFileName().toString(), log, TIERS, progress);
        try {
            Files.writeString(target, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw BadInputException.cannotWrite(target, e);
        }
        out().printf(Locale.ROOT, "Wrote %s (%,d bytes) from %,d events%n", target, html.length(), log.size());
        return Demo.OK;
    }
}
