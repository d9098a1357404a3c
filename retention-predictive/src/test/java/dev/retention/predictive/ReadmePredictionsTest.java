package dev.retention.predictive;

import static dev.retention.rules.segment.Conditions.days;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.io.EventCsvReader;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import dev.retention.rules.segment.Segment;
import dev.retention.rules.segment.SegmentEvaluator;
import dev.retention.rules.trigger.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's predictions-in-segments example on the CDNOW sample, and the README showing it verbatim. */
class ReadmePredictionsTest {

    @Test
    void theReadmeSegmentAndTriggerRunOnTheCdnowSample() throws IOException {
        Path data = Path.of(System.getProperty("retention.data", "../data"));
        InMemoryEventStore eventStore = new InMemoryEventStore();
        EventCsvReader.strict().importInto(eventStore, data.resolve("cdnow").resolve("sample_orders.csv"));
        Instant now = Instant.parse("1997-09-30T00:00:00Z");
        CustomerSummaries summaries = CustomerSummaries.builder().timeUnit(Duration.ofDays(7))
                .sameDayOrdersAsOne(ZoneOffset.UTC).build();
        List<CustomerSummary> weekly = summaries.of(eventStore, now);
        BgNbdModel orders = BgNbdModel.fit(weekly);
        GammaGammaModel spend = GammaGammaModel.fit(weekly);

        Predictions predictions = Predictions.of(orders, spend, summaries); // summaries: the CustomerSummaries above
        Segment slipping = Segment.named("slipping-valuable")
                .where(predictions.pAlive().below(0.3))
                .and(predictions.predictedValue(days(365)).above(Money.of(200, "USD")));
        Trigger atRisk = AtRiskTrigger.builder(predictions).below(0.3).build();

        List<CustomerId> members = SegmentEvaluator.of(slipping).members(eventStore, new InMemoryProfileStore(), now)
                .members();
        long expected = weekly.stream().filter(c -> orders.probabilityAlive(c) < 0.3
                && spend.expectedAverageValue(c) * orders.expectedOrders(c, 365 / 7.0) > 200).count();
        assertThat(members).hasSize((int) expected);
        long atRiskNow = eventStore.histories()
                .filter(h -> atRisk.evaluate(h, dev.retention.core.profile.CustomerProfile.unknown(h.customerId()), now)
                        .isPresent()).count();
        assertThat(atRiskNow).isGreaterThanOrEqualTo(members.size()).isPositive();

        String readme = Files.readString(data.resolve("..").resolve("README.md"));
        assertThat(readme).contains("""
                Predictions predictions = Predictions.of(orders, spend, summaries); // summaries: the CustomerSummaries above
                Segment slipping = Segment.named("slipping-valuable")
                        .where(predictions.pAlive().below(0.3))
                        .and(predictions.predictedValue(days(365)).above(Money.of(200, "USD")));
                Trigger atRisk = AtRiskTrigger.builder(predictions).below(0.3).build();
                """);
    }
}
