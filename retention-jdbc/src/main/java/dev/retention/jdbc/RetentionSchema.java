package dev.retention.jdbc;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.Hashing;
import dev.retention.core.StoreException;
import dev.retention.jdbc.internal.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates and upgrades the library's tables: the versioned scripts under
 * {@code db/retention/<dialect>/} (Flyway's naming, {@code V1__retention_state.sql}; the table
 * prefix is the placeholder {@code ${prefix}}), applied without Flyway.
 *
 * <p>{@link #migrate} keeps the applied versions in a table of its own ({@code <prefix>schema_version}),
 * applies each missing script with its version row in one transaction, and is idempotent: a second
 * call applies nothing. Two instances starting at once on one database do not both apply a script:
 * on PostgreSQL the migration holds an advisory lock of the prefix for its transaction, on SQLite
 * an immediate (write) transaction; the second waits, then finds the versions applied.
 *
 * <p>To run the scripts with your own Flyway instead, point it at
 * {@code classpath:db/retention/postgresql} (or {@code sqlite}) with the placeholder
 * {@code prefix} set, and do not call {@link #migrate}.
 *
 * <p>Stateless and thread-safe.
 */
public final class RetentionSchema {
    /** The table prefix used when none is given. */
    public static final String DEFAULT_PREFIX = "retention_";

    /** The scripts, in version order: listed, not scanned for (no classpath scanning). */
    private static final List<String> SCRIPTS = List.of("V1__retention_state.sql");
    private static final int SQLITE_BUSY_MS = 30_000;

    private RetentionSchema() {}

    /**
     * Applies the missing scripts with the {@link #DEFAULT_PREFIX}.
     *
     * @param dataSource the database
     * @return how many scripts were applied (0 if the schema was up to date)
     * @throws StoreException if the database fails; the script being applied is rolled back
     */
    public static int migrate(DataSource dataSource) {
        return migrate(dataSource, DEFAULT_PREFIX);
    }

    /**
     * Applies the missing scripts with a table prefix of your choice.
     *
     * @param dataSource the database
     * @param tablePrefix the prefix of every table, e.g. {@code "shop1_retention_"}: 1 to 30
     *     lower-case letters, digits or {@code _}, not starting with a digit
     * @return how many scripts were applied (0 if the schema was up to date)
     * @throws IllegalArgumentException if the prefix is not such an identifier, or the database is
     *     neither PostgreSQL nor SQLite
     * @throws StoreException if the database fails; the script being applied is rolled back
     */
    public static int migrate(DataSource dataSource, String tablePrefix) {
        requireNonNull(dataSource, "dataSource");
        String prefix = TablePrefix.check(tablePrefix);
        try (Connection c = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(c);
            if (dialect == Dialect.SQLITE) {
                useWriteAheadLog(c);
            }
            return migrate(c, dialect, prefix);
        } catch (SQLException e) {
            throw new StoreException("could not migrate the retention schema (prefix " + prefix + ", SQL state "
                    + e.getSQLState() + "); the script being applied was rolled back", e);
        }
    }

    /**
     * Write-ahead log: readers do not block the writer, and a crash never tears a commit. The switch
     * needs the file to itself and SQLite answers busy at once (no busy handler) while another
     * connection has it open in a transaction, e.g. a second instance migrating at the same time:
     * so it is retried for up to the busy timeout.
     */
    private static void useWriteAheadLog(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + SQLITE_BUSY_MS);
            for (int attempt = 0; ; attempt++) {
                try (ResultSet r = s.executeQuery("PRAGMA journal_mode = WAL")) {
                    if (r.next() && r.getString(1).equalsIgnoreCase("wal") || attempt * 20L >= SQLITE_BUSY_MS) {
                        return; // an in-memory database keeps its own mode
                    }
                } catch (SQLException e) {
                    boolean busy = e.getErrorCode() == 5 || e.getErrorCode() == 6; // SQLITE_BUSY, SQLITE_LOCKED
                    if (!busy || attempt * 20L >= SQLITE_BUSY_MS) {
                        throw e;
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while switching SQLite to its write-ahead log", e);
                }
            }
        }
    }

    private static int migrate(Connection c, Dialect dialect, String prefix) throws SQLException {
        boolean sqlite = dialect == Dialect.SQLITE;
        c.setAutoCommit(sqlite);
        try (Statement s = c.createStatement()) {
            if (sqlite) {
                s.execute("BEGIN IMMEDIATE");
            } else {
                s.execute("SELECT pg_advisory_xact_lock(" + lockKey(prefix) + ")");
            }
            s.execute("CREATE TABLE IF NOT EXISTS " + prefix + "schema_version (version INTEGER PRIMARY KEY,"
                    + " script TEXT NOT NULL, installed_at TEXT NOT NULL)");
            int current = 0;
            try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + prefix + "schema_version")) {
                if (r.next()) {
                    current = r.getInt(1);
                }
            }
            int applied = 0;
            for (int i = current; i < SCRIPTS.size(); i++) {
                String script = SCRIPTS.get(i);
                for (String statement : statements(load(dialect, script), prefix)) {
                    s.execute(statement);
                }
                // the database's clock, as Flyway's history records it: the time the schema changed there
                try (PreparedStatement p = c.prepareStatement("INSERT INTO " + prefix
                        + "schema_version (version, script, installed_at) VALUES (?, ?, CAST(CURRENT_TIMESTAMP AS TEXT))")) {
                    p.setInt(1, i + 1);
                    p.setString(2, script);
                    p.executeUpdate();
                }
                applied++;
            }
            if (sqlite) {
                s.execute("COMMIT");
            } else {
                c.commit();
            }
            return applied;
        } catch (SQLException | RuntimeException e) {
            try {
                if (sqlite) {
                    try (Statement s = c.createStatement()) {
                        s.execute("ROLLBACK");
                    }
                } else {
                    c.rollback();
                }
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The migration's lock: one per prefix, so two schemas on one database migrate independently. */
    private static long lockKey(String prefix) {
        return Hashing.murmur3_128().hashString("retention-schema:" + prefix, StandardCharsets.UTF_8).asLong();
    }

    private static String load(Dialect dialect, String script) {
        String path = "/db/retention/" + dialect.folder() + "/" + script;
        try (InputStream in = RetentionSchema.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("schema script " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read schema script " + path, e);
        }
    }

    /** The script's statements: comment lines dropped, split at a ';' that ends a line, prefix filled in. */
    static List<String> statements(String script, String prefix) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                out.add(statement.substring(0, statement.length() - 1).replace("${prefix}", prefix));
                current.setLength(0);
            }
        }
        return out;
    }
}
