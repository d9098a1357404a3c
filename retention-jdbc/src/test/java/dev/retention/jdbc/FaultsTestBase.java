package dev.retention.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.RetentionException;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.customer.Erasure;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Failures mid-call: the connection closed before each statement of a call in turn, the database
 * down. Every call throws a {@link RetentionException} saying what was not stored, and a healthy
 * store over the same tables then finds nothing of the call (all or nothing). And an erasure, one
 * transaction, leaves no trace of the id in any column of any table.
 */
abstract class FaultsTestBase {
    static final CustomerId ANNA = CustomerId.of("anna");
    static final CustomerId BOB = CustomerId.of("bob");

    /** The tables' data source (healthy), their prefix, and an unpooled source of the same database. */
    record Tables(DataSource healthy, String prefix, DataSource unpooled) {}

    abstract Tables newTables();

    private static OrderPlaced order(CustomerId customer, String id) {
        return new OrderPlaced(id, customer, HostileIdsTestBase.T, OrderId.of(id), List.of(), Money.parse("10.00", "EUR"));
    }

    /** One customer's event, ledger entry, decision and profile in one update, cut off at every statement in turn. */
    @Test
    void anUpdateCutOffAtAnyStatementStoresNothingAndSaysWhatWasNotStored() {
        Tables tables = newTables();
        JdbcCustomerStateStore healthy = JdbcCustomerStateStore.open(tables.healthy(), tables.prefix());
        FaultyDataSource faulty = new FaultyDataSource(tables.unpooled());
        JdbcCustomerStateStore store = JdbcCustomerStateStore.open(faulty, tables.prefix());
        Runnable change = () -> store.update(ANNA, () -> {
            store.events().append(order(ANNA, "o-1"));
            store.ledger().append(HostileIdsTestBase.earn(ANNA, "o-1"));
            store.fireLog().record(HostileIdsTestBase.entry(ANNA, "k-1"));
            store.profiles().put(CustomerProfile.builder(ANNA).email("anna@example.com").build());
            return null;
        });
        int cuts = 0;
        for (int n = 1; ; n++) {
            faulty.killAtStatement(n);
            Throwable thrown = catchThrowable(change::run);
            if (thrown == null) {
                assertThat(faulty.executed()).as("the call ran its statements before it succeeded").isLessThan(n);
                break;
            }
            cuts++;
            assertThat(thrown).as("cut at statement %s", n).isInstanceOf(RetentionException.class)
                    .hasMessageContaining("anna").hasMessageContaining("stored");
            assertThat(healthy.read(ANNA).isEmpty()).as("nothing half-written after a cut at statement %s", n).isTrue();
            assertThat(rowsMentioning(tables, "anna")).as("cut at statement %s", n).isEmpty();
        }
        assertThat(cuts).as("statements the change ran").isGreaterThan(8);
        assertThat(healthy.read(ANNA).history().eventCount()).isEqualTo(1);
        assertThat(healthy.read(ANNA).ledger().entries()).hasSize(1);
    }

    /** A view's own call (outside update) cut off at any statement: nothing of it stored, and the message names it. */
    @Test
    void aViewsCallCutOffAtAnyStatementStoresNothing() {
        Tables tables = newTables();
        JdbcCustomerStateStore healthy = JdbcCustomerStateStore.open(tables.healthy(), tables.prefix());
        FaultyDataSource faulty = new FaultyDataSource(tables.unpooled());
        JdbcCustomerStateStore store = JdbcCustomerStateStore.open(faulty, tables.prefix());
        for (int n = 1; ; n++) {
            faulty.killAtStatement(n);
            Throwable thrown = catchThrowable(() -> store.events().append(order(ANNA, "o-1")));
            if (thrown == null) {
                break;
            }
            assertThat(thrown).isInstanceOf(RetentionException.class)
                    .hasMessageContaining("event o-1 of customer anna").hasMessageContaining("stored");
            assertThat(healthy.events().eventCount()).isZero();
            assertThat(rowsMentioning(tables, "anna")).isEmpty();
        }
        assertThat(healthy.events().history(ANNA).eventCount()).isEqualTo(1);
    }

    @Test
    void aDatabaseThatIsDownMakesEveryCallThrowSayingWhat() {
        Tables tables = newTables();
        FaultyDataSource faulty = new FaultyDataSource(tables.unpooled());
        JdbcCustomerStateStore store = JdbcCustomerStateStore.open(faulty, tables.prefix());
        faulty.down();
        assertThatThrownBy(() -> store.events().append(order(ANNA, "o-1"))).isInstanceOf(RetentionException.class)
                .hasMessageContaining("event o-1 of customer anna").hasMessageContaining("nothing was stored");
        assertThatThrownBy(() -> store.update(ANNA, () -> 1)).isInstanceOf(RetentionException.class)
                .hasMessageContaining("change of customer anna");
        assertThatThrownBy(() -> store.read(ANNA)).isInstanceOf(RetentionException.class)
                .hasMessageContaining("state of customer anna");
        assertThatThrownBy(() -> store.erase(ANNA)).isInstanceOf(RetentionException.class)
                .hasMessageContaining("erasure of customer anna");
        faulty.heal();
        assertThat(store.events().append(order(ANNA, "o-1"))).as("back up: the call goes through").isTrue();
    }

    /** An erasure reads as one step: afterwards no column of any table holds the id; cut off half-way, it erases nothing. */
    @Test
    void anErasureLeavesNoTraceInAnyTableAndIsAllOrNothing() {
        Tables tables = newTables();
        JdbcCustomerStateStore healthy = JdbcCustomerStateStore.open(tables.healthy(), tables.prefix());
        for (CustomerId c : List.of(ANNA, BOB)) {
            String id = c.value();
            healthy.events().append(order(c, id + "-o1"));
            healthy.events().append(HostileIdsTestBase.view(c, id + "-v1"));
            healthy.profiles().put(CustomerProfile.builder(c).email(id + "@example.com").attribute("nick", id).build());
            healthy.fireLog().record(HostileIdsTestBase.entry(c, id + "-k1"));
            healthy.ledger().append(HostileIdsTestBase.earn(c, id + "-o1"));
        }
        List<String> before = rowsMentioning(tables, "anna");
        FaultyDataSource faulty = new FaultyDataSource(tables.unpooled());
        JdbcCustomerStateStore store = JdbcCustomerStateStore.open(faulty, tables.prefix());
        for (int n = 1; ; n++) {
            faulty.killAtStatement(n);
            Throwable thrown = catchThrowable(() -> store.erase(ANNA));
            if (thrown == null) {
                break;
            }
            assertThat(thrown).isInstanceOf(RetentionException.class).hasMessageContaining("erasure of customer anna");
            assertThat(rowsMentioning(tables, "anna")).as("cut at statement %s: nothing erased", n)
                    .containsExactlyInAnyOrderElementsOf(before);
        }
        assertThat(rowsMentioning(tables, "anna")).isEmpty();
        assertThat(rowsMentioning(tables, "bob")).hasSameSizeAs(before);
        assertThat(healthy.erase(ANNA)).isEqualTo(new Erasure(0, 0, 0, 0));
    }

    /** Every row, in every table of the prefix, with a column whose text contains {@code needle}. */
    static List<String> rowsMentioning(Tables tables, String needle) {
        List<String> rows = new ArrayList<>();
        try (Connection c = tables.healthy().getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("customers", "spend", "events", "profiles", "fire_log", "ledger")) {
                try (ResultSet r = s.executeQuery("SELECT * FROM " + tables.prefix() + table)) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder(table);
                        boolean mentions = false;
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            String v = r.getString(i);
                            row.append('|').append(v);
                            mentions |= v != null && v.contains(needle);
                        }
                        if (mentions) {
                            rows.add(row.toString());
                        }
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError("could not read the tables", e);
        }
        return rows;
    }
}
