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
 * @param messages the delivered messages, in sending order, a resend of an idempotency key included
 * @param decisions the whole fire log at the same instant, in the order recorded, so a failed
 *     assertion can say why a message is missing (suppressed, held out, pending, ...)
 */
public record Outbox(List<OutgoingMessage> messages, List<FireEntry> decisions) {

    public Outbox {
        messages = List.copyOf(requireNonNull(messages, "messages"));
        decisions = List.copyOf(requireNonNull(decisions, "decisions"));
    }

    /** The messages sent to the customer, in sending order. */
    public List<OutgoingMessage> to(CustomerId customer) {
        requireNonNull(customer, "customer");
        return messages.stream().filter(m -> m.customerId().equals(customer)).toList();
    }

    /** The template ids sent to the customer, in sending order: the shortest way to check a sequence. */
    public List<String> templatesSentTo(CustomerId customer) {
        return to(customer).stream().map(OutgoingMessage::templateId).toList();
    }

    public int size() {
        return messages.size();
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }
}
