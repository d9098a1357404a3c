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

    /** Every message the sender was called with, in calling order, repeats of an idempotency key included. */
    public synchronized List<OutgoingMessage> sent() {
        return List.copyOf(sent);
    }

    /** The first message of each idempotency key, in calling order: what a deduplicating provider delivered. */
    public synchronized List<OutgoingMessage> distinct() {
        return List.copyOf(distinct);
    }

    /** Every call for the customer, in calling order, repeats included. */
    public synchronized List<OutgoingMessage> sentTo(CustomerId customerId) {
        return sent.stream().filter(m -> m.customerId().equals(customerId)).toList();
    }

    /** How many calls repeated an idempotency key already sent. */
    public synchronized int duplicateCount() {
        return duplicates;
    }

    public synchronized void clear() {
        sent.clear();
        distinct.clear();
        keys.clear();
        duplicates = 0;
    }
}
