package dev.retention.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.RecordingSender;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.customer.CustomerStateSink;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Retention;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.loyalty.PointsProgram;
import dev.retention.rules.trigger.LoyaltyThresholdTrigger;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@code Retention.export(customer, out)} writes the document of {@code export(customer)} on every
 * seam, and over a database hands the history over as the rows arrive instead of reading it whole.
 */
class ExportTest {
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final CustomerId ANNA = CustomerId.of("anna");

    @Test
    void theStreamedExportIsTheDocumentOfExportInMemoryOnPostgresAndOnSqlite() {
        String inMemory = exportsOfACustomerWithEverything(CustomerStateStore.inMemory());
        String postgres = exportsOfACustomerWithEverything(Databases.newPostgresStore());
        String sqlite = exportsOfACustomerWithEverything(Databases.newSqliteStore());

        assertThat(postgres).as("PostgreSQL's export").isEqualTo(inMemory);
        assertThat(sqlite).as("SQLite's export").isEqualTo(inMemory);
    }

    /** Feeds a customer with every kind of part, checks the streamed export against the String one, returns it. */
    private static String exportsOfACustomerWithEverything(CustomerStateStore state) {
        Campaign loyalty = Campaign.builder("loyalty-invite").trigger(LoyaltyThresholdTrigger.of(2, usd(500)))
                .message(Message.email("join-loyalty")).build();
        PointsProgram points = PointsProgram.builder().currency("USD").earn(1, usd(1)).redeem(100, usd(5))
                .returnWindow(Duration.ofDays(30)).build();
        RecordingSender sender = new RecordingSender();
        Retention retention = Retention.builder().state(state).campaign(loyalty).points(points).sender(sender)
                .clock(Clock.fixed(START, ZoneOffset.UTC)).build();
        state.profiles().put(CustomerProfile.builder(ANNA).email("anna@example.com").phone("+4930123456")
                .attribute("city", "Berlin").consent(Consent.given(Channel.EMAIL, START.minus(Duration.ofDays(365))))
                .build());
        Instant day = START.minus(Duration.ofDays(3));
        // same instant: the history orders by id, code point by code point (U+FF5E before U+1F600,
        // though UTF-16's surrogates sort the emoji first)
        retention.onEvent(new ProductViewed("v-\uFF5E", ANNA, day, ProductId.of("sneaker")));
        retention.onEvent(new ProductViewed("v-\uD83D\uDE00", ANNA, day, ProductId.of("socks")));
        retention.onEvent(new ProductViewed("v-b", ANNA, day, ProductId.of("sneaker")));
        retention.onEvent(new CartUpdated("c-1", ANNA, day.plusSeconds(60),
                List.of(new LineItem(ProductId.of("sneaker"), 1, usd(80)))));
        retention.onEvent(new OrderPlaced("o-1", ANNA, START.minus(Duration.ofDays(2)), OrderId.of("1"), List.of(),
                usd(600)));
        OrderPlaced second = new OrderPlaced("o-2", ANNA, START.minus(Duration.ofDays(1)), OrderId.of("2"),
                List.of(new LineItem(ProductId.of("sneaker"), 1, usd(15)), new LineItem(ProductId.of("socks"), 2,
                        Money.parse("2.50", "USD"))), usd(20));
        retention.onEvent(second);
        retention.onEvent(new OrderRefunded("r-1", ANNA, START.minus(Duration.ofHours(1)), second.orderId(), usd(10)));
        retention.onEvent(new CustomEvent("x-1", ANNA, START.minus(Duration.ofMinutes(5)), "review",
                Map.of("stars", "5", "text", "\"quoted\" ; \u05E9\u05DC\u05D5\u05DD")));
        assertThat(sender.sent()).as("the loyalty invitation").hasSize(1);
        assertThat(retention.customer(ANNA).ledger().entries()).as("ledger entries").isNotEmpty();
        StringWriter out = new StringWriter();

        retention.export(ANNA, out);

        String document = retention.export(ANNA);
        assertThat(out.toString()).isEqualTo(document).contains("v-b").contains("\"decisions\" : [ {");
        return document;
    }

    @Test
    void onPostgresALongHistoryIsHandedOverAsItsRowsArriveWithAFetchSize() throws Exception {
        Watching watching = new Watching(Databases.postgres());
        String prefix = Databases.freshPrefix();
        RetentionSchema.migrate(watching.dataSource, prefix);
        JdbcCustomerStateStore store = JdbcCustomerStateStore.open(watching.dataSource, prefix);
        int n = 50_000;
        store.events().append(new ProductViewed("v-0", ANNA, START, ProductId.of("sneaker")));
        // the other views as copies of its row, one statement: the export reads rows, not how they came
        try (Connection c = Databases.postgres().getConnection();
                PreparedStatement copies = c.prepareStatement("INSERT INTO " + prefix + "events (customer_id,"
                        + " event_id, kind, occurred_sec, occurred_nano, body) SELECT customer_id, 'v-' || i, kind,"
                        + " occurred_sec + i, occurred_nano, body FROM " + prefix + "events, generate_series(1, ?) i")) {
            copies.setInt(1, n - 1);
            assertThat(copies.executeUpdate()).isEqualTo(n - 1);
        }
        long[] rowsReadAtEvent = new long[n];
        int[] handed = {0};

        store.exportTo(ANNA, new CustomerStateSink() {
            @Override
            public void event(CustomerEvent event) {
                assertThat(event.eventId()).isEqualTo("v-" + handed[0]);
                rowsReadAtEvent[handed[0]++] = watching.rowsRead;
            }

            @Override
            public void profile(Optional<CustomerProfile> profile) {}

            @Override
            public void decision(FireEntry entry) {}

            @Override
            public void ledgerVersion(long version) {}

            @Override
            public void ledgerEntry(LedgerEntry entry) {}
        });

        assertThat(handed[0]).isEqualTo(n);
        assertThat(rowsReadAtEvent[0]).as("rows read when the first event was handed over").isEqualTo(1);
        assertThat(rowsReadAtEvent[n / 2]).as("rows read at the middle event").isEqualTo(n / 2 + 1);
        // PostgreSQL's driver reads a result with a cursor, a fetch at a time, only with both
        assertThat(watching.fetchSize).as("the history query's fetch size").isEqualTo(1000);
        assertThat(watching.autoCommit).as("autocommit when the history query ran").isFalse();
    }

    private static Money usd(long units) {
        return Money.of(units, "USD");
    }

    /** Watches the history query through a DataSource: its fetch size, autocommit, and the rows read so far. */
    private static final class Watching {
        volatile int fetchSize = -1;
        volatile Boolean autoCommit;
        volatile long rowsRead;
        final DataSource dataSource;

        Watching(DataSource target) {
            dataSource = proxy(DataSource.class, target, (method, args, result) ->
                    method.equals("getConnection") ? connection((Connection) result) : result);
        }

        private Connection connection(Connection connection) {
            return proxy(Connection.class, connection, (method, args, result) -> {
                if (method.equals("prepareStatement") && ((String) args[0]).contains("ORDER BY occurred_sec")) {
                    return proxy(PreparedStatement.class, (PreparedStatement) result, (m, a, r) -> {
                        if (m.equals("setFetchSize")) {
                            fetchSize = (Integer) a[0];
                        } else if (m.equals("executeQuery")) {
                            autoCommit = connection.getAutoCommit();
                            return proxy(ResultSet.class, (ResultSet) r, (rm, ra, rr) -> {
                                if (rm.equals("next") && (Boolean) rr) {
                                    rowsRead++;
                                }
                                return rr;
                            });
                        }
                        return r;
                    });
                }
                return result;
            });
        }
    }

    private interface After {
        Object call(String method, Object[] args, Object result) throws Exception;
    }

    /** A proxy of {@code target} that passes each call on, then lets {@code after} see or replace the result. */
    private static <T> T proxy(Class<T> type, T target, After after) {
        return type.cast(Proxy.newProxyInstance(ExportTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return after.call(method.getName(), args, result);
                }));
    }
}
