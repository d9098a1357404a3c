package dev.retention.core.send;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link MessageSender} that keeps what it was asked to send, for tests and dry runs. Like a
 * well-behaved provider it delivers each idempotency key once and answers repeats with
 * {@link DeliveryResult.Status#DUPLICATE}, but it keeps every call: a test must be able to see that
 * the engine handed it one key twice. Thread-safe.
 */
public final class RecordingSender implements MessageSender {
    private final List<OutgoingMessage> sent = new ArrayList<>();
    private final List<OutgoingMessage> distinct = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private int duplicates;

    /** A sender that has recorded nothing yet. */
    public RecordingSender() {
    }

    /**
     * Records the message.
     *
     * @param message the message
     * @return {@link DeliveryResult#sent(String)} with id {@code recorded-N} (N counting distinct
     *     keys from 1) for a new idempotency key, {@link DeliveryResult#duplicate()} for a key
     *     already recorded
     * @throws NullPointerException if {@code message} is null
     */
    @Override
    public synchronized DeliveryResult send(OutgoingMessage message) {
        requireNonNull(message, "message");
        sent.add(message);
        if (!keys.add(message.idempotencyKey())) {
            duplicates++;
            return DeliveryResult.duplicate();
        }
        distinct.add(message);
        return DeliveryResult.sent("recorded-" + distinct.size());
    }

    /**
     * Every message the sender was called with, repeats of an idempotency key included.
     *
     * @return an immutable copy, in calling order
     */
    public synchronized List<OutgoingMessage> sent() {
        return List.copyOf(sent);
    }

    /**
     * The first message of each idempotency key: what a deduplicating provider delivered.
     *
     * @return an immutable copy, in calling order
     */
    public synchronized List<OutgoingMessage> distinct() {
        return List.copyOf(distinct);
    }

    /**
     * Every call for the customer, repeats included.
     *
     * @param customerId the recipient
     * @return an immutable list in calling order; empty if the customer got nothing
     */
    public synchronized List<OutgoingMessage> sentTo(CustomerId customerId) {
        return sent.stream().filter(m -> m.customerId().equals(customerId)).toList();
    }

    /**
     * How many calls repeated an idempotency key already sent; 0 for an engine that keeps its
     * at-most-once promise (absent crashes).
     *
     * @return the number of repeated calls since creation or the last {@link #clear()}
     */
    public synchronized int duplicateCount() {
        return duplicates;
    }

    /**
     * Forgets everything recorded, including the keys: a key sent before is new again afterwards.
     */
    public synchronized void clear() {
        sent.clear();
        distinct.clear();
        keys.clear();
        duplicates = 0;
    }
}
