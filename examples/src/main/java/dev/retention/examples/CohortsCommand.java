package dev.retention.examples;

import dev.retention.metrics.CohortGranularity;
import dev.retention.metrics.CohortMatrix;
import dev.retention.metrics.CohortTable;
import dev.retention.metrics.OrderLog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cohorts --events FILE [--by month|week]}: the cohort retention matrix of every order in the
 * log, customers grouped by the month (or ISO week) of their first order, in UTC.
 */
@Command(name = "cohorts", sortOptions = false,
        description = "The share of each first-order cohort (by month or ISO week, UTC) active in each later period.")
final class CohortsCommand extends DemoCommand {
    @Option(names = "--events", paramLabel = "FILE", required = true, description = "The event CSV.")
    Path events;

    @Mixin
    EventFileOptions csv;

    @Option(names = "--by", paramLabel = "month|week", defaultValue = "month",
            description = "How to group customers by their first order (default: ${DEFAULT-VALUE}).")
    String by;

    @Override
    public Integer call() {
        CohortGranularity granularity;
        if (by.equals("month")) {
            granularity = CohortGranularity.MONTH;
        } else if (by.equals("week")) {
            granularity = CohortGranularity.WEEK;
        } else {
            throw usageError("--by must be month or week, got '" + by + "'");
        }
        OrderLog log = MetricsCommand.load(csv, events);
        // just after the last order, so every order counts
        Instant asOf = log.lastOrderAt().map(t -> t.plusNanos(1)).orElse(Instant.EPOCH);
        CohortMatrix matrix = CohortMatrix.of(log, granularity, asOf);
        out().printf(Locale.ROOT, "Cohorts by %s of first order: share of each cohort with an order in the period +k"
                + " (%,d customers, %,d orders)%n", by, log.customerCount(), log.orderCount());
        out().print(CohortTable.render(matrix));
        return Demo.OK;
    }
}
