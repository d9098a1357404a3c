package dev.retention.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.RecordingSender;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.customer.CustomerStateStore;
import dev.retention.rules.customer.Retention;
import dev.retention.rules.trigger.PostPurchaseTrigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The README's "Durable state (JDBC)" wiring, run on an SQLite file; the README shows these lines verbatim. */
class ReadmeWiringTest {
    private static final List<String> SNIPPET = List.of(
            "RetentionSchema.migrate(dataSource);",
            "CustomerStateStore state = JdbcCustomerStateStore.open(dataSource);",
            "Retention retention = Retention.builder().state(state).campaign(campaign)",
            "        .sender(sender).clock(Clock.systemUTC()).build();");

    @Test
    void theReadmeWiringKeepsAnEventAndItsDecisionInTheDatabase() throws Exception {
        DataSource dataSource = Databases.sqliteFile();
        Campaign campaign = Campaign.builder("thanks").trigger(PostPurchaseTrigger.after(Duration.ZERO))
                .message(Message.email("thanks")).build();
        RecordingSender sender = new RecordingSender();

        RetentionSchema.migrate(dataSource);
        CustomerStateStore state = JdbcCustomerStateStore.open(dataSource);
        Retention retention = Retention.builder().state(state).campaign(campaign)
                .sender(sender).clock(Clock.systemUTC()).build();

        CustomerId anna = CustomerId.of("anna");
        state.profiles().put(CustomerProfile.builder(anna).email("anna@example.com")
                .consent(Consent.given(Channel.EMAIL, Instant.EPOCH)).build());
        retention.onEvent(new OrderPlaced("o-1", anna, Instant.now().minusSeconds(60), OrderId.of("1"), List.of(),
                Money.of(10, "EUR")));
        assertThat(sender.sent()).hasSize(1);
        CustomerStateStore reopened = JdbcCustomerStateStore.open(dataSource);
        assertThat(reopened.read(anna).decisions()).hasSize(1);
        assertThat(reopened.read(anna).history().orderCount()).isEqualTo(1);

        String readme = Files.readString(Path.of(System.getProperty("retention.data", "../data")).resolveSibling("README.md"));
        SNIPPET.forEach(line -> assertThat(readme).as("README line").contains(line));
    }
}
