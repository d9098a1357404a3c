package dev.retention.rules.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMinutes(1), 2.0, Duration.ofHours(1));

    @Property(tries = 200)
    void aRequestedWaitIsHonouredWithinTheLongestBackoffAndNeverShortensTheOwn(
            @ForAll @IntRange(min = 1, max = 10) int failed, @ForAll @LongRange(min = 0, max = 10_000) long askedSeconds) {
        Duration own = policy.backoffAfter(failed);
        Duration asked = Duration.ofSeconds(askedSeconds);

        Duration wait = policy.backoffAfter(failed, Optional.of(asked));

        assertThat(wait).isEqualTo(max(own, min(asked, policy.maxBackoff())));
        assertThat(policy.backoffAfter(failed, Optional.empty())).isEqualTo(own);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
