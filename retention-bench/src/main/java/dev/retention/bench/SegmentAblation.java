package dev.retention.bench;

import com.sun.management.ThreadMXBean;
import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.rules.segment.Catalog;
import dev.retention.rules.segment.EvaluationContext;
import dev.retention.rules.segment.Membership;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentEvaluator;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Workload 1 side by side in one JVM, round after round, so that the shared machine's drift hits
 * the library and DuckDB alike: {@link SegmentBenchmark}'s setup (which checks both answers), then
 * per round its two benchmark methods alternated (wall time, both on all cores) and, on one thread,
 * the library's parts: the histories alone, each segment alone, all five, and all five with the
 * evaluator as it was before 2026-12-02 (see {@link #previousEvaluator}), in CPU time and bytes
 * allocated per customer (less moved by other processes than wall time). Not a JMH benchmark, on
 * purpose.
 *
 * <pre>{@code
 * java -Xmx5g -cp retention-bench/target/benchmarks.jar dev.retention.bench.SegmentAblation medium 6
 * }</pre>
 *
 * The first round is warm-up; each line after it is one round, and the medians close the run.
 */
public final class SegmentAblation {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private SegmentAblation() {}

    public static void main(String[] args) throws SQLException {
        String size = args.length > 0 ? args[0] : "small";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        SegmentBenchmark benchmark = new SegmentBenchmark();
        benchmark.size = size;
        benchmark.load();
        long customers = benchmark.store.customerCount();
        Map<String, LongSupplier> parts = new LinkedHashMap<>();
        parts.put("histories alone", () -> benchmark.store.histories().mapToLong(CustomerHistory::eventCount).sum());
        for (Segment segment : SegmentBenchmark.SEGMENTS) {
            SegmentEvaluator one = SegmentEvaluator.builder(segment).build();
            parts.put(segment.name(), () -> one.members(benchmark.store, benchmark.profiles, benchmark.now).count());
        }
        SegmentEvaluator all = SegmentEvaluator.builder(SegmentBenchmark.SEGMENTS.get(0),
                SegmentBenchmark.SEGMENTS.subList(1, SegmentBenchmark.SEGMENTS.size()).toArray(Segment[]::new)).build();
        parts.put("all five, one thread", () -> all.membersOfEach(benchmark.store, benchmark.profiles, benchmark.now)
                .values().stream().mapToLong(m -> m.count()).sum());
        parts.put("all five, previous evaluator", () -> previousEvaluator(benchmark));
        System.out.printf(Locale.ROOT, "%s shop, %,d customers; wall ms on all cores (library, DuckDB, ratio); "
                + "one thread: ns CPU per customer (bytes allocated per customer)%n", size, customers);
        Map<String, List<Double>> measured = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            System.gc();
            long start = System.nanoTime();
            benchmark.library();
            double library = (System.nanoTime() - start) / 1e6;
            System.gc();
            start = System.nanoTime();
            benchmark.duckdb();
            double duckdb = (System.nanoTime() - start) / 1e6;
            line.append(String.format(Locale.ROOT, " library %.1f, DuckDB %.1f, %.2fx", library, duckdb,
                    library / duckdb));
            record(measured, round, "library ms", library);
            record(measured, round, "DuckDB ms", duckdb);
            record(measured, round, "ratio", library / duckdb);
            for (Map.Entry<String, LongSupplier> part : parts.entrySet()) {
                System.gc();
                long cpu = THREADS.getCurrentThreadCpuTime();
                long bytes = THREADS.getCurrentThreadAllocatedBytes();
                part.getValue().getAsLong();
                double nanos = (THREADS.getCurrentThreadCpuTime() - cpu) / (double) customers;
                double allocated = (THREADS.getCurrentThreadAllocatedBytes() - bytes) / (double) customers;
                line.append(String.format(Locale.ROOT, "; %s %.0f (%.0f B)", part.getKey(), nanos, allocated));
                record(measured, round, part.getKey() + " ns", nanos);
                record(measured, round, part.getKey() + " B", allocated);
            }
            System.out.println(line);
        }
        System.out.println("medians of the rounds after the first:");
        measured.forEach((name, values) -> System.out.printf(Locale.ROOT, "  %s: %.2f (%s)%n", name, median(values),
                values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(" / "))));
        benchmark.close();
    }

    /**
     * The evaluator as it was before 2026-12-02, on one thread, for a side-by-side comparison: a
     * snapshot history per customer, a profile looked up for each, a list and a sort per segment,
     * and every membership's order checked again by its constructor.
     */
    static long previousEvaluator(SegmentBenchmark benchmark) {
        List<Segment> segments = SegmentBenchmark.SEGMENTS;
        int n = segments.size();
        List<List<CustomerId>> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            found.add(new ArrayList<>());
        }
        benchmark.store.histories().sequential().forEach(history -> {
            EvaluationContext context = new EvaluationContext(history,
                    benchmark.profiles.profileOrUnknown(history.customerId()), benchmark.now, Catalog.empty());
            for (int i = 0; i < n; i++) {
                if (segments.get(i).test(context)) {
                    found.get(i).add(history.customerId());
                }
            }
        });
        long total = 0;
        for (int i = 0; i < n; i++) {
            CustomerId[] members = found.get(i).toArray(CustomerId[]::new);
            Arrays.sort(members);
            total += new Membership(segments.get(i).name(), benchmark.now, Arrays.asList(members)).count();
        }
        return total;
    }

    private static void record(Map<String, List<Double>> measured, int round, String name, double value) {
        if (round > 0) {
            measured.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
