package dev.retention.bench;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.store.InMemoryEventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One heavy customer (a B2B account, a crawler): the time to append their whole history of
 * {@link #events} product views, one by one, to a fresh store. Every append checks the new id
 * against the customer's earlier ones, so the time per event must not grow with the history; the
 * score divided by {@link #events} says whether it does. Not one of the workloads.
 *
 * <pre>{@code
 * java -cp retention-bench/target/benchmarks.jar org.openjdk.jmh.Main HeavyCustomerBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HeavyCustomerBenchmark {

    @Param({"100", "1000", "10000", "100000"})
    public int events;

    List<CustomerEvent> history;

    @Setup
    public void history() {
        CustomerId bot = CustomerId.of("c0000001");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        history = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            history.add(new ProductViewed("c0000001-v" + i, bot, start.plusSeconds(i), ProductId.of("p" + i % 500)));
        }
    }

    @Benchmark
    public long appendHistory() {
        InMemoryEventStore store = new InMemoryEventStore();
        return store.appendAll(history);
    }
}
