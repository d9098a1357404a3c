package dev.retention.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class RetentionSchemaTest {

    @Test
    void migratingTwiceAppliesTheScriptsOnceOnPostgres() throws Exception {
        String prefix = Databases.freshPrefix();
        assertThat(RetentionSchema.migrate(Databases.postgres(), prefix)).isEqualTo(1);
        assertThat(RetentionSchema.migrate(Databases.postgres(), prefix)).as("up to date").isZero();
        assertThat(versions(Databases.postgres(), prefix)).containsExactly("1 V1__retention_state.sql");
    }

    @Test
    void migratingTwiceAppliesTheScriptsOnceOnSqlite() throws Exception {
        DataSource ds = Databases.sqliteFile();
        assertThat(RetentionSchema.migrate(ds)).isEqualTo(1);
        assertThat(RetentionSchema.migrate(ds)).isZero();
        assertThat(versions(ds, RetentionSchema.DEFAULT_PREFIX)).containsExactly("1 V1__retention_state.sql");
    }

    /** Two shop instances starting at once: each migrates on its own connection, one applies, none fails. */
    @Test
    void twoInstancesMigratingAtOnceApplyTheScriptOnceOnPostgres() throws Exception {
        for (int round = 0; round < 5; round++) {
            String prefix = Databases.freshPrefix();
            assertThat(migrateAtOnce(Databases.postgresPool(1), Databases.postgresPool(1), prefix)).isEqualTo(1);
            assertThat(versions(Databases.postgres(), prefix)).hasSize(1);
        }
    }

    @Test
    void twoInstancesMigratingAtOnceApplyTheScriptOnceOnSqlite() throws Exception {
        for (int round = 0; round < 5; round++) {
            java.nio.file.Path file = Databases.newSqlitePath();
            assertThat(migrateAtOnce(Databases.sqlite(file), Databases.sqlite(file), "retention_")).isEqualTo(1);
            assertThat(versions(Databases.sqlite(file), "retention_")).hasSize(1);
        }
    }

    @Test
    void twoPrefixesOnOneDatabaseAreTwoSchemas() throws Exception {
        String a = Databases.freshPrefix();
        String b = Databases.freshPrefix();
        RetentionSchema.migrate(Databases.postgres(), a);
        RetentionSchema.migrate(Databases.postgres(), b);
        JdbcCustomerStateStore first = JdbcCustomerStateStore.open(Databases.postgres(), a);
        JdbcCustomerStateStore second = JdbcCustomerStateStore.open(Databases.postgres(), b);
        first.profiles().put(dev.retention.core.profile.CustomerProfile.builder(
                dev.retention.core.CustomerId.of("anna")).build());
        assertThat(first.profiles().size()).isEqualTo(1);
        assertThat(second.profiles().size()).isZero();
    }

    @Test
    void aPrefixThatIsNotAPlainIdentifierIsRefusedNamingIt() {
        for (String bad : new String[] {"x; DROP TABLE y; --", "Upper_", "1abc", "", "a-b"}) {
            assertThatThrownBy(() -> RetentionSchema.migrate(Databases.postgres(), bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tablePrefix")
                    .hasMessageContaining("'" + bad + "'");
            assertThatThrownBy(() -> JdbcCustomerStateStore.open(Databases.postgres(), bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tablePrefix");
        }
    }

    @Test
    void scriptsSplitIntoStatementsWithThePrefixFilledIn() {
        List<String> statements = RetentionSchema.statements("-- a comment; not a statement\nCREATE TABLE ${prefix}a (\n"
                + "  x INT\n);\n\nCREATE INDEX ${prefix}i ON ${prefix}a (x);\n", "p_");
        assertThat(statements).containsExactly("CREATE TABLE p_a (\n  x INT\n)", "CREATE INDEX p_i ON p_a (x)");
    }

    private static int migrateAtOnce(DataSource one, DataSource two, String prefix) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (DataSource ds : List.of(one, two)) {
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return RetentionSchema.migrate(ds, prefix);
                }));
            }
            int applied = 0;
            for (Future<Integer> f : results) {
                applied += f.get(60, TimeUnit.SECONDS);
            }
            return applied;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> versions(DataSource ds, String prefix) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT version, script FROM " + prefix + "schema_version ORDER BY version")) {
            while (r.next()) {
                out.add(r.getInt(1) + " " + r.getString(2));
            }
        }
        return out;
    }
}
