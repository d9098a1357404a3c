package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** The example's topology reads and writes the topics it creates (the example itself needs a broker). */
class KafkaShopTest {
    @Test
    void theTopologyUsesExactlyTheTopicsTheExampleCreates() {
        TopologyDescription description = KafkaShop.topology().topology().describe();
        java.util.Set<String> used = new java.util.TreeSet<>();
        description.subtopologies().forEach(s -> s.nodes().forEach(n -> {
            if (n instanceof TopologyDescription.Source source) {
                used.addAll(source.topicSet());
            } else if (n instanceof TopologyDescription.Sink sink) {
                used.add(sink.topic());
            }
        }));
        assertThat(used).containsExactlyInAnyOrderElementsOf(KafkaShop.topics());
    }
}
