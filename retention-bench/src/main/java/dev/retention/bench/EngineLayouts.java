package dev.retention.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Workload 3 side by side in one JVM, round after round, so that the shared machine's drift hits
 * every configuration alike: {@link EngineFloor} (store and decisions), the facade over the native
 * seam and the engine over the separate stores (the previous layout), each replaying the same
 * events after the same setup as {@link EngineBenchmark} with the campaigns running. Prints
 * microseconds per replayed event for every round after the first (warm-up), bytes allocated per
 * event, and each layout's ratio of throughput to the floor's in the same round.
 *
 * <p>{@code java -Xmx14g -cp retention-bench/target/benchmarks.jar dev.retention.bench.EngineLayouts medium 4}
 */
public final class EngineLayouts {
    private EngineLayouts() {}

    public static void main(String[] args) {
        String size = args.length > 0 ? args[0] : "small";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        EngineBenchmark benchmark = new EngineBenchmark();
        benchmark.size = size;
        benchmark.campaigns = "running";
        benchmark.split();
        System.out.printf(Locale.ROOT, "%s shop, %,d replayed events, running campaigns; us per event (bytes per event)%n",
                size, benchmark.replayedEvents());
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            EngineFloor floor = EngineFloor.running(benchmark);
            System.gc();
            long start = System.nanoTime();
            long floorDecided = floor.replay(benchmark, true);
            double floorMicros = (System.nanoTime() - start) / 1e3 / benchmark.replayedEvents();
            floor = null;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d: floor %.3f (%,d entries)",
                    round, floorMicros, floorDecided));
            record(times, round, "floor", floorMicros);
            for (String layout : List.of("separate", "native")) {
                benchmark.layout = layout;
                benchmark.freshEngine();
                EngineBenchmark.Allocation allocation = new EngineBenchmark.Allocation();
                start = System.nanoTime();
                long decided = benchmark.library(allocation);
                double micros = (System.nanoTime() - start) / 1e3 / benchmark.replayedEvents();
                record(times, round, layout, micros);
                line.append(String.format(Locale.ROOT, "; %s %.3f (%.0f B, %,d entries, %.2fx floor)", layout, micros,
                        allocation.bytesPerEvent, decided, floorMicros / micros));
            }
            System.out.println(line);
        }
        times.forEach((name, list) -> System.out.printf(Locale.ROOT, "%s, rounds after the first: %s%n", name, list));
    }

    private static void record(Map<String, List<Double>> times, int round, String name, double micros) {
        if (round > 0) {
            times.computeIfAbsent(name, k -> new ArrayList<>()).add(Math.round(micros * 1000) / 1000.0);
        }
    }
}
