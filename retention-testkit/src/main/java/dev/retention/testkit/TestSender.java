package dev.retention.testkit;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.send.DeliveryResult;
import dev.retention.core.send.MessageSender;
import dev.retention.core.send.OutgoingMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link CampaignTestDriver}'s sender: keeps what it delivered, answers a repeated idempotency
 * key with {@link DeliveryResult.Status#DUPLICATE} like a well-behaved provider (but keeps the
 * repeat, so the outbox shows a resend), and can be told to fail the next sends, to test retries
 * and give-ups.
 *
 * <pre>{@code
 * driver.sender().failNext(2, DeliveryResult.retryableFailure("smtp timeout"));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class TestSender implements MessageSender {
    private final List<OutgoingMessage> delivered = new ArrayList<>();
    private final List<OutgoingMessage> distinct = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private final Deque<DeliveryResult> scripted = new ArrayDeque<>();
    private int attempts;

    @Override
    public synchronized DeliveryResult send(OutgoingMessage message) {
        requireNonNull(message, "message");
        attempts++;
        if (!scripted.isEmpty()) {
            return scripted.removeFirst();
        }
        delivered.add(message);
        if (!keys.add(message.idempotencyKey())) {
            return DeliveryResult.duplicate();
        }
        distinct.add(message);
        return DeliveryResult.sent("test-" + distinct.size());
    }

    /**
     * Makes the next {@code times} sends answer {@code failure} (a retryable or permanent failure)
     * without delivering; later sends deliver again.
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
     */
    public synchronized List<OutgoingMessage> delivered() {
        return List.copyOf(delivered);
    }

    /** The first delivery of each idempotency key, in order: what the customer received from a deduplicating provider. */
    public synchronized List<OutgoingMessage> distinct() {
        return List.copyOf(distinct);
    }

    /** How many times the engine called {@link #send}, failures and duplicates included. */
    public synchronized int attempts() {
        return attempts;
    }
}
