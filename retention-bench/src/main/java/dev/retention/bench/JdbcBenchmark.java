package dev.retention.bench;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.io.CsvImport;
import dev.retention.core.io.EventCsvReader;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.RecordingSender;
import dev.retention.jdbc.CsvCopyImport;
import dev.retention.jdbc.JdbcCustomerStateStore;
import dev.retention.jdbc.RetentionSchema;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.customer.Retention;
import dev.retention.testkit.VirtualClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.sqlite.SQLiteDataSource;

/**
 * Workload 6: durable state. Events per second of one-event-per-transaction appends
 * ({@code events().append}) and of the engine ({@code Retention.onEvent} with the playbook
 * campaigns) over PostgreSQL 16 (embedded, started from the Maven repository's binaries, default
 * durability) and over an SQLite file (the library's default: write-ahead log, synchronous=FULL);
 * and the library's CSV import into PostgreSQL ({@link CsvCopyImport}) against PostgreSQL's own
 * {@code COPY ... FROM STDIN} of the same file into a bare table of text columns (the driver's
 * {@code CopyManager}), as a ratio.
 *
 * <pre>
 * java -cp retention-bench/target/benchmarks.jar dev.retention.bench.JdbcBenchmark [--size small] [--events 3000]
 * </pre>
 *
 * A plain main, not JMH: each figure is one timed pass after one warm-up pass over fresh tables
 * (databases do not fit JMH's many short invocations), so read them as rough. One connection, one
 * thread: a shop instance's event path.
 */
public final class JdbcBenchmark {
    private JdbcBenchmark() {}

    public static void main(String[] args) throws Exception {
        ShopSize size = ShopSize.SMALL;
        int events = 3_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> size = ShopSize.parse(args[++i]);
                case "--events" -> events = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--size tiny|small|medium|large, --events N)");
            }
        }
        BenchShop shop = new BenchShop(size);
        List<CustomerEvent> stream = new ArrayList<>();
        int wanted = events;
        shop.generate(e -> {
            if (stream.size() < wanted) {
                stream.add(e);
            }
        });
        Path csv = shop.csv(Path.of(System.getProperty("bench.data", "retention-bench/target/bench-data")));
        Path folder = Files.createTempDirectory("jdbc-bench");
        System.out.printf(Locale.ROOT, "workload 6, %s shop, %,d events per pass%n", size.name().toLowerCase(Locale.ROOT),
                stream.size());
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DataSource postgres = single(pg.getPostgresDatabase());
            int[] n = {0};
            DbFactory pgTables = () -> {
                String prefix = "b" + (++n[0]) + "_";
                RetentionSchema.migrate(postgres, prefix);
                return JdbcCustomerStateStore.open(postgres, prefix);
            };
            DbFactory sqliteTables = () -> {
                SQLiteDataSource file = new SQLiteDataSource();
                file.setUrl("jdbc:sqlite:" + folder.resolve("b" + (++n[0]) + ".sqlite"));
                DataSource one = single(file);
                RetentionSchema.migrate(one);
                return JdbcCustomerStateStore.open(one);
            };
            report("appends, PostgreSQL", appends(pgTables, stream));
            report("appends, SQLite file", appends(sqliteTables, stream));
            report("engine, PostgreSQL", engine(pgTables, stream, shop));
            report("engine, SQLite file", engine(sqliteTables, stream, shop));

            // CSV import: the library's COPY import against a bare COPY of the same file
            importOnce(pgTables, csv); // warm-up
            long start = System.nanoTime();
            CsvImport imported = importOnce(pgTables, csv);
            double library = (System.nanoTime() - start) / 1e9;
            copyOnce(postgres, csv, "bare_warm");
            start = System.nanoTime();
            long rows = copyOnce(postgres, csv, "bare");
            double bare = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "CSV import into PostgreSQL: library %.2f s (%,d events, %,.0f events/s),"
                    + " bare COPY %.2f s (%,d rows), ratio %.1fx%n", library, imported.events().size(),
                    imported.events().size() / library, bare, rows, library / bare);
        }
    }

    @FunctionalInterface
    private interface DbFactory {
        JdbcCustomerStateStore fresh() throws Exception;
    }

    private static double appends(DbFactory tables, List<CustomerEvent> stream) throws Exception {
        timeAppends(tables.fresh(), stream); // warm-up
        return timeAppends(tables.fresh(), stream);
    }

    private static double timeAppends(JdbcCustomerStateStore store, List<CustomerEvent> stream) {
        long start = System.nanoTime();
        for (CustomerEvent e : stream) {
            store.events().append(e);
        }
        return stream.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static double engine(DbFactory tables, List<CustomerEvent> stream, BenchShop shop) throws Exception {
        timeEngine(tables.fresh(), stream, shop); // warm-up
        return timeEngine(tables.fresh(), stream, shop);
    }

    private static double timeEngine(JdbcCustomerStateStore store, List<CustomerEvent> stream, BenchShop shop) {
        VirtualClock clock = VirtualClock.at(stream.get(0).occurredAt());
        Retention.Builder builder = Retention.builder().state(store).sender(new RecordingSender()).clock(clock);
        for (Campaign c : EngineBenchmark.playbook()) {
            builder.campaign(c);
        }
        Retention retention = builder.build();
        Set<CustomerId> known = new HashSet<>();
        for (CustomerEvent e : stream) {
            if (known.add(e.customerId())) {
                store.profiles().put(CustomerProfile.builder(e.customerId()).email("c@example.com")
                        .consent(Consent.given(Channel.EMAIL, java.time.Instant.EPOCH)).build());
            }
        }
        long start = System.nanoTime();
        for (CustomerEvent e : stream) {
            if (e.occurredAt().isAfter(clock.instant())) {
                clock.advanceTo(e.occurredAt());
            }
            retention.onEvent(e);
        }
        return stream.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static CsvImport importOnce(DbFactory tables, Path csv) throws Exception {
        return CsvCopyImport.importInto(tables.fresh(), EventCsvReader.strict(), csv);
    }

    private static long copyOnce(DataSource postgres, Path csv, String table) throws Exception {
        try (Connection c = postgres.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            String header;
            try (java.io.BufferedReader first = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                header = first.readLine();
            }
            // a bare table: the file's columns as text, no key, no index
            s.execute("CREATE TABLE " + table + " (" + String.join(" TEXT, ", header.split(",")) + " TEXT)");
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                return c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + header
                        + ") FROM STDIN (FORMAT csv, HEADER true)", in);
            }
        }
    }

    private static void report(String what, double perSecond) {
        System.out.printf(Locale.ROOT, "%-28s %,10.0f events/s%n", what, perSecond);
    }

    /** One connection reused (a pool of one), so the figures measure transactions, not connecting. */
    private static DataSource single(DataSource physical) throws Exception {
        Connection connection = physical.getConnection();
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(JdbcBenchmark.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, a) -> {
                    if (method.getName().equals("getConnection")) {
                        return java.lang.reflect.Proxy.newProxyInstance(JdbcBenchmark.class.getClassLoader(),
                                new Class<?>[] {Connection.class}, (p, m, args) -> {
                                    if (m.getName().equals("close")) {
                                        return null;
                                    }
                                    try {
                                        return m.invoke(connection, args);
                                    } catch (java.lang.reflect.InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                });
                    }
                    return method.invoke(physical, a);
                });
    }
}
