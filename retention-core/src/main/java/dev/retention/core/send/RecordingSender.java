package dev.retention.core.send;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link MessageSender} that keeps what it was asked to send, for tests and dry runs. Like a
 * well-behaved provider it sends each idempotency key once and answers repeats with
 * {@link DeliveryResult.Status#DUPLICATE}. Thread-safe.
 */
public final class RecordingSender implements MessageSender {
    private final List<OutgoingMessage> sent = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();
    private int duplicates;

    @Override
    public synchronized DeliveryResult send(OutgoingMessage message) {
        requireNonNull(message, "message");
        if (!keys.add(message.idempotencyKey())) {
            duplicates++;
            return DeliveryResult.duplicate();
        }
        sent.add(message);
        return DeliveryResult.sent("recorded-" + sent.size());
    }

    /** Every message sent, in sending order (repeats of an idempotency key left out). */
    public synchronized List<OutgoingMessage> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<OutgoingMessage> sentTo(CustomerId customerId) {
        return sent.stream().filter(m -> m.customerId().equals(customerId)).toList();
    }

    /** How many sends repeated an idempotency key already sent. */
    public synchronized int duplicateCount() {
        return duplicates;
    }

    public synchronized void clear() {
        sent.clear();
        keys.clear();
        duplicates = 0;
    }
}
