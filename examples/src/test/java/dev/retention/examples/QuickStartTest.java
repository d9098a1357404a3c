package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.Money;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerHistory;
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
    void theReadmeShowsTheQuickStartVerbatim() throws Exception {
        String source = Files.readString(Path.of("src/main/java/dev/retention/examples/QuickStart.java"));
        String snippet = source.substring(source.indexOf("// quick-start:begin") + "// quick-start:begin".length(),
                source.indexOf("// quick-start:end"));
        String readme = Files.readString(Path.of("../README.md"));
        for (String line : snippet.strip().split("\n")) {
            assertThat(readme).as("README line").contains(line.strip());
        }
    }
}
