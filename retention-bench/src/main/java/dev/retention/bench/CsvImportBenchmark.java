package dev.retention.bench;

import dev.retention.core.io.EventCsvReader;
import dev.retention.core.store.InMemoryEventStore;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Workload 5: a CSV event log into memory. The library parses and groups rows into events and
 * stores them, reading the file in pieces on all cores; DuckDB runs {@code read_csv} into a native
 * table (all cores). Each invocation starts from an empty store or database.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CsvImportBenchmark {

    @Param("small")
    public String size;

    public Path csv;

    @Setup
    public void writeCsv() {
        csv = new BenchShop(ShopSize.parse(size)).csv(Path.of(System.getProperty("bench.data", "target/bench-data")));
    }

    @Benchmark
    public long library() throws IOException {
        InMemoryEventStore store = new InMemoryEventStore();
        EventCsvReader.strict().importInto(store, csv);
        return store.eventCount();
    }

    @Benchmark
    public long duckdb() throws SQLException {
        return duckdbLoad(csv);
    }

    private static long duckdbLoad(Path csv) throws SQLException {
        try (Connection c = DuckShop.newConnection()) {
            try (PreparedStatement load = c.prepareStatement(
                    "CREATE TABLE events AS SELECT * FROM read_csv(?, header = true, auto_detect = true)")) {
                load.setString(1, csv.toAbsolutePath().toString());
                load.execute();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The interleaved comparison that a loaded machine allows: one JVM imports the same file with
     * the reader of each given benchmarks jar in turn (each jar in its own class loader), round
     * after round, and prints per import the wall time, the process's CPU time, the collectors'
     * time, the bytes allocated per stored event (all threads that are alive at the end) and the
     * heap the store retains per event after {@code trimToSize} and a full collection.
     * {@code java -Xmx5g -cp benchmarks.jar dev.retention.bench.CsvImportBenchmark FILE ROUNDS JAR...}
     *
     * @param args the CSV file, the number of rounds, then one benchmarks jar per variant, or
     *     {@code duckdb} for DuckDB's {@code read_csv} in this JVM
     * @throws Exception if a jar cannot be loaded or an import fails
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int variants = args.length - 2;
        ClassLoader[] loaders = new ClassLoader[variants];
        for (int v = 0; v < variants; v++) {
            URL jar = Path.of(args[2 + v]).toUri().toURL();
            loaders[v] = args[2 + v].equals("duckdb") ? null
                    : new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder("round " + r);
            for (int v = 0; v < variants; v++) {
                if (args[2 + v].equals("duckdb")) {
                    System.gc();
                    long start = System.nanoTime();
                    long rows = duckdbLoad(file);
                    long wall = (System.nanoTime() - start) / 1_000_000;
                    line.append(String.format(Locale.ROOT, "  duckdb %,d ms wall (%,d rows)", wall, rows));
                    continue;
                }
                Class<?> reader = loaders[v].loadClass("dev.retention.core.io.EventCsvReader");
                Class<?> storeClass = loaders[v].loadClass("dev.retention.core.store.InMemoryEventStore");
                Class<?> eventStore = loaders[v].loadClass("dev.retention.core.store.EventStore");
                Object store = storeClass.getConstructor().newInstance();
                Object strict = reader.getMethod("strict").invoke(null);
                Method importInto = reader.getMethod("importInto", eventStore, Path.class);
                System.gc();
                long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                long allocated = allocatedBytes();
                long cpu = os.getProcessCpuTime();
                long gc = collectorMillis();
                long start = System.nanoTime();
                importInto.invoke(strict, store, file);
                long wall = (System.nanoTime() - start) / 1_000_000;
                cpu = (os.getProcessCpuTime() - cpu) / 1_000_000;
                gc = collectorMillis() - gc;
                allocated = allocatedBytes() - allocated;
                long events = (long) storeClass.getMethod("eventCount").invoke(store);
                storeClass.getMethod("trimToSize").invoke(store);
                System.gc();
                long stored = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() - heapBefore;
                line.append(String.format(Locale.ROOT,
                        "  v%d %,d ms wall %,d ms cpu %,d ms gc %,d B/event allocated, %,d events,"
                                + " %.1f B/event retained",
                        v, wall, cpu, gc, allocated / events, events, (double) stored / events));
            }
            System.out.println(line);
        }
    }

    private static long collectorMillis() {
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis;
    }

    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes = 0;
        for (long b : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            bytes += Math.max(0, b);
        }
        return bytes;
    }
}
