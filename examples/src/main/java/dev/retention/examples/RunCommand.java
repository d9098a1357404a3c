package dev.retention.examples;

import dev.retention.core.CustomerId;
import dev.retention.core.RetentionException;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.RecordingSender;
import dev.retention.jdbc.JdbcCustomerStateStore;
import dev.retention.jdbc.RetentionSchema;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Retention;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Feeds an event log through the {@link Retention} facade (the four playbook campaigns), keeping
 * the state in memory, in an SQLite file ({@code --db FILE}) or in PostgreSQL ({@code --jdbc URL}).
 * With a database, a second run over the same file stores no event twice and sends no message
 * twice, and a run on new events goes on from what the earlier runs decided.
 */
@Command(name = "run", sortOptions = false,
        description = {"Feed an event log through the Retention facade (the playbook campaigns), the state kept in"
                + " memory, in an SQLite file (--db) or in PostgreSQL (--jdbc); a second run over the same database"
                + " stores and sends nothing twice.",
            "Example: run --events data/cdnow/orders.csv --at 1998-07-01 --db shop.sqlite"})
final class RunCommand extends DemoCommand {
    @Option(names = "--events", paramLabel = "FILE", required = true, description = "The event CSV.")
    Path events;

    @Mixin
    EventFileOptions file;

    @Option(names = "--at", paramLabel = "INSTANT", converter = OptionValues.InstantOrDate.class,
            description = "The shop's clock during the run (default: the last event's time).")
    Instant at;

    @Option(names = "--db", paramLabel = "FILE",
            description = "Keep the state in this SQLite file (created if missing) between runs.")
    Path db;

    @Option(names = "--jdbc", paramLabel = "URL",
            description = "Keep the state in PostgreSQL, e.g. jdbc:postgresql://localhost/shop?user=me&password=secret.")
    String jdbc;

    @Override
    public Integer call() {
        if (db != null && jdbc != null) {
            throw usageError("--db and --jdbc are two places for the state: give one");
        }
        List<CustomerEvent> log = file.read(events);
        Instant now = at != null ? at
                : log.stream().map(CustomerEvent::occurredAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        CustomerStateStore state = state();
        RecordingSender sender = new RecordingSender();
        Retention.Builder builder = Retention.builder().state(state).sender(sender)
                .clock(Clock.fixed(now, ZoneOffset.UTC));
        PlaybookCampaigns.all().forEach(builder::campaign);
        Retention retention = builder.build();
        long before = state.events().eventCount();
        try {
            for (CustomerEvent event : log) {
                subscribe(state, event.customerId(), now);
                retention.onEvent(event);
            }
            retention.tick();
        } catch (RetentionException e) {
            throw new BadInputException("the state store failed: " + e.getMessage(), e);
        }
        long decisions = state.fireLog().entries().count();
        long sentEver = state.fireLog().entries().filter(e -> e.status() == FireStatus.SENT).count();
        out().printf("state                %s%n", where());
        out().printf("events read          %,d%n", log.size());
        out().printf("events new           %,d%n", state.events().eventCount() - before);
        out().printf("events stored        %,d of %,d customers%n", state.events().eventCount(),
                state.events().customerCount());
        out().printf("decisions stored     %,d%n", decisions);
        out().printf("sent this run        %,d%n", sender.sent().size());
        out().printf("sent in all runs     %,d%n", sentEver);
        return Demo.OK;
    }

    /** The demo's customers have said yes to email: a shop would store the profiles it has. */
    private static void subscribe(CustomerStateStore state, CustomerId customer, Instant now) {
        if (state.profiles().find(customer).isEmpty()) {
            state.profiles().put(CustomerProfile.builder(customer).email("customer@example.com")
                    .consent(Consent.given(Channel.EMAIL, Instant.EPOCH)).build());
        }
    }

    private CustomerStateStore state() {
        if (db == null && jdbc == null) {
            return CustomerStateStore.inMemory();
        }
        DataSource source;
        if (db != null) {
            SQLiteDataSource sqlite = new SQLiteDataSource();
            sqlite.setUrl("jdbc:sqlite:" + db);
            source = sqlite;
        } else {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(jdbc);
            source = postgres;
        }
        try {
            RetentionSchema.migrate(source);
            return JdbcCustomerStateStore.open(source);
        } catch (RetentionException | IllegalArgumentException e) {
            throw new BadInputException("cannot use " + where() + ": " + e.getMessage(), e);
        }
    }

    private String where() {
        return db != null ? "SQLite file " + db : jdbc != null ? "PostgreSQL" : "memory (gone when the run ends)";
    }
}
