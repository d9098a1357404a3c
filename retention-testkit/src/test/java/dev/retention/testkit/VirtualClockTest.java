package dev.retention.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

    @Test
    void standsStillUntilAdvancedAndNeverGoesBack() {
        VirtualClock clock = VirtualClock.at("2026-01-01T00:00:00Z");
        assertThat(clock.instant()).isEqualTo(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(clock.advance(Duration.ofHours(25))).isEqualTo(Instant.parse("2026-01-02T01:00:00Z"));
        assertThat(clock.advanceTo(Instant.parse("2026-02-01T00:00:00Z"))).isEqualTo(clock.instant());
        assertThatThrownBy(() -> clock.advanceTo(Instant.parse("2026-01-15T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backwards");
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zonedCopiesShareTheInstant() {
        VirtualClock clock = VirtualClock.at("2026-01-01T00:00:00Z");
        VirtualClock berlin = clock.withZone(ZoneId.of("Europe/Berlin"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(berlin.instant()).isEqualTo(clock.instant());
        assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }
}
