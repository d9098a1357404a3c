package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.Money;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.RecordingSender;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.customer.Erasure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void theQuickStartComputesWhatItsCommentsSay() {
        CustomerHistory history = QuickStart.annasHistory();
        Instant now = Instant.parse("2026-03-10T00:00:00Z");
        assertThat(history.eventCount()).isEqualTo(3);
        assertThat(history.orderCountAsOf(now)).isEqualTo(1);
        assertThat(history.netSpendAsOf(Currency.getInstance("EUR"), now)).isEqualTo(Money.parse("44.95", "EUR"));
        assertThat(history.productsViewed(now.minusSeconds(86_400 * 30), now)).containsExactly(ProductId.of("sneaker-42"));
    }

    @Test
    void theFacadesQuickStartDoesWhatItsCommentsSay() {
        RecordingSender sender = new RecordingSender();

        QuickStart.ShopDay day = QuickStart.annaAtTheShop(sender);

        assertThat(sender.sent()).extracting(OutgoingMessage::templateId).containsExactly("join-our-loyalty-club");
        assertThat(day.second().fireEntries()).extracting(FireEntry::status).contains(FireStatus.SENT);
        assertThat(day.points()).isEqualTo(118);
        assertThat(day.export()).contains("\"email\" : \"anna@example.com\"", "o-1001", "o-1002", "join-our-loyalty-club");
        assertThat(day.erased()).isEqualTo(new Erasure(2, 1, 1, 2));
    }

    @Test
    void theReadmeShowsTheQuickStartVerbatimFacadeFirst() throws Exception {
        String source = Files.readString(Path.of("src/main/java/dev/retention/examples/QuickStart.java"));
        String readme = Files.readString(Path.of("../README.md"));
        String facade = snippet(source, "facade");
        String store = snippet(source, "quick-start");
        for (String snippet : java.util.List.of(facade, store)) {
            for (String line : snippet.strip().split("\n")) {
                assertThat(readme).as("README line").contains(line.strip());
            }
        }
        assertThat(readme.indexOf("Retention retention = Retention.builder()"))
                .as("the facade comes first").isPositive()
                .isLessThan(readme.indexOf("EventStore events = new InMemoryEventStore();"));
    }

    private static String snippet(String source, String name) {
        return source.substring(source.indexOf("// " + name + ":begin") + ("// " + name + ":begin").length(),
                source.indexOf("// " + name + ":end"));
    }
}
