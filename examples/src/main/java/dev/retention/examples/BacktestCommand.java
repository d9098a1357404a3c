package dev.retention.examples;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.metrics.CampaignUplift;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.senders.WebhookSender;
import dev.retention.testkit.backtest.Backtest;
import dev.retention.testkit.backtest.BacktestResult;
import dev.retention.testkit.backtest.CampaignOutcome;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code backtest --events FILE --from DATE --to DATE [--window DAYS] [--webhook URL --secret S]}:
 * what the four playbook campaigns would have sent over {@code [from, to)} of the log, with daily
 * ticks at midnight UTC, and how treated customers converted against the holdout; with a webhook,
 * the messages of the last day are posted to it, signed, as a shop's live engine would.
 */
@Command(name = "backtest", sortOptions = false,
        description = "Replay the four playbook campaigns over [from, to) of an event CSV (daily ticks at 00:00 UTC)"
                + " and compare treated customers' conversion with the holdout's. Progress goes to stderr.")
final class BacktestCommand extends DemoCommand {
    @Option(names = "--events", paramLabel = "FILE", required = true, description = "The event CSV.")
    Path events;

    @Mixin
    EventFileOptions csv;

    @Option(names = "--from", paramLabel = "DATE", required = true, converter = OptionValues.Date.class,
            description = "The first day decisions are made, YYYY-MM-DD; earlier events are history.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", required = true, converter = OptionValues.Date.class,
            description = "The day the replay stops, YYYY-MM-DD (exclusive).")
    LocalDate to;

    @Option(names = "--window", paramLabel = "DAYS", defaultValue = "14",
            description = "An order this many days after a decision converts (default: ${DEFAULT-VALUE}).")
    long windowDays;

    @Option(names = "--webhook", paramLabel = "URL",
            description = "POST the messages sent on the last day to this URL, signed (needs --secret).")
    String webhook;

    @Option(names = "--secret", paramLabel = "S", description = "The webhook's signing secret.")
    String secret;

    @Override
    public Integer call() {
        if (!to.isAfter(from)) {
            throw usageError("--to (" + to + ") must be after --from (" + from + ")");
        }
        if (windowDays < 1) {
            throw usageError("--window must be a positive number of days, got " + windowDays);
        }
        if ((webhook == null) != (secret == null)) {
            throw usageError("--webhook and --secret go together");
        }
        WebhookSender sender = webhook == null ? null : webhookSender(webhook, secret);
        Duration window = Duration.ofDays(windowDays);
        Progress progress = progress();
        progress.say("reading %s", events);
        List<CustomerEvent> log = csv.read(events);
        progress.say("read %,d events", log.size());
        BacktestResult result = progress.during(String.format(Locale.ROOT,
                "replaying %s to %s through the four playbook campaigns", from, to),
                () -> run(log, from, to, window));
        PrintWriter out = out();
        out.printf(Locale.ROOT, "Backtest of the playbook campaigns over %,d events, %s to %s (exclusive), ticks daily"
                + " at 00:00 UTC; conversion = an order within %d days of the decision%n%n", log.size(), from, to,
                window.toDays());
        out.print(table(result));
        if (sender != null) {
            List<OutgoingMessage> lastDay = lastDay(result, midnight(to.minusDays(1)));
            Map<DeliveryResult.Status, Integer> answers = progress.during(String.format(Locale.ROOT,
                    "posting %,d messages to the webhook", lastDay.size()), () -> post(sender, lastDay));
            out.printf(Locale.ROOT, "%nWebhook: the %,d messages sent on %s posted to %s: %d delivered, %d to retry,"
                    + " %d failed%n", lastDay.size(), to.minusDays(1), webhook,
                    answers.getOrDefault(DeliveryResult.Status.SENT, 0)
                            + answers.getOrDefault(DeliveryResult.Status.DUPLICATE, 0),
                    answers.getOrDefault(DeliveryResult.Status.RETRYABLE_FAILURE, 0),
                    answers.getOrDefault(DeliveryResult.Status.PERMANENT_FAILURE, 0));
        }
        return Demo.OK;
    }

    private WebhookSender webhookSender(String url, String key) {
        try {
            return WebhookSender.builder(URI.create(url), key).build();
        } catch (IllegalArgumentException e) {
            throw usageError("--webhook/--secret: " + e.getMessage());
        }
    }

    /** The messages the backtest sent at or after {@code since}, campaign by campaign, in the order sent. */
    static List<OutgoingMessage> lastDay(BacktestResult result, Instant since) {
        return result.campaigns().stream()
                .flatMap(c -> result.decisions(c.campaignId(), FireStatus.SENT).stream())
                .filter(e -> !e.updatedAt().isBefore(since))
                .map(FireEntry::message).toList();
    }

    private static Map<DeliveryResult.Status, Integer> post(WebhookSender sender, List<OutgoingMessage> messages) {
        Map<DeliveryResult.Status, Integer> answers = new EnumMap<>(DeliveryResult.Status.class);
        for (OutgoingMessage m : messages) {
            answers.merge(sender.send(m).status(), 1, Integer::sum);
        }
        return answers;
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
}
