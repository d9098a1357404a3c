package dev.retention.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class RetentionTopologyTest {

    @Test
    void badSettingsAreRefusedNamingTheSettingAndTheValue() {
        assertThatThrownBy(() -> RetentionTopology.builder().tickEvery(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tickEvery").hasMessageContaining("PT0.01S");
        assertThatThrownBy(() -> RetentionTopology.builder().cachedCustomers(-1))
                .hasMessageContaining("cachedCustomers").hasMessageContaining("-1");
        assertThatThrownBy(() -> RetentionTopology.builder().outboxTopic(" "))
                .hasMessageContaining("outboxTopic");
        assertThatThrownBy(() -> RetentionTopology.builder().ledgerTopic("retention-outbox").build())
                .hasMessageContaining("topics must differ");
        assertThatThrownBy(() -> RetentionTopology.builder().tiers(
                dev.retention.rules.loyalty.TierPolicy.builder().orderCount()
                        .baseTier("member", dev.retention.rules.loyalty.TierBenefits.none()).build()).build())
                .hasMessageContaining("tiers is set but points is not");
        assertThatThrownBy(() -> RetentionTopology.builder().storeSupplier(Stores.inMemoryKeyValueStore("a"))
                .storeName("b").build()).hasMessageContaining("storeName b differs");
    }

    @Test
    void aBuilderChangedAfterBuildDoesNotChangeTheTopology() {
        RetentionTopology.Builder builder = RetentionTopology.builder();
        RetentionTopology topology = builder.build();
        builder.outboxTopic("elsewhere").eventsKeyedByCustomer();
        assertThat(topics(topology)).contains("retention-outbox", "retention-events-by-customer")
                .doesNotContain("elsewhere");
    }

    @Test
    void streamsPropertiesAskForExactlyOnce() {
        assertThat(RetentionTopology.streamsProperties("app", "kafka:9092"))
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "app");
    }

    static Set<String> topics(RetentionTopology topology) {
        Set<String> used = new TreeSet<>();
        topology.topology().describe().subtopologies().forEach(s -> s.nodes().forEach(n -> {
            if (n instanceof TopologyDescription.Source source) {
                used.addAll(source.topicSet());
            } else if (n instanceof TopologyDescription.Sink sink) {
                used.add(sink.topic());
            }
        }));
        return used;
    }
}
