package dev.retention.senders;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.util.concurrent.RateLimiter;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.PlannedMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Decorators that keep a sender within what its channel takes: a rate per channel (a provider's
 * "100 messages a second") and a bound on calls in flight (an SMTP server's connection limit).
 *
 * <p>A call that cannot go within {@code maxWait} is not queued further: it answers a retryable
 * failure and the campaign engine tries again after its backoff, so a burst never holds the
 * engine's send threads past its send timeout. Keep {@code maxWait} below that timeout. The
 * campaign engine's build-time {@link MessageSender#check} reaches the wrapped sender.
 *
 * <pre>{@code
 * MessageSender sender = Limits.concurrency(
 *         Limits.rate(smtp, Map.of(Channel.EMAIL, 20.0), Duration.ofSeconds(1)), 4, Duration.ofSeconds(1));
 * }</pre>
 */
public final class Limits {
    private Limits() {
    }

    /**
     * Limits each listed channel to a rate (Guava {@link RateLimiter}, smooth, no bursts beyond
     * one second's permits); other channels pass unlimited.
     *
     * @param sender the sender to wrap
     * @param perSecond the most messages per second, per channel; each positive and finite
     * @param maxWait how long a call may wait for its turn, not negative
     * @return the rate-limited sender, thread-safe
     * @throws IllegalArgumentException if a rate is not positive or {@code maxWait} is negative
     */
    public static MessageSender rate(MessageSender sender, Map<Channel, Double> perSecond, Duration maxWait) {
        requireNonNull(sender, "sender");
        requireNonNull(perSecond, "perSecond");
        checkWait(maxWait);
        ImmutableMap.Builder<Channel, RateLimiter> limiters = ImmutableMap.builder();
        perSecond.forEach((channel, rate) -> {
            checkArgument(rate != null && rate > 0 && Double.isFinite(rate),
                    "rate for channel %s must be positive, got %s", channel, rate);
            limiters.put(channel, RateLimiter.create(rate));
        });
        Map<Channel, RateLimiter> byChannel = limiters.build();
        long waitNanos = maxWait.toNanos();
        return new Limited(sender, message -> {
            RateLimiter limiter = byChannel.get(message.channel());
            if (limiter != null && !limiter.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                return DeliveryResult.retryableFailure("rate limit of " + limiter.getRate() + "/s for channel "
                        + message.channel() + " reached");
            }
            return sender.send(message);
        });
    }

    /**
     * Allows at most {@code maxInFlight} calls of the sender at once.
     *
     * @param sender the sender to wrap
     * @param maxInFlight the most calls at once, at least 1
     * @param maxWait how long a call may wait for a free slot, not negative
     * @return the bounded sender, thread-safe
     * @throws IllegalArgumentException if {@code maxInFlight} is below 1 or {@code maxWait} is negative
     */
    public static MessageSender concurrency(MessageSender sender, int maxInFlight, Duration maxWait) {
        requireNonNull(sender, "sender");
        checkArgument(maxInFlight >= 1, "maxInFlight must be at least 1, got %s", maxInFlight);
        checkWait(maxWait);
        Semaphore slots = new Semaphore(maxInFlight, true);
        long waitNanos = maxWait.toNanos();
        return new Limited(sender, (OutgoingMessage message) -> {
            try {
                if (!slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                    return DeliveryResult.retryableFailure("concurrency limit of " + maxInFlight + " sends reached");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return DeliveryResult.retryableFailure("interrupted waiting for a send slot");
            }
            try {
                return sender.send(message);
            } finally {
                slots.release();
            }
        });
    }

    /** A limited sender: sends through the limit, and hands the engine's build-time checks to the wrapped sender. */
    private static final class Limited implements MessageSender {
        private final MessageSender wrapped;
        private final MessageSender limited;

        Limited(MessageSender wrapped, MessageSender limited) {
            this.wrapped = wrapped;
            this.limited = limited;
        }

        @Override
        public DeliveryResult send(OutgoingMessage message) {
            return limited.send(message);
        }

        @Override
        public void check(PlannedMessage planned) {
            wrapped.check(planned);
        }
    }

    private static void checkWait(Duration maxWait) {
        requireNonNull(maxWait, "maxWait");
        checkArgument(!maxWait.isNegative(), "maxWait must not be negative, got %s", maxWait);
    }
}
