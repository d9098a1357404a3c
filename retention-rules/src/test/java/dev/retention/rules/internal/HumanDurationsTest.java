package dev.retention.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationsTest {

    @Test
    void writesHoursBelowTwoDaysAndDaysFromThereOn() {
        assertThat(HumanDurations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(HumanDurations.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(HumanDurations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(HumanDurations.format(Duration.ofHours(24))).isEqualTo("24h");
        assertThat(HumanDurations.format(Duration.ofHours(47))).isEqualTo("47h");
        assertThat(HumanDurations.format(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(HumanDurations.format(Duration.ofDays(60).plusHours(5))).isEqualTo("60d5h");
        assertThat(HumanDurations.format(Duration.ofMinutes(-90))).isEqualTo("-1h30m");
    }
}
