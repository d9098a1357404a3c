package dev.retention.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.ProductViewed;
import dev.retention.testkit.SyntheticShop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLettersAndTicksTest {
    static final CustomerId ANNA = CustomerId.of("anna");
    static final Instant T0 = Instant.parse("2025-01-10T10:00:00Z");

    @Test
    void aBadRecordGoesToTheDeadLettersWithTheReasonAndProcessingGoesOn() {
        try (Runs.Driven driven = new Runs.Driven(Runs.topology(), TopologyPropertiesTest.tempDir(), T0)) {
            driven.events.pipeInput("k1", "{not json".getBytes(StandardCharsets.UTF_8), T0);
            driven.events.pipeInput("k2", ("{\"customer_id\":\"anna\",\"type\":\"view\",\"product_id\":\"p1\","
                    + "\"occurred_at\":\"yesterday\"}").getBytes(StandardCharsets.UTF_8), T0);
            driven.profiles.pipeInput("anna", "{\"customer_id\":\"bert\"}".getBytes(StandardCharsets.UTF_8), T0);
            driven.event(new ProductViewed("v-1", ANNA, T0, ProductId.of("p1")));

            var dead = driven.deadLetters.readRecordsToList();
            assertThat(dead).hasSize(3);
            assertThat(reason(dead.get(0))).startsWith("IllegalArgumentException: event: not JSON");
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(dead.get(0).key()).isEqualTo("k1");
            assertThat(reason(dead.get(1))).contains("field occurred_at", "'yesterday'");
            assertThat(header(dead.get(1), RetentionTopology.TOPIC_HEADER)).isEqualTo("shop-events");
            assertThat(reason(dead.get(2))).contains("record key 'anna' is not the customer id 'bert'");
            assertThat(header(dead.get(2), RetentionTopology.TOPIC_HEADER)).isEqualTo(Runs.PROFILES);
            // the good record after the bad ones was processed
            assertThat(driven.store().get("anna").history().eventCount()).isEqualTo(1);
        }
    }

    /**
     * The points program refuses an order in another currency after the event store took it; in
     * memory the event stays stored, here the step is discarded as a transaction would be.
     */
    @Test
    void anEventTheLibraryRefusesIsADeadLetterAndStoresNothing() {
        try (Runs.Driven driven = new Runs.Driven(Runs.topology(), TopologyPropertiesTest.tempDir(), T0)) {
            driven.events.pipeInput("r", ("{\"customer_id\":\"anna\",\"type\":\"order\",\"order_id\":\"o-9\","
                    + "\"amount\":\"5.00\",\"currency\":\"EUR\",\"occurred_at\":\"2025-01-10\"}")
                    .getBytes(StandardCharsets.UTF_8), T0);
            assertThat(reason(driven.deadLetters.readRecord())).startsWith("IllegalArgumentException").contains("EUR");
            assertThat(driven.store().get("anna")).isNull();
            assertThat(driven.ledger.isEmpty()).isTrue();

            // the next event starts from the stored state, not from the refused step's leftovers
            driven.event(new ProductViewed("v-1", ANNA, T0.plusSeconds(60), ProductId.of("p1")));
            assertThat(driven.store().get("anna").history().events()).extracting(e -> e.eventId())
                    .containsExactly("v-1");
        }
    }

    /**
     * Win-back is time-driven: nothing happens until the wall-clock punctuator runs, at the
     * configured interval, over the partition's customers.
     */
    @Test
    void theWallClockPunctuatorFiresWinBackAtTheConfiguredInterval() {
        RetentionTopology.Builder b = RetentionTopology.builder().profilesTopic(Runs.PROFILES)
                .tickEvery(Duration.ofHours(1));
        Playbook.campaigns().forEach(b::campaign);
        Instant lastOrder = T0.plus(Duration.ofDays(2));
        Instant wall = lastOrder.plus(Duration.ofDays(91));
        try (Runs.Driven driven = new Runs.Driven(b.build(), TopologyPropertiesTest.tempDir(), wall)) {
            driven.profile(Playbook.profile(ANNA), SyntheticShop.START);
            for (int i = 0; i < 3; i++) {
                driven.event(OrderPlaced.of("o-" + i, ANNA, T0.plus(Duration.ofDays(i)), OrderId.of("o-" + i),
                        List.of(new LineItem(ProductId.of("p1"), 1, Money.of(10, "USD")))));
            }
            assertThat(driven.sent()).extracting(Runs.Sent::key).noneMatch(k -> k.startsWith("win-back"));

            driven.tickAt(wall.plus(Duration.ofMinutes(30)));
            assertThat(driven.sent()).isEmpty(); // the interval has not passed

            Instant tick = wall.plus(Duration.ofHours(1));
            driven.tickAt(tick);
            List<Runs.Sent> sent = driven.sent();
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0).key()).startsWith("win-back:1:0:");
            assertThat(sent.get(0).at()).isEqualTo(tick);
            assertThat(sent.get(0).channel()).isEqualTo("email");

            // the second step is due a week later: a later tick sends it
            Instant week = tick.plus(Duration.ofDays(7));
            driven.tickAt(week);
            assertThat(driven.sent()).extracting(Runs.Sent::key).singleElement()
                    .satisfies(k -> assertThat(k).startsWith("win-back:1:1:"));
        }
    }

    @Test
    void aTombstoneOnTheProfilesTopicErasesTheCustomer() {
        try (Runs.Driven driven = new Runs.Driven(Runs.topology(), TopologyPropertiesTest.tempDir(), T0)) {
            var changelog = driven.driver.createOutputTopic(Runs.CHANGELOG,
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer());
            driven.profile(Playbook.profile(ANNA), T0);
            driven.event(new ProductViewed("v-1", ANNA, T0, ProductId.of("p1")));
            assertThat(driven.store().get("anna")).isNotNull();
            changelog.readRecordsToList();

            driven.profiles.pipeInput("anna", null, T0.plusSeconds(60));
            assertThat(driven.store().get("anna")).isNull();
            var erased = changelog.readRecord();
            assertThat(erased.key()).isEqualTo("anna");
            assertThat(erased.value()).isNull();
            assertThat(driven.deadLetters.isEmpty()).isTrue();
        }
    }

    static String reason(org.apache.kafka.streams.test.TestRecord<String, byte[]> r) {
        return header(r, RetentionTopology.REASON_HEADER);
    }

    static String header(org.apache.kafka.streams.test.TestRecord<String, byte[]> r, String name) {
        return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
