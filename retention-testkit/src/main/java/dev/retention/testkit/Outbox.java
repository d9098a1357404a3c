package dev.retention.testkit;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.campaign.FireEntry;
import java.util.List;

/**
 * What a {@link CampaignTestDriver} sent up to an instant: a snapshot to inspect or to check with
 * {@code RetentionAssertions.assertThat(outbox)}.
 *
 * @param sent the messages the sender accepted, each with the instant it was sent, in sending order,
 *     a resend of an idempotency key included
 * @param decisions the whole fire log at the same instant, in the order recorded, so a failed
 *     assertion can say why a message is missing (suppressed, held out, pending, ...)
 */
public record Outbox(List<SentMessage> sent, List<FireEntry> decisions) {

    /**
     * Copies both lists.
     *
     * @param sent the messages accepted, in sending order
     * @param decisions the fire log's entries
     */
    public Outbox {
        sent = List.copyOf(requireNonNull(sent, "sent"));
        decisions = List.copyOf(requireNonNull(decisions, "decisions"));
    }

    /**
     * The messages the sender accepted, in sending order, without their times.
     *
     * @return the messages, an immutable list
     */
    public List<OutgoingMessage> messages() {
        return sent.stream().map(SentMessage::message).toList();
    }

    /**
     * The messages sent to the customer, in sending order.
     *
     * @param customer the customer
     * @return the messages, an immutable list; empty if none
     */
    public List<OutgoingMessage> to(CustomerId customer) {
        requireNonNull(customer, "customer");
        return messages().stream().filter(m -> m.customerId().equals(customer)).toList();
    }

    /**
     * The template ids sent to the customer, in sending order: the shortest way to check a sequence.
     *
     * @param customer the customer
     * @return the template ids, an immutable list; empty if none
     */
    public List<String> templatesSentTo(CustomerId customer) {
        return to(customer).stream().map(OutgoingMessage::templateId).toList();
    }

    /**
     * How many messages were sent, resends included.
     *
     * @return the number of messages sent
     */
    public int size() {
        return sent.size();
    }

    /**
     * Whether nothing was sent.
     *
     * @return true if no message was sent
     */
    public boolean isEmpty() {
        return sent.isEmpty();
    }
}
