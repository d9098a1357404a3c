package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

/**
 * How the engine retries a send that failed for now: at most {@code maxAttempts} attempts in all,
 * waiting {@code initialBackoff} after the first failure and {@code multiplier} times longer after
 * each next one, never more than {@code maxBackoff}.
 *
 * @param maxAttempts the most attempts in all, the first included; at least 1 (1 means no retry)
 * @param initialBackoff the wait after the first failure, positive
 * @param multiplier the factor by which each next wait grows, at least 1 and finite
 * @param maxBackoff the longest wait, at least {@code initialBackoff}
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    /**
     * Validates the components.
     *
     * @param maxAttempts the most attempts in all, the first included; at least 1 (1 means no retry)
     * @param initialBackoff the wait after the first failure, positive
     * @param multiplier the factor by which each next wait grows, at least 1 and finite
     * @param maxBackoff the longest wait, at least {@code initialBackoff}
     * @throws IllegalArgumentException if a component is out of its range
     * @throws NullPointerException if a duration is null
     */
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

    /**
     * 5 attempts, 1 minute, doubling, at most 1 hour.
     *
     * @return the default policy
     */
    public static RetryPolicy ofDefaults() {
        return new RetryPolicy(5, Duration.ofMinutes(1), 2.0, Duration.ofHours(1));
    }

    /**
     * The wait after the {@code failedAttempts}-th failed attempt (from 1):
     * {@code min(initialBackoff * multiplier^(failedAttempts - 1), maxBackoff)}.
     *
     * @param failedAttempts how many attempts failed so far, at least 1
     * @return the wait before the next attempt
     * @throws IllegalArgumentException if {@code failedAttempts} is below 1
     */
    public Duration backoffAfter(int failedAttempts) {
        checkArgument(failedAttempts >= 1, "failedAttempts must be at least 1, got %s", failedAttempts);
        double nanos = initialBackoff.toNanos() * Math.pow(multiplier, failedAttempts - 1);
        return nanos >= maxBackoff.toNanos() ? maxBackoff : Duration.ofNanos((long) nanos);
    }

    /**
     * The wait after the {@code failedAttempts}-th failed attempt when the channel asked for one
     * (an HTTP {@code Retry-After}): the longer of {@link #backoffAfter(int)} and the asked wait,
     * but never longer than {@code maxBackoff}, so a channel cannot park a message for days.
     *
     * @param failedAttempts how many attempts failed so far, at least 1
     * @param asked the wait the channel asked for, or empty
     * @return the wait before the next attempt
     * @throws IllegalArgumentException if {@code failedAttempts} is below 1
     * @throws NullPointerException if {@code asked} is null
     */
    public Duration backoffAfter(int failedAttempts, Optional<Duration> asked) {
        Duration own = backoffAfter(failedAttempts);
        requireNonNull(asked, "asked");
        if (asked.isEmpty() || asked.get().compareTo(own) <= 0) {
            return own;
        }
        return asked.get().compareTo(maxBackoff) >= 0 ? maxBackoff : asked.get();
    }
}
