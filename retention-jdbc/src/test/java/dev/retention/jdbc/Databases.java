package dev.retention.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The tests' databases: one embedded PostgreSQL server per test JVM (started on first use from
 * the binaries in the Maven repository, stopped when the JVM exits), pooled; and SQLite files in a
 * temporary folder. Each new store gets tables of its own (a fresh prefix on PostgreSQL, a fresh
 * file on SQLite), so tests never see each other's rows.
 */
final class Databases {
    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static TestPool pool;
    private static Path sqliteFolder;

    private Databases() {}

    /** The shared pool of the embedded PostgreSQL server. */
    static synchronized DataSource postgres() {
        if (server == null) {
            try {
                // the tests test no durability: commits need not wait for the disk the other engineers share
                server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            pool = new TestPool(server.getPostgresDatabase(), 24);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                pool.close();
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going anyway
                }
            }));
        }
        return pool;
    }

    /** A new physical PostgreSQL connection source, not pooled: for a second "shop instance" with its own pool. */
    static DataSource postgresPool(int size) {
        postgres();
        return new TestPool(server.getPostgresDatabase(), size);
    }

    /** The embedded server's data source, unpooled: a new physical connection per call. */
    static DataSource postgresUnpooled() {
        postgres();
        return server.getPostgresDatabase();
    }

    /** A fresh table prefix. */
    static String freshPrefix() {
        return "t" + PREFIXES.incrementAndGet() + "_";
    }

    /** A new, empty SQLite file's data source, pooled. */
    static synchronized DataSource sqliteFile() {
        return sqlite(newSqlitePath());
    }

    static synchronized Path newSqlitePath() {
        try {
            if (sqliteFolder == null) {
                sqliteFolder = Files.createTempDirectory("retention-sqlite");
            }
            return sqliteFolder.resolve("db" + PREFIXES.incrementAndGet() + ".sqlite");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DataSource sqlite(Path file) {
        // the tests test no durability: commits need not wait for the disk (the library keeps SQLite's default)
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        return new TestPool(ds, 8);
    }

    /** A new, empty, migrated seam on PostgreSQL. */
    static JdbcCustomerStateStore newPostgresStore() {
        String prefix = freshPrefix();
        RetentionSchema.migrate(postgres(), prefix);
        return JdbcCustomerStateStore.open(postgres(), prefix);
    }

    /** A new, empty, migrated seam on a new SQLite file. */
    static JdbcCustomerStateStore newSqliteStore() {
        DataSource ds = sqliteFile();
        RetentionSchema.migrate(ds);
        return JdbcCustomerStateStore.open(ds);
    }
}
