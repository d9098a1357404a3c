package dev.retention.rules.segment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Segment JSON from outside costs time in proportion to its size, however it is built. */
class HostileSegmentJsonTest {

    @Test
    void aMillionDigitAmountIsRefusedAtOnceWithItsPath() {
        String json = "{\"name\": \"x\", \"condition\": {\"type\": \"spend\", \"window\": \"ever\", "
                + "\"moreThan\": {\"amount\": \"" + "7".repeat(1_000_000) + "\", \"currency\": \"USD\"}}}";
        // a hang guard, not a speed measurement: parsing the amount took minutes (quadratic in its digits)
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> SegmentJson.standard().read(json))
                .isInstanceOf(InvalidSegmentJsonException.class)
                .hasMessageContaining("$.condition.moreThan").hasMessageContaining("too large"));
    }
}
