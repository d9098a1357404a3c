package dev.retention.kafka;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retention.core.CustomerId;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.OutgoingMessage;
import java.io.IOException;

/**
 * A message on the outbox topic: the record's key is the idempotency key, the value this JSON
 * ({@code key}, {@code customer_id}, {@code campaign_id}, {@code channel}, {@code template_id},
 * {@code recipient} if the channel has one, {@code personalisation} with each value as
 * {@code [type, value]}). The recipient is contact data: the outbox topic holds personal data.
 * Stateless and thread-safe.
 */
public final class OutboxMessageJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutboxMessageJson() {}

    /**
     * Writes a message as the outbox topic carries it.
     *
     * @param message the message
     * @return UTF-8 JSON; {@link #read} gives back an equal message
     */
    public static byte[] write(OutgoingMessage message) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("key", message.idempotencyKey());
        node.put("customer_id", message.customerId().value());
        node.put("campaign_id", message.campaignId());
        node.put("channel", message.channel().name());
        node.put("template_id", message.templateId());
        JsonFields.put(node, "recipient", message.recipient());
        node.set("personalisation", CustomerStateSerde.personalisation(message.personalisation()));
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to print", e);
        }
    }

    /**
     * Reads a message of the outbox topic.
     *
     * @param json the record's value
     * @return the message
     * @throws IllegalArgumentException if the value is not such a message (naming the field and value)
     */
    public static OutgoingMessage read(byte[] json) {
        requireNonNull(json, "json");
        JsonFields f;
        try {
            f = new JsonFields(MAPPER.readTree(json), "outbox message");
        } catch (IOException e) {
            throw new IllegalArgumentException("outbox message: not JSON (" + e.getMessage() + ")");
        }
        return new OutgoingMessage(f.text("key"), CustomerId.of(f.text("customer_id")), f.text("campaign_id"),
                Channel.of(f.text("channel")), f.text("template_id"),
                CustomerStateSerde.personalisation(f.object("personalisation")), f.optText("recipient"));
    }
}
