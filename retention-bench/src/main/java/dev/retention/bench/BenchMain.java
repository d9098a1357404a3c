package dev.retention.bench;

import dev.retention.core.store.InMemoryEventStore;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmark suite for one shop size and writes the summary table.
 *
 * <pre>
 * java -jar retention-bench/target/benchmarks.jar --size small --quick
 * java -jar retention-bench/target/benchmarks.jar --size large
 * </pre>
 *
 * Plain JMH options work too: {@code java -cp benchmarks.jar org.openjdk.jmh.Main -p size=small}.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        ShopSize size = ShopSize.SMALL;
        boolean quick = false;
        Path out = Path.of("retention-bench/target");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = ShopSize.parse(args[++i]);
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --size small|medium|large [--quick] [--out DIR]");
            }
        }
        Files.createDirectories(out);
        System.setProperty("bench.data", out.resolve("bench-data").toString());
        List<String> rows = new ArrayList<>();
        rows.addAll(loadAndMemory(size));
        rows.addAll(jmh(size, quick, out));
        rows.addAll(engine(size, quick, out));
        String table = table(size, quick, rows);
        System.out.println(table);
        Path file = out.resolve("bench-summary-" + size.name().toLowerCase(Locale.ROOT) + ".md");
        Files.writeString(file, table);
        System.out.println("written to " + file);
    }

    /** Loading times (reported apart from queries) and workload 4, bytes per stored event. */
    static List<String> loadAndMemory(ShopSize size) throws Exception {
        BenchShop shop = new BenchShop(size);
        LongAdder generated = new LongAdder();
        long t0 = System.nanoTime();
        shop.generate(e -> generated.increment());
        long generateNanos = System.nanoTime() - t0;

        long before = usedHeapAfterGc();
        t0 = System.nanoTime();
        InMemoryEventStore store = shop.loadStore();
        long libraryNanos = System.nanoTime() - t0;
        long after = usedHeapAfterGc();
        long events = store.eventCount();
        double bytesPerEvent = (after - before) / (double) events;
        double columnBytesPerEvent = store.columnBytes() / (double) events;
        Reference.reachabilityFence(store);
        store = null;

        t0 = System.nanoTime();
        try (DuckShop duck = DuckShop.load(shop)) {
            long duckNanos = System.nanoTime() - t0;
            List<String> rows = new ArrayList<>();
            rows.add(row("load: generate " + String.format(Locale.ROOT, "%,d", events) + " events and store them",
                    libraryNanos / 1e6, duckNanos / 1e6, String.format(Locale.ROOT,
                            "generating alone %.0f ms; library %.2f M events/s incl. generation",
                            generateNanos / 1e6, events / (libraryNanos / 1e9) / 1e6)));
            rows.add(String.format(Locale.ROOT, "| 4. memory: retained heap per stored event | %.1f B | | | "
                    + "columns alone %.1f B/event; target 48 |", bytesPerEvent, columnBytesPerEvent));
            return rows;
        }
    }

    static List<String> jmh(ShopSize size, boolean quick, Path out) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(SegmentBenchmark.class.getName())
                .include(CsvImportBenchmark.class.getName())
                .include(MetricsBenchmark.class.getName())
                .include(PredictiveBenchmark.class.getName())
                .param("size", size.name().toLowerCase(Locale.ROOT))
                .jvmArgs("-Xmx12g", "-Dbench.data=" + System.getProperty("bench.data"))
                .forks(1)
                .warmupIterations(quick ? 1 : 2)
                .measurementIterations(quick ? 2 : 5)
                .warmupTime(TimeValue.seconds(quick ? 1 : 3))
                .measurementTime(TimeValue.seconds(quick ? 1 : 5))
                .result(out.resolve("jmh-" + size.name().toLowerCase(Locale.ROOT) + ".json").toString())
                .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON);
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, Map<String, RunResult>> byWorkload = new LinkedHashMap<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String workload = benchmark.substring(0, benchmark.lastIndexOf('.'));
            String side = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            byWorkload.computeIfAbsent(workload, k -> new LinkedHashMap<>()).put(side, r);
        }
        List<String> rows = new ArrayList<>();
        for (var entry : byWorkload.entrySet()) {
            RunResult library = entry.getValue().get("library");
            RunResult duck = entry.getValue().get("duckdb");
            String name = WORKLOAD_NAMES.getOrDefault(entry.getKey().substring(entry.getKey().lastIndexOf('.') + 1),
                    entry.getKey());
            double lib = library.getPrimaryResult().getScore();
            double peer = duck == null ? Double.NaN : duck.getPrimaryResult().getScore();
            rows.add(row(name + " (" + library.getPrimaryResult().getScoreUnit() + ")", lib, peer,
                    String.format(Locale.ROOT, "library ± %.1f, DuckDB ± %.1f",
                            library.getPrimaryResult().getScoreError(),
                            duck == null ? Double.NaN : duck.getPrimaryResult().getScoreError())));
        }
        rows.sort(null); // rows start with the workload number
        return rows;
    }

    /**
     * JVM options for a process that keeps millions of customers' events in memory: the throughput
     * collector (likely for its cheaper write barrier on the engine's per-event stores into old
     * objects) and transparent huge pages (fewer TLB misses on random reads in a heap of gigabytes; a
     * no-op, with a warning, where the OS has none). A quarter to two fifths less time for the running
     * engine on the large shop, at the price of full collections that stop the process for seconds
     * (RESULTS.md).
     */
    static final List<String> LARGE_HEAP = List.of("-XX:+UseParallelGC", "-XX:+UseTransparentHugePages");

    /**
     * A JVM setting the engine runs under: its name in the summary table, the suffix of its JMH
     * result file ({@code jmh-engine-SIZE<suffix>.json}) and its options.
     */
    record EngineJvm(String name, String fileSuffix, List<String> options) {}

    /** The JVM's defaults (G1), and {@link #LARGE_HEAP}. */
    static final List<EngineJvm> ENGINE_JVMS = List.of(
            new EngineJvm("default JVM", "", List.of()),
            new EngineJvm("ParallelGC + huge pages", "-large-heap", LARGE_HEAP));

    /**
     * Workload 3: no peer; events per second, and bytes allocated per event as measured around the
     * replay, for a running engine and for campaigns switched on at the replay's start, under each
     * of {@link #ENGINE_JVMS}.
     */
    static List<String> engine(ShopSize size, boolean quick, Path out) throws RunnerException {
        BenchShop shop = new BenchShop(size);
        java.time.Instant cut = shop.now().minus(java.time.Duration.ofDays(30));
        LongAdder replayed = new LongAdder();
        shop.generate(e -> {
            if (!e.occurredAt().isBefore(cut)) {
                replayed.increment();
            }
        });
        List<String> rows = new ArrayList<>();
        for (EngineJvm jvm : ENGINE_JVMS) {
            List<String> jvmArgs = new ArrayList<>(List.of("-Xmx12g"));
            jvmArgs.addAll(jvm.options());
            String file = "jmh-engine-" + size.name().toLowerCase(Locale.ROOT) + jvm.fileSuffix() + ".json";
            Collection<RunResult> results = new Runner(new OptionsBuilder()
                    .include(EngineBenchmark.class.getName() + ".library$")
                    .param("size", size.name().toLowerCase(Locale.ROOT))
                    .forks(1)
                    .jvmArgs(jvmArgs.toArray(String[]::new))
                    // about 1.5M events of warm-up whatever the size: the small shop's replay is 12k events,
                    // and three of them leave the JIT compiler half done
                    .warmupIterations(quick ? 1 : (int) Math.max(3, Math.ceil(1_500_000.0 / replayed.sum())))
                    .measurementIterations(quick ? 2 : 5)
                    .result(out.resolve(file).toString())
                    .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
                    .build()).run();
            for (RunResult result : results) {
                rows.add(engineRow(result, jvm.name(), replayed.sum()));
            }
        }
        return rows;
    }

    private static String engineRow(RunResult result, String jvm, long replayed) {
        String campaigns = result.getParams().getParam("campaigns");
        String layout = "native".equals(result.getParams().getParam("layout"))
                ? "facade over the native seam" : "engine over separate stores";
        double millis = result.getPrimaryResult().getScore();
        double eventsPerSecond = replayed / (millis / 1000);
        // an aux counter is summed over the iterations; each iteration's value is already per event
        double allocated = result.getSecondaryResults().entrySet().stream()
                .filter(e -> e.getKey().endsWith("bytesPerEvent"))
                .mapToDouble(e -> e.getValue().getStatistics().getMean()).findFirst().orElse(Double.NaN);
        return String.format(Locale.ROOT, "| 3. campaign engine (%s, %s, %s): %,d events through onEvent, 4 campaigns"
                + " | %.1f | | | %,.0f events/s on one thread (target 1,000,000); %,.0f bytes allocated per event;"
                + " ± %.1f ms |", campaigns, layout, jvm, replayed, millis, eventsPerSecond, allocated,
                result.getPrimaryResult().getScoreError());
    }

    private static final Map<String, String> WORKLOAD_NAMES = Map.of(
            "SegmentBenchmark", "1. membership of 5 segments over all customers",
            "MetricsBenchmark", "2. metrics of a year + monthly cohort matrix",
            "CsvImportBenchmark", "5. CSV import into memory",
            "PredictiveBenchmark", "7. fit BG/NBD and Gamma-Gamma and score every customer");

    private static String row(String workload, double library, double duck, String notes) {
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | %s |", workload, library, duck,
                library / duck, notes);
    }

    static String table(ShopSize size, boolean quick, List<String> rows) {
        Runtime rt = Runtime.getRuntime();
        String hardware = String.format(Locale.ROOT, "%d cores, %d GiB max heap, %s %s, %s", rt.availableProcessors(),
                rt.maxMemory() >> 30, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getArch());
        StringBuilder s = new StringBuilder();
        s.append("## retention vs DuckDB: ").append(size.name().toLowerCase(Locale.ROOT)).append(" shop (")
                .append(String.format(Locale.ROOT, "%,d", size.customers())).append(" customers)")
                .append(quick ? ", quick run" : ", full run").append("\n\n");
        s.append("Date ").append(LocalDate.now(java.time.Clock.systemUTC())).append("; ").append(hardware).append(".\n");
        s.append("Times in ms (lower is better); ratio = library / DuckDB (below 1: the library is faster).\n\n");
        s.append("| workload | library | DuckDB | ratio | notes |\n|---|---:|---:|---:|---|\n");
        rows.forEach(r -> s.append(r).append('\n'));
        return s.toString();
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
