package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.profile.Channel;
import dev.retention.rules.internal.HumanDurations;
import java.time.Duration;
import java.util.Optional;

/**
 * At most {@code max} messages per customer in any rolling window of {@code window}, across all
 * campaigns: on one channel, or on all channels together. A message counts from the instant it
 * was sent; a send at {@code t} is refused if {@code max} messages were sent in
 * {@code (t - window, t]}.
 *
 * @param max the most messages in any window, at least 1
 * @param window the rolling window, positive
 * @param channel the channel capped, or empty for all channels together
 */
public record FrequencyCap(int max, Duration window, Optional<Channel> channel) {

    /**
     * Validates the components.
     *
     * @param max the most messages in any window, at least 1
     * @param window the rolling window, positive
     * @param channel the channel capped, or empty for all channels together
     * @throws IllegalArgumentException if {@code max} is below 1 or {@code window} is zero or negative
     * @throws NullPointerException if a component is null
     */
    public FrequencyCap {
        checkArgument(max >= 1, "frequency cap max must be at least 1, got %s", max);
        requireNonNull(window, "window");
        checkArgument(!window.isNegative() && !window.isZero(), "frequency cap window must be positive, got %s",
                window);
        requireNonNull(channel, "channel");
    }

    /**
     * A cap on all channels together: {@code FrequencyCap.overall(3, Duration.ofDays(7))}.
     *
     * @param max the most messages in any window, at least 1
     * @param window the rolling window, positive
     * @return the cap
     * @throws IllegalArgumentException if {@code max} is below 1 or {@code window} is zero or negative
     */
    public static FrequencyCap overall(int max, Duration window) {
        return new FrequencyCap(max, window, Optional.empty());
    }

    /**
     * A cap on one channel.
     *
     * @param channel the channel
     * @param max the most messages on it in any window, at least 1
     * @param window the rolling window, positive
     * @return the cap
     * @throws IllegalArgumentException if {@code max} is below 1 or {@code window} is zero or negative
     */
    public static FrequencyCap perChannel(Channel channel, int max, Duration window) {
        return new FrequencyCap(max, window, Optional.of(requireNonNull(channel, "channel")));
    }

    boolean covers(Channel messageChannel) {
        return channel.isEmpty() || channel.get().equals(messageChannel);
    }

    @Override
    public String toString() {
        return max + " per " + HumanDurations.format(window) + channel.map(c -> " on " + c).orElse(" overall");
    }
}
