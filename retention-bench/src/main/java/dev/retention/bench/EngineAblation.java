package dev.retention.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Splits the running engine's time per replayed event by what it does: the store alone, the engine
 * with no campaign, each playbook campaign alone, all four. Not a JMH benchmark, on purpose: one JVM
 * replays the same events with each configuration in turn (a fresh store and a {@code tick} before
 * every replay, as {@link EngineBenchmark} with {@code campaigns=running}), round after round, so
 * that the configurations share the machine's state of the moment; separate JVMs on a shared machine
 * drift by more than the differences this looks for. The first round is warm-up.
 *
 * <pre>{@code
 * java -Xmx14g -cp retention-bench/target/benchmarks.jar dev.retention.bench.EngineAblation large 3
 * }</pre>
 *
 * Prints one markdown row per configuration: microseconds per replayed event in each round after
 * the first, entries recorded or changed during the replay, bytes allocated per event. The engine
 * is compiled after about a million replayed events: on the small and medium shops, give more rounds.
 */
public final class EngineAblation {
    static final String STORE_ONLY = "the store alone";
    /** All four, with the sender on the engine's own send threads instead of the replaying thread. */
    static final String ENGINE_THREADS = "all four, sends on the engine's threads";
    /** The configurations, in the order each round runs them; null campaigns means all four. */
    private static final Map<String, Set<String>> CONFIGURATIONS = configurations();

    private EngineAblation() {}

    public static void main(String[] args) {
        String size = args.length > 0 ? args[0] : "small";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.size = size;
        Map<String, Row> rows = run(benchmark, rounds);
        System.out.printf(Locale.ROOT, "%s shop: %,d events replayed per configuration, %d measured rounds after one warm-up%n",
                size, benchmark.replayedEvents(), rounds - 1);
        System.out.println("| configuration | us per event, by round | entries recorded or changed in the replay | bytes allocated per event |");
        System.out.println("|---|---:|---:|---:|");
        rows.forEach((name, row) -> System.out.println(row.markdown(name)));
    }

    /** One configuration's measurements; the store alone decides nothing and its allocation is not measured. */
    record Row(List<Double> microsPerEvent, long decided, double bytesPerEvent) {
        String markdown(String name) {
            String micros = microsPerEvent.stream().map(t -> String.format(Locale.ROOT, "%.2f", t))
                    .collect(Collectors.joining(" / "));
            return name.equals(STORE_ONLY) ? String.format(Locale.ROOT, "| %s | %s | - | - |", name, micros)
                    : String.format(Locale.ROOT, "| %s | %s | %,d | %.0f |", name, micros, decided, bytesPerEvent);
        }
    }

    /** Runs every configuration {@code rounds} times on the benchmark's shop; the rows keep the rounds after the first. */
    static Map<String, Row> run(EngineBenchmark benchmark, int rounds) {
        if (rounds < 2) {
            throw new IllegalArgumentException("rounds must be at least 2 (the first is warm-up), not " + rounds);
        }
        benchmark.campaigns = "running";
        benchmark.split();
        Map<String, List<Double>> micros = new LinkedHashMap<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Set<String>> configuration : CONFIGURATIONS.entrySet()) {
                String name = configuration.getKey();
                boolean storeOnly = name.equals(STORE_ONLY);
                benchmark.onlyCampaigns = configuration.getValue();
                benchmark.sendsOnEngineThreads = name.equals(ENGINE_THREADS);
                benchmark.freshEngine();
                EngineBenchmark.Allocation allocation = new EngineBenchmark.Allocation();
                long start = System.nanoTime();
                long decided = storeOnly ? 0 : benchmark.library(allocation);
                if (storeOnly) {
                    benchmark.storeOnly();
                }
                long nanos = System.nanoTime() - start;
                if (round > 0) {
                    List<Double> times = micros.computeIfAbsent(name, k -> new ArrayList<>());
                    times.add(nanos / 1e3 / benchmark.replayedEvents());
                    rows.put(name, new Row(List.copyOf(times), decided, allocation.bytesPerEvent));
                }
            }
        }
        return rows;
    }

    private static Map<String, Set<String>> configurations() {
        Map<String, Set<String>> configurations = new LinkedHashMap<>();
        configurations.put(STORE_ONLY, Set.of());
        configurations.put("the engine, no campaign", Set.of());
        for (var campaign : EngineBenchmark.playbook()) {
            configurations.put(campaign.id() + " only", Set.of(campaign.id()));
        }
        configurations.put("all four", null);
        configurations.put(ENGINE_THREADS, null);
        return configurations;
    }
}
