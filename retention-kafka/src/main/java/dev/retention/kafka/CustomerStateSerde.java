package dev.retention.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.campaign.DecisionCause;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.loyalty.EntryKind;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.loyalty.LedgerSnapshot;
import dev.retention.rules.loyalty.Source;
import dev.retention.rules.loyalty.SourceType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The state store's value: one customer's whole state. The first byte is the format's version, so
 * that a new release reads the changelog an old one wrote: {@link #V1} is JSON (events in the
 * {@link ShopEventJson} form, the profile in the {@link CustomerProfileJson} form, the fire-log
 * entries and the ledger entries field by field). A release that changes the format writes a new
 * version and keeps reading the old ones; a value of a version this release does not know fails
 * loudly rather than being misread. Personalisation values keep their Java type (text, int, long,
 * other numbers as exact decimals, booleans, lists of text). Stateless and thread-safe.
 */
final class CustomerStateSerde implements Serde<CustomerState>, Serializer<CustomerState>, Deserializer<CustomerState> {
    /** The first (and current) format: a version byte, then UTF-8 JSON. */
    static final byte V1 = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public Serializer<CustomerState> serializer() {
        return this;
    }

    @Override
    public Deserializer<CustomerState> deserializer() {
        return this;
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {}

    @Override
    public void close() {}

    @Override
    public byte[] serialize(String topic, CustomerState state) {
        return state == null ? null : write(state);
    }

    @Override
    public CustomerState deserialize(String topic, byte[] bytes) {
        return bytes == null ? null : read(bytes);
    }

    static byte[] write(CustomerState state) {
        ObjectNode root = NODES.objectNode();
        root.put("customer_id", state.customerId().value());
        ArrayNode events = root.putArray("events");
        state.history().events().forEach(e -> events.add(ShopEventJson.tree(e)));
        state.profile().ifPresent(p -> root.set("profile", CustomerProfileJson.tree(p)));
        ArrayNode decisions = root.putArray("decisions");
        state.decisions().forEach(d -> decisions.add(decision(d)));
        ArrayNode ledger = root.putArray("ledger");
        state.ledger().entries().forEach(e -> ledger.add(ledgerEntry(e)));
        try {
            byte[] json = MAPPER.writeValueAsBytes(root);
            byte[] out = new byte[json.length + 1];
            out[0] = V1;
            System.arraycopy(json, 0, out, 1, json.length);
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to print", e);
        }
    }

    static CustomerState read(byte[] bytes) {
        if (bytes.length == 0) {
            throw new SerializationException("customer state: empty value, no format version");
        }
        if (bytes[0] != V1) {
            throw new SerializationException("customer state: format version " + bytes[0]
                    + " is unknown to this release (it reads version " + V1 + ")");
        }
        try {
            JsonFields root = new JsonFields(MAPPER.readTree(bytes, 1, bytes.length - 1), "customer state");
            CustomerId customer = CustomerId.of(root.text("customer_id"));
            List<CustomerEvent> events = new ArrayList<>();
            int i = 0;
            for (JsonNode e : root.array("events")) {
                events.add(ShopEventJson.read(new JsonFields(e, "customer state.events[" + i++ + "]")));
            }
            Optional<CustomerProfile> profile = root.node().hasNonNull("profile")
                    ? Optional.of(CustomerProfileJson.read(root.object("profile")))
                    : Optional.empty();
            List<FireEntry> decisions = new ArrayList<>();
            for (JsonNode d : root.array("decisions")) {
                decisions.add(decision(new JsonFields(d, "customer state.decisions"), customer));
            }
            List<LedgerEntry> ledger = new ArrayList<>();
            for (JsonNode l : root.array("ledger")) {
                ledger.add(ledgerEntry(new JsonFields(l, "customer state.ledger"), customer));
            }
            return new CustomerState(customer, CustomerHistory.of(customer, events), profile, decisions,
                    new LedgerSnapshot(customer, ledger.size(), ledger));
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("customer state: " + e.getMessage(), e);
        }
    }

    private static ObjectNode decision(FireEntry e) {
        ObjectNode node = NODES.objectNode();
        OutgoingMessage m = e.message();
        node.put("key", m.idempotencyKey());
        node.put("campaign_id", m.campaignId());
        node.put("channel", m.channel().name());
        node.put("template_id", m.templateId());
        node.set("personalisation", personalisation(m.personalisation()));
        node.put("entry", e.entry());
        node.put("step", e.step());
        node.put("episode", e.episode());
        JsonFields.put(node, "variant", e.variant());
        node.put("trigger_reason", e.triggerReason());
        node.put("decided_at", e.decidedAt().toString());
        node.put("status", e.status().name());
        node.put("cause", e.cause().name());
        node.put("reason", e.reason());
        node.put("due_at", e.dueAt().toString());
        node.put("attempts", e.attempts());
        node.put("updated_at", e.updatedAt().toString());
        JsonFields.put(node, "left_trigger_since", e.leftTriggerSince().map(Object::toString));
        return node;
    }

    private static FireEntry decision(JsonFields f, CustomerId customer) {
        OutgoingMessage message = new OutgoingMessage(f.text("key"), customer, f.text("campaign_id"),
                Channel.of(f.text("channel")), f.text("template_id"), personalisation(f.object("personalisation")));
        return new FireEntry(message, f.intValue("entry", 0), f.intValue("step", -1), f.text("episode"),
                f.optText("variant"), f.text("trigger_reason"), f.instant("decided_at"),
                FireStatus.valueOf(f.text("status")), DecisionCause.valueOf(f.text("cause")), f.text("reason"),
                f.instant("due_at"), f.intValue("attempts", 0), f.instant("updated_at"),
                f.optInstant("left_trigger_since"));
    }

    /** Each value as {@code [type, value]}, so an Integer comes back an Integer and a Long a Long. */
    static ObjectNode personalisation(Map<String, Object> values) {
        ObjectNode node = NODES.objectNode();
        values.forEach((key, v) -> {
            ArrayNode typed = node.putArray(key);
            if (v instanceof String s) {
                typed.add("s").add(s);
            } else if (v instanceof Boolean b) {
                typed.add("b").add(b);
            } else if (v instanceof Integer n) {
                typed.add("i").add(n);
            } else if (v instanceof Long n) {
                typed.add("l").add(n);
            } else if (v instanceof BigDecimal n) {
                typed.add("d").add(n.toPlainString());
            } else if (v instanceof Number n) {
                typed.add("n").add(n.toString()); // read back as a BigDecimal: the exact text
            } else if (v instanceof List<?> list) {
                typed.add("list");
                ArrayNode items = typed.addArray();
                list.forEach(item -> items.add(String.valueOf(item)));
            } else {
                typed.add("s").add(String.valueOf(v));
            }
        });
        return node;
    }

    static Map<String, Object> personalisation(JsonFields f) {
        Map<String, Object> out = new LinkedHashMap<>();
        f.node().properties().forEach(e -> {
            JsonNode typed = e.getValue();
            if (!typed.isArray() || typed.size() != 2) {
                throw f.bad(e.getKey(), typed, "must be [type, value]");
            }
            JsonNode v = typed.get(1);
            Object value = switch (typed.get(0).asText()) {
                case "s" -> v.asText();
                case "b" -> v.asBoolean();
                case "i" -> v.asInt();
                case "l" -> v.asLong();
                case "d", "n" -> new BigDecimal(v.asText());
                case "list" -> {
                    List<String> items = new ArrayList<>();
                    v.forEach(item -> items.add(item.asText()));
                    yield List.copyOf(items);
                }
                default -> throw f.bad(e.getKey(), typed, "unknown value type");
            };
            out.put(e.getKey(), value);
        });
        return out;
    }

    private static ObjectNode ledgerEntry(LedgerEntry e) {
        ObjectNode node = NODES.objectNode();
        node.put("source", e.source().type().name());
        node.put("source_id", e.source().id());
        node.put("kind", e.kind().name());
        node.put("occurred_at", e.occurredAt().toString());
        node.put("available_at", e.availableAt().toString());
        node.put("points", e.points());
        JsonFields.put(node, "order_id", e.orderId().map(OrderId::value));
        e.amount().ifPresent(m -> {
            node.put("amount", m.toBigDecimal().toPlainString());
            node.put("currency", m.currency().getCurrencyCode());
        });
        return node;
    }

    private static LedgerEntry ledgerEntry(JsonFields f, CustomerId customer) {
        Optional<Money> amount = f.optText("amount").isPresent()
                ? Optional.of(f.money("amount", f.currency("currency")))
                : Optional.empty();
        return new LedgerEntry(customer, Source.of(SourceType.valueOf(f.text("source")), f.text("source_id")),
                EntryKind.valueOf(f.text("kind")), f.instant("occurred_at"), f.instant("available_at"),
                f.longValue("points"), f.optText("order_id").map(OrderId::of), amount);
    }

    /** A ledger entry as the ledger topic carries it. */
    static byte[] ledgerJson(LedgerEntry e) {
        ObjectNode node = ledgerEntry(e);
        node.put("customer_id", e.customerId().value());
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("a JSON tree failed to print", x);
        }
    }
}
