package dev.retention.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.core.send.PlannedMessage;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link CampaignTestDriver}'s sender: records what was delivered and when, and can be told to
 * fail the next sends, to test retries and give-ups. It delivers either through your own
 * {@link MessageSender} (the one your shop uses, or a fake of its provider), recording around it,
 * or, by default, like a well-behaved provider that answers a repeated idempotency key with
 * {@link DeliveryResult.Status#DUPLICATE} (the repeat is still recorded, so the outbox shows a
 * resend).
 *
 * <pre>{@code
 * driver.sender().failNext(2, DeliveryResult.retryableFailure("smtp timeout"));
 * }</pre>
 *
 * <p>A message counts as delivered when the answer {@linkplain DeliveryResult#isDelivered() is
 * delivered} (sent, or a duplicate); a failure, a null answer or an exception of your sender
 * records nothing and reaches the engine unchanged. Thread-safe if your sender is.
 */
public final class TestSender implements MessageSender {
    private final MessageSender delivery;
    private final Clock clock;
    private final List<SentMessage> delivered = new ArrayList<>();
    private final List<OutgoingMessage> distinct = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final Deque<DeliveryResult> scripted = new ArrayDeque<>();
    private int attempts;

    /**
     * A sender that delivers everything like a deduplicating provider, stamping sends with the UTC
     * system clock.
     */
    public TestSender() {
        this(Clock.systemUTC());
    }

    /**
     * A sender that delivers everything like a deduplicating provider, stamping sends with {@code clock}.
     *
     * @param clock stamps each delivery (the driver passes its virtual clock)
     */
    public TestSender(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
        this.delivery = null;
    }

    /**
     * A sender that delivers through {@code delivery} (your sender) and records what it accepted,
     * stamped with {@code clock}; scripted failures ({@link #failNext}) answer before it is called.
     *
     * @param delivery your sender, called for every send not scripted to fail
     * @param clock stamps each delivery (the driver passes its virtual clock)
     */
    public TestSender(MessageSender delivery, Clock clock) {
        this.delivery = requireNonNull(delivery, "delivery");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public DeliveryResult send(OutgoingMessage message) {
        requireNonNull(message, "message");
        synchronized (this) {
            attempts++;
            if (!scripted.isEmpty()) {
                return scripted.removeFirst();
            }
            if (delivery == null) {
                boolean first = keys.add(message.idempotencyKey());
                record(message, first);
                return first ? DeliveryResult.sent("test-" + distinct.size()) : DeliveryResult.duplicate();
            }
        }
        // your sender runs without this lock: a slow one must not hold up other customers' sends
        DeliveryResult result = delivery.send(message);
        if (result != null && result.isDelivered()) {
            synchronized (this) {
                record(message, keys.add(message.idempotencyKey()));
            }
        }
        return result;
    }

    /**
     * Hands the engine's build-time check to your sender, if you gave one (so a campaign whose
     * template your sender cannot fill fails in the test as it would in production); accepts
     * everything otherwise.
     *
     * @param planned the campaign step
     * @throws IllegalArgumentException if your sender refuses it
     */
    @Override
    public void check(PlannedMessage planned) {
        requireNonNull(planned, "planned");
        if (delivery != null) {
            delivery.check(planned);
        }
    }

    private void record(OutgoingMessage message, boolean first) {
        delivered.add(new SentMessage(message, clock.instant()));
        if (first) {
            distinct.add(message);
        }
    }

    /**
     * Makes the next {@code times} sends answer {@code failure} (a retryable or permanent failure)
     * without delivering; later sends deliver again.
     *
     * @param times how many of the next sends fail, at least 1
     * @param failure the answer: a retryable or permanent failure
     * @return this sender
     */
    public synchronized TestSender failNext(int times, DeliveryResult failure) {
        requireNonNull(failure, "failure");
        checkArgument(times >= 1, "times must be at least 1, got %s", times);
        checkArgument(!failure.isDelivered(), "failure must be a failure, got %s", failure.status());
        for (int i = 0; i < times; i++) {
            scripted.addLast(failure);
        }
        return this;
    }

    /**
     * Every message delivered, in order, repeats of an idempotency key included (answered as
     * duplicates, but the engine did send them again); failed attempts left out.
     *
     * @return the messages, an immutable list
     */
    public synchronized List<OutgoingMessage> delivered() {
        return delivered.stream().map(SentMessage::message).toList();
    }

    /**
     * {@link #delivered()}, each message with the instant it was sent.
     *
     * @return the deliveries, an immutable list
     */
    public synchronized List<SentMessage> deliveries() {
        return List.copyOf(delivered);
    }

    /**
     * The first delivery of each idempotency key, in order: what the customer received from a
     * deduplicating provider.
     *
     * @return the messages, an immutable list
     */
    public synchronized List<OutgoingMessage> distinct() {
        return List.copyOf(distinct);
    }

    /**
     * How many times the engine called {@link #send}, failures and duplicates included.
     *
     * @return the number of calls so far
     */
    public synchronized int attempts() {
        return attempts;
    }
}
