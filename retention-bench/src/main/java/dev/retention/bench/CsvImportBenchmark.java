package dev.retention.bench;

import dev.retention.core.io.EventCsvReader;
import dev.retention.core.store.InMemoryEventStore;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
}
