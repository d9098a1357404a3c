package dev.retention.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SegmentJsonRoundTripTest {
    private final SegmentJson json = SegmentJson.builder().register(VipCondition.CODEC).build();

    @Provide
    Arbitrary<Condition> conditions() {
        return SegmentArbitraries.conditions();
    }

    @Property(tries = 300)
    void everyConditionTreeSurvivesARoundTrip(@ForAll("conditions") Condition condition) {
        String written = json.writeCondition(condition);
        assertThat(json.readCondition(written)).isEqualTo(condition);
        assertThat(json.writeCondition(json.readCondition(written))).isEqualTo(written);
    }

    @Property(tries = 100)
    void segmentsSurviveARoundTrip(@ForAll("conditions") Condition condition) {
        Segment segment = Segment.named("random").where(condition);
        assertThat(json.read(json.write(segment))).isEqualTo(segment);
    }
}
