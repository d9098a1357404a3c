package dev.retention.predictive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.core.io.EventCsvReader;
import dev.retention.core.store.InMemoryEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Predictions example, from the CDNOW sample's order log to a lifetime value. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRunsOnTheCdnowSampleLog() throws IOException {
        InMemoryEventStore eventStore = new InMemoryEventStore();
        EventCsvReader.strict().importInto(eventStore,
                Path.of(System.getProperty("retention.data", "../data"), "cdnow", "sample_orders.csv"));
        Instant now = Instant.parse("1997-09-30T00:00:00Z");

        List<CustomerSummary> weekly = CustomerSummaries.builder()
                .timeUnit(Duration.ofDays(7))
                .sameDayOrdersAsOne(ZoneOffset.UTC)
                .build()
                .of(eventStore, now);
        BgNbdModel orders = BgNbdModel.fit(weekly);
        GammaGammaModel spend = GammaGammaModel.fit(weekly);
        CustomerSummary anna = weekly.get(0);
        double pAlive = orders.probabilityAlive(anna);
        double next13Weeks = orders.expectedOrders(anna, 13);
        double clv = LifetimeValue.of(orders, spend, anna, 12, 4.35, 0.01);

        // from unrounded times and cents, the published parameters to the third and second digit
        assertThat(orders.r()).isCloseTo(0.243, within(0.0005));
        assertThat(orders.alpha()).isCloseTo(4.414, within(0.0005));
        assertThat(orders.a()).isCloseTo(0.793, within(0.0005));
        assertThat(orders.b()).isCloseTo(2.426, within(0.0005));
        assertThat(spend.p()).isCloseTo(6.25, within(0.005));
        assertThat(spend.q()).isCloseTo(3.74, within(0.005));
        assertThat(spend.v()).isCloseTo(15.44, within(0.01));
        assertThat(anna.customerId().value()).isEqualTo("0001");
        assertThat(pAlive).isCloseTo(0.7266, within(0.001));
        assertThat(next13Weeks).isPositive().isLessThan(orders.expectedOrders(anna, 39));
        assertThat(clv).isPositive();
        String readme = Files.readString(Path.of(System.getProperty("retention.data", "../data"), "..", "README.md"));
        assertThat(readme).contains("double clv = LifetimeValue.of(orders, spend, anna, 12, 4.35, 0.01);",
                ".of(eventStore, now);", "BgNbdModel orders = BgNbdModel.fit(weekly);");
    }
}
