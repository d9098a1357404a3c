package dev.retention.bench;

import dev.retention.metrics.AverageOrderValue;
import dev.retention.metrics.CohortGranularity;
import dev.retention.metrics.CohortMatrix;
import dev.retention.metrics.OrderLog;
import dev.retention.metrics.PurchaseFrequency;
import dev.retention.metrics.RepeatPurchaseRate;
import dev.retention.metrics.ReportingPeriod;
import dev.retention.metrics.RetentionRate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Workload 2: the metrics of the last year of the shop (CRR with S, N, E; repeat purchase rate;
 * orders, revenue and AOV; purchase frequency with mean and median inter-purchase interval) plus
 * the monthly cohort matrix. The library works on an {@link OrderLog} built once from the store;
 * DuckDB on its native {@code orders} table. Both answers are compared before timing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx12g")
public class MetricsBenchmark {

    @Param("small")
    public String size;

    OrderLog log;
    DuckShop duck;
    ReportingPeriod period;
    Instant asOf;

    @Setup
    public void load() throws SQLException {
        BenchShop shop = new BenchShop(ShopSize.parse(size));
        log = OrderLog.of(shop.loadStore());
        duck = DuckShop.load(shop);
        asOf = shop.now();
        period = ReportingPeriod.of(asOf.minus(Duration.ofDays(365)), asOf);
        Answer library = library();
        Answer sql = duckdb();
        if (!library.equals(sql)) {
            throw new IllegalStateException("library and DuckDB disagree:\n" + library + "\n" + sql);
        }
    }

    @TearDown
    public void close() throws SQLException {
        duck.close();
    }

    /** What both sides compute; equal answers are a precondition of timing them. */
    public record Answer(long customersAtStart, long newCustomers, long customersAtEnd, long retained,
            long repeatCustomers, long orders, long revenueMinor, long meanIntervalMicros, long medianIntervalMicros,
            List<List<Long>> cohorts) {}

    @Benchmark
    public Answer library() {
        RetentionRate crr = RetentionRate.of(log, period);
        RepeatPurchaseRate repeat = RepeatPurchaseRate.of(log, period);
        AverageOrderValue aov = AverageOrderValue.of(log, period).get(0);
        PurchaseFrequency frequency = PurchaseFrequency.of(log, period);
        CohortMatrix cohorts = CohortMatrix.of(log, CohortGranularity.MONTH, asOf);
        List<List<Long>> rows = new ArrayList<>();
        for (CohortMatrix.Cohort c : cohorts.cohorts()) {
            List<Long> row = new ArrayList<>();
            row.add(c.customers());
            row.addAll(c.active());
            rows.add(row);
        }
        return new Answer(crr.customersAtStart(), crr.newCustomers(), crr.customersAtEnd(), crr.retained(),
                repeat.repeatCustomers(), aov.orders(), aov.revenue().minorUnits(),
                frequency.meanInterval().orElseThrow().toNanos() / 1_000,
                frequency.medianInterval().orElseThrow().toNanos() / 1_000, rows);
    }

    private static final String PER_CUSTOMER = """
            WITH per_customer AS (
              SELECT customer_id, min(occurred_at) AS first_at,
                     count(*) FILTER (WHERE occurred_at >= $1 AND occurred_at < $2) AS in_period
              FROM orders GROUP BY customer_id)
            SELECT count(*) FILTER (WHERE first_at < $1),
                   count(*) FILTER (WHERE first_at >= $1 AND first_at < $2),
                   count(*) FILTER (WHERE in_period > 0),
                   count(*) FILTER (WHERE first_at < $1 AND in_period > 0),
                   count(*) FILTER (WHERE in_period >= 2)
            FROM per_customer""";

    private static final String ORDERS_AND_INTERVALS = """
            WITH in_period AS (
              SELECT customer_id, total,
                     epoch_us(occurred_at) - lag(epoch_us(occurred_at))
                         OVER (PARTITION BY customer_id ORDER BY occurred_at) AS gap
              FROM orders WHERE occurred_at >= $1 AND occurred_at < $2)
            SELECT count(*), sum(total), avg(gap), median(gap) FROM in_period""";

    private static final String COHORTS = """
            WITH firsts AS (
              SELECT customer_id, date_trunc('month', min(occurred_at)) AS cohort
              FROM orders WHERE occurred_at < $1 GROUP BY customer_id),
            active AS (
              SELECT DISTINCT o.customer_id, f.cohort, date_trunc('month', o.occurred_at) AS month
              FROM orders o JOIN firsts f USING (customer_id) WHERE o.occurred_at < $1)
            SELECT cohort, date_diff('month', cohort, month) AS k, count(*)
            FROM active GROUP BY cohort, k ORDER BY cohort, k""";

    @Benchmark
    public Answer duckdb() throws SQLException {
        Connection c = duck.connection();
        Timestamp from = timestamp(period.from());
        Timestamp to = timestamp(period.to());
        long[] counts = new long[5];
        try (PreparedStatement s = c.prepareStatement(PER_CUSTOMER)) {
            s.setTimestamp(1, from);
            s.setTimestamp(2, to);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int i = 0; i < 5; i++) {
                    counts[i] = rs.getLong(i + 1);
                }
            }
        }
        long orders;
        long revenue;
        long mean;
        long median;
        try (PreparedStatement s = c.prepareStatement(ORDERS_AND_INTERVALS)) {
            s.setTimestamp(1, from);
            s.setTimestamp(2, to);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                orders = rs.getLong(1);
                revenue = rs.getLong(2);
                mean = (long) Math.floor(rs.getDouble(3));
                median = (long) Math.floor(rs.getDouble(4));
            }
        }
        List<List<Long>> rows = new ArrayList<>();
        java.time.YearMonth lastMonth = java.time.YearMonth.from(
                LocalDateTime.ofInstant(asOf.minusNanos(1), ZoneOffset.UTC));
        try (PreparedStatement s = c.prepareStatement(COHORTS)) {
            s.setTimestamp(1, timestamp(asOf));
            try (ResultSet rs = s.executeQuery()) {
                java.time.LocalDate current = null;
                List<Long> row = null;
                while (rs.next()) {
                    java.time.LocalDate cohort = rs.getObject(1, java.time.LocalDate.class);
                    if (!cohort.equals(current)) {
                        current = cohort;
                        // size, then one column per month from the cohort's to the last one before asOf
                        int columns = (int) java.time.temporal.ChronoUnit.MONTHS.between(
                                java.time.YearMonth.from(cohort), lastMonth) + 1;
                        row = new ArrayList<>(java.util.Collections.nCopies(columns + 1, 0L));
                        rows.add(row);
                    }
                    int k = rs.getInt(2);
                    row.set(k + 1, rs.getLong(3));
                    if (k == 0) {
                        row.set(0, rs.getLong(3)); // everyone in a cohort is active in its first month
                    }
                }
            }
        }
        return new Answer(counts[0], counts[1], counts[2], counts[3], counts[4], orders, revenue, mean, median, rows);
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
