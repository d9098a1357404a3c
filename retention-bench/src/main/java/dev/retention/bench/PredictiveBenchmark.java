package dev.retention.bench;

import dev.retention.core.store.InMemoryEventStore;
import dev.retention.predictive.BgNbdModel;
import dev.retention.predictive.CustomerSummaries;
import dev.retention.predictive.CustomerSummary;
import dev.retention.predictive.GammaGammaModel;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
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

/**
 * Workload 7: fit and score every customer of the shop. From the store: the weekly summaries of
 * all customers (one pass over the store), BG/NBD and Gamma-Gamma fitted by maximum likelihood, and
 * for every customer P(alive), the orders expected in the next 13 weeks and the value expected in
 * the next 52 weeks. No peer: DuckDB has no such models. Loading the store is not timed.
 *
 * <pre>{@code
 * java -Xmx12g -cp retention-bench/target/benchmarks.jar dev.retention.bench.PredictiveBenchmark large 3
 * }</pre>
 * prints the time of each step per round (the first rounds warm up); JMH runs it as
 * {@code org.openjdk.jmh.Main PredictiveBenchmark -p size=large}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx12g")
public class PredictiveBenchmark {
    static final CustomerSummaries WEEKLY = CustomerSummaries.builder().timeUnit(Duration.ofDays(7))
            .sameDayOrdersAsOne(ZoneOffset.UTC).build();

    @Param("small")
    public String size;

    InMemoryEventStore store;
    Instant now;

    @Setup
    public void load() {
        BenchShop shop = new BenchShop(ShopSize.parse(size));
        store = shop.loadStore();
        now = shop.now();
    }

    /** What the workload computes: the models and sums over the scores, so nothing is optimised away. */
    public record Answer(int customers, BgNbdModel orders, GammaGammaModel spend, double sumPAlive,
            double sumExpectedOrders, double sumExpectedValue, long[] nanos) {}

    @Benchmark
    public Answer library() {
        return run(store, now);
    }

    static Answer run(InMemoryEventStore store, Instant now) {
        long[] at = new long[10];
        mark(at, 0);
        List<CustomerSummary> summaries = WEEKLY.of(store, now);
        mark(at, 1);
        BgNbdModel orders = BgNbdModel.fit(summaries);
        mark(at, 2);
        GammaGammaModel spend = GammaGammaModel.fit(summaries);
        mark(at, 3);
        double[] sums = summaries.parallelStream().map(c -> new double[] {orders.probabilityAlive(c),
                orders.expectedOrders(c, 13), spend.expectedAverageValue(c) * orders.expectedOrders(c, 52)})
                .reduce(new double[3], (a, b) -> new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
        mark(at, 4);
        long[] times = new long[10];
        for (int step = 0; step < 4; step++) {
            times[step] = at[2 * (step + 1)] - at[2 * step];
            times[5 + step] = at[2 * (step + 1) + 1] - at[2 * step + 1];
        }
        times[4] = at[8] - at[0];
        times[9] = at[9] - at[1];
        return new Answer(summaries.size(), orders, spend, sums[0], sums[1], sums[2], times);
    }

    /** Wall-clock and process CPU nanoseconds at a step's end: the machine is shared, so both are told. */
    private static void mark(long[] at, int step) {
        at[2 * step] = System.nanoTime();
        at[2 * step + 1] = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Rounds of the workload with each step's time, for RESULTS.md: {@code SIZE ROUNDS}. */
    public static void main(String[] args) {
        ShopSize size = ShopSize.parse(args.length > 0 ? args[0] : "small");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        BenchShop shop = new BenchShop(size);
        long t0 = System.nanoTime();
        InMemoryEventStore store = shop.loadStore();
        System.out.printf(Locale.ROOT, "%s: %,d customers, %,d events loaded in %.1f s%n", size,
                store.customerCount(), store.eventCount(), (System.nanoTime() - t0) / 1e9);
        for (int round = 1; round <= rounds; round++) {
            Answer a = run(store, shop.now());
            long[] n = a.nanos();
            System.out.printf(Locale.ROOT, "round %d, wall (process CPU) s: summaries %.2f (%.2f), BG/NBD fit %.2f"
                    + " (%.2f), Gamma-Gamma fit %.2f (%.2f), scoring %.2f (%.2f), total %.2f (%.2f); %,d customers;"
                    + " %s; %s; mean P(alive) %.4f%n", round, n[0] / 1e9, n[5] / 1e9, n[1] / 1e9, n[6] / 1e9,
                    n[2] / 1e9, n[7] / 1e9, n[3] / 1e9, n[8] / 1e9, n[4] / 1e9, n[9] / 1e9, a.customers(), a.orders(),
                    a.spend(), a.sumPAlive() / a.customers());
        }
    }
}
