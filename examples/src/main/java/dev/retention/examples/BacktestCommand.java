package dev.retention.examples;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.io.EventCsvReader;
import dev.retention.metrics.CampaignUplift;
import dev.retention.testkit.backtest.Backtest;
import dev.retention.testkit.backtest.BacktestResult;
import dev.retention.testkit.backtest.CampaignOutcome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * {@code backtest --events FILE --from DATE --to DATE [--window DAYS]}: what the four playbook
 * campaigns would have sent over {@code [from, to)} of the log, with daily ticks at midnight UTC,
 * and how treated customers converted against the holdout.
 */
final class BacktestCommand implements DemoCommand {

    @Override
    public String name() {
        return "backtest";
    }

    @Override
    public String usage() {
        return "--events FILE --from DATE --to DATE [--window DAYS]  replay the playbook campaigns over the log";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        Path file = Path.of(args.required("events"));
        LocalDate from = MetricsCommand.date(args, "from");
        LocalDate to = MetricsCommand.date(args, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("--to (" + to + ") must be after --from (" + from + ")");
        }
        Duration window = Duration.ofDays(days(args.optional("window").orElse("14")));
        List<CustomerEvent> events = EventCsvReader.strict().read(file).events();
        BacktestResult result = run(events, from, to, window);
        out.printf(Locale.ROOT, "Backtest of the playbook campaigns over %,d events, %s to %s (exclusive), ticks daily"
                + " at 00:00 UTC; conversion = an order within %d days of the decision%n%n", events.size(), from, to,
                window.toDays());
        out.print(table(result));
        return 0;
    }

    static BacktestResult run(List<CustomerEvent> events, LocalDate from, LocalDate to, Duration window) {
        return Backtest.of(PlaybookCampaigns.all()).over(events).conversionWindow(window)
                .from(midnight(from)).to(midnight(to));
    }

    static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The per-campaign table, one line a campaign. */
    static String table(BacktestResult result) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-18s %8s %9s %9s %8s %10s %10s  %s%n", "campaign", "entries",
                "messages", "reached", "held out", "treated", "holdout", "uplift (95% CI)"));
        for (CampaignOutcome c : result.campaigns()) {
            s.append(String.format(Locale.ROOT, "%-18s %,8d %,9d %,9d %,8d %10s %10s  %s%n", c.campaignId(),
                    c.entries(), c.messagesSent(), c.customersReached(), c.heldOutCustomers(),
                    c.uplift().map(u -> percent(u.treated().rate())).orElse("-"),
                    c.uplift().map(u -> percent(u.holdout().rate())).orElse("-"),
                    c.uplift().map(BacktestCommand::uplift).orElse("no holdout to compare")));
        }
        return s.toString();
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    static String uplift(CampaignUplift u) {
        return String.format(Locale.ROOT, "%+.1f pts (%+.1f to %+.1f)", u.difference() * 100,
                u.interval95().lower() * 100, u.interval95().upper() * 100);
    }

    private static long days(String text) {
        try {
            long days = Long.parseLong(text);
            if (days > 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--window must be a positive number of days, got '" + text + "'");
    }
}
