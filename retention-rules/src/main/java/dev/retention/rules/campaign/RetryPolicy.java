package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the engine retries a send that failed for now: at most {@code maxAttempts} attempts in all,
 * waiting {@code initialBackoff} after the first failure and {@code multiplier} times longer after
 * each next one, never more than {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    public RetryPolicy {
        checkArgument(maxAttempts >= 1, "maxAttempts must be at least 1, got %s", maxAttempts);
        requireNonNull(initialBackoff, "initialBackoff");
        checkArgument(!initialBackoff.isNegative() && !initialBackoff.isZero(),
                "initialBackoff must be positive, got %s", initialBackoff);
        checkArgument(multiplier >= 1.0 && Double.isFinite(multiplier), "multiplier must be at least 1, got %s",
                multiplier);
        requireNonNull(maxBackoff, "maxBackoff");
        checkArgument(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff (%s) must be at least initialBackoff (%s)",
                maxBackoff, initialBackoff);
    }

    /** 5 attempts, 1 minute, doubling, at most 1 hour. */
    public static RetryPolicy ofDefaults() {
        return new RetryPolicy(5, Duration.ofMinutes(1), 2.0, Duration.ofHours(1));
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (from 1). */
    public Duration backoffAfter(int failedAttempts) {
        checkArgument(failedAttempts >= 1, "failedAttempts must be at least 1, got %s", failedAttempts);
        double nanos = initialBackoff.toNanos() * Math.pow(multiplier, failedAttempts - 1);
        return nanos >= maxBackoff.toNanos() ? maxBackoff : Duration.ofNanos((long) nanos);
    }
}
