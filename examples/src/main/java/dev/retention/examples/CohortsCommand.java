package dev.retention.examples;

import dev.retention.metrics.CohortGranularity;
import dev.retention.metrics.CohortMatrix;
import dev.retention.metrics.CohortTable;
import dev.retention.metrics.OrderLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code cohorts --events FILE [--by month|week]}: the cohort retention matrix of every order in the
 * log, customers grouped by the month (or ISO week) of their first order, in UTC.
 */
final class CohortsCommand implements DemoCommand {

    @Override
    public String name() {
        return "cohorts";
    }

    @Override
    public String usage() {
        return "--events FILE [--by month|week]  share of each first-order cohort active in each later period";
    }

    @Override
    public int run(Arguments args, PrintStream out) {
        Path file = Path.of(args.required("events"));
        String by = args.optional("by").orElse("month");
        CohortGranularity granularity;
        if (by.equals("month")) {
            granularity = CohortGranularity.MONTH;
        } else if (by.equals("week")) {
            granularity = CohortGranularity.WEEK;
        } else {
            throw new IllegalArgumentException("--by must be month or week, got '" + by + "'");
        }
        OrderLog log = MetricsCommand.load(file);
        // just after the last order, so every order counts
        Instant asOf = log.lastOrderAt().map(t -> t.plusNanos(1)).orElse(Instant.EPOCH);
        CohortMatrix matrix = CohortMatrix.of(log, granularity, asOf);
        out.printf(Locale.ROOT, "Cohorts by %s of first order: share of each cohort with an order in the period +k"
                + " (%,d customers, %,d orders)%n", by, log.customerCount(), log.orderCount());
        out.print(CohortTable.render(matrix));
        return 0;
    }
}
