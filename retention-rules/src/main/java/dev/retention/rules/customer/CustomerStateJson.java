package dev.retention.rules.customer;

import static com.google.common.base.Preconditions.checkState;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.loyalty.LedgerEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes a {@link CustomerState} as the JSON of {@code Retention.export}: a tree built field by
 * field, so the format is ours and stable (no type ids, no Jackson polymorphic typing, nothing
 * read back into classes). Instants are ISO-8601 text, money is {@code {"amount": "44.95",
 * "currency": "EUR"}} (exact decimal text), an absent value is {@code null}.
 */
final class CustomerStateJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CustomerStateJson() {}

    static String write(CustomerState state, Instant exportedAt) {
        ObjectNode root = NODES.objectNode();
        root.put("customerId", state.customerId().value());
        root.put("exportedAt", exportedAt.toString());
        ArrayNode events = root.putArray("events");
        state.history().events().forEach(e -> events.add(event(e)));
        root.set("profile", state.profile().<JsonNode>map(CustomerStateJson::profile).orElse(NODES.nullNode()));
        ArrayNode decisions = root.putArray("decisions");
        state.decisions().forEach(d -> decisions.add(decision(d)));
        ObjectNode ledger = root.putObject("ledger");
        ledger.put("version", state.ledger().version());
        ArrayNode entries = ledger.putArray("entries");
        state.ledger().entries().forEach(e -> entries.add(ledgerEntry(e)));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to print", e); // cannot happen for a tree
        }
    }

    /**
     * Writes the same document as {@link #write} to {@code out} while {@code store} hands the
     * customer's parts over: each part goes through the generator as it comes, so no more than one
     * event, decision or ledger entry is held here at once. {@code out} is flushed, not closed.
     */
    static void stream(CustomerStateStore store, CustomerId customer, Instant exportedAt, Writer out) {
        try (JsonGenerator json = MAPPER.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            json.writeStringField("customerId", customer.value());
            json.writeStringField("exportedAt", exportedAt.toString());
            json.writeArrayFieldStart("events");
            StreamingSink sink = new StreamingSink(json);
            store.exportTo(customer, sink);
            checkState(sink.part == Part.LEDGER, "the seam's exportTo ended before the ledger (at %s)", sink.part);
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("the export of customer " + customer.value() + " failed to write", e);
        }
    }

    private enum Part { EVENTS, DECISIONS, LEDGER }

    /** Writes each part as it comes, checking that the seam keeps the sink's order. */
    private static final class StreamingSink implements CustomerStateSink {
        private final JsonGenerator json;
        private Part part = Part.EVENTS;

        StreamingSink(JsonGenerator json) {
            this.json = json;
        }

        @Override
        public void event(CustomerEvent event) {
            expect(Part.EVENTS, "an event");
            tree(CustomerStateJson.event(event));
        }

        @Override
        public void profile(Optional<CustomerProfile> profile) {
            expect(Part.EVENTS, "the profile");
            try {
                json.writeEndArray();
                json.writeFieldName("profile");
                tree(profile.<JsonNode>map(CustomerStateJson::profile).orElse(NODES.nullNode()));
                json.writeArrayFieldStart("decisions");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            part = Part.DECISIONS;
        }

        @Override
        public void decision(FireEntry entry) {
            expect(Part.DECISIONS, "a decision");
            tree(CustomerStateJson.decision(entry));
        }

        @Override
        public void ledgerVersion(long version) {
            expect(Part.DECISIONS, "the ledger's version");
            try {
                json.writeEndArray();
                json.writeObjectFieldStart("ledger");
                json.writeNumberField("version", version);
                json.writeArrayFieldStart("entries");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            part = Part.LEDGER;
        }

        @Override
        public void ledgerEntry(LedgerEntry entry) {
            expect(Part.LEDGER, "a ledger entry");
            tree(CustomerStateJson.ledgerEntry(entry));
        }

        private void expect(Part expected, String what) {
            checkState(part == expected, "the seam's exportTo handed over %s out of order (at %s)", what, part);
        }

        private void tree(JsonNode node) {
            try {
                json.writeTree(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static ObjectNode event(CustomerEvent event) {
        ObjectNode node = NODES.objectNode();
        String type;
        if (event instanceof ProductViewed v) {
            type = "view";
            node.put("productId", v.productId().value());
        } else if (event instanceof CartUpdated c) {
            type = "cart";
            node.set("items", items(c.items()));
        } else if (event instanceof OrderPlaced o) {
            type = "order";
            node.put("orderId", o.orderId().value());
            node.set("items", items(o.items()));
            node.set("total", money(o.total()));
        } else if (event instanceof OrderRefunded r) {
            type = "refund";
            node.put("orderId", r.orderId().value());
            node.set("amount", money(r.amount()));
        } else if (event instanceof CustomEvent c) {
            type = "custom";
            node.put("name", c.name());
            node.set("attributes", strings(c.attributes()));
        } else {
            throw new IllegalStateException("no JSON form for event kind " + event.getClass().getName());
        }
        ObjectNode out = NODES.objectNode();
        out.put("type", type);
        out.put("eventId", event.eventId());
        out.put("occurredAt", event.occurredAt().toString());
        out.setAll(node);
        return out;
    }

    private static ArrayNode items(List<LineItem> items) {
        ArrayNode array = NODES.arrayNode();
        for (LineItem item : items) {
            ObjectNode line = array.addObject();
            line.put("productId", item.productId().value());
            line.put("quantity", item.quantity());
            line.set("amount", money(item.amount()));
        }
        return array;
    }

    private static ObjectNode profile(CustomerProfile p) {
        ObjectNode node = NODES.objectNode();
        put(node, "email", p.email());
        put(node, "phone", p.phone());
        put(node, "birthday", p.birthday().map(Object::toString));
        put(node, "birthDate", p.birthDate().map(Object::toString));
        put(node, "signedUpAt", p.signedUpAt().map(Instant::toString));
        node.put("zone", p.zone().getId());
        put(node, "locale", p.locale().map(java.util.Locale::toLanguageTag));
        ObjectNode consents = node.putObject("consents");
        new TreeMap<>(p.consents().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue)))
                .forEach((channel, consent) -> consents.set(channel, consent(consent)));
        ObjectNode source = NODES.objectNode();
        p.acquisitionSource().ifPresent(s -> {
            source.put("channel", s.channel());
            put(source, "campaign", s.campaign());
        });
        node.set("acquisitionSource", p.acquisitionSource().isPresent() ? source : NODES.nullNode());
        node.set("attributes", strings(p.attributes()));
        return node;
    }

    private static ObjectNode consent(Consent consent) {
        ObjectNode node = NODES.objectNode();
        node.put("granted", consent.granted());
        node.put("at", consent.at().toString());
        return node;
    }

    private static ObjectNode decision(FireEntry e) {
        ObjectNode node = NODES.objectNode();
        node.put("key", e.key());
        node.put("campaignId", e.campaignId());
        node.put("channel", e.message().channel().name());
        node.put("templateId", e.message().templateId());
        ObjectNode personalisation = node.putObject("personalisation");
        new TreeMap<>(e.message().personalisation()).forEach((k, v) -> personalisation.set(k, value(v)));
        node.put("entry", e.entry());
        node.put("step", e.step());
        node.put("episode", e.episode());
        put(node, "variant", e.variant());
        node.put("triggerReason", e.triggerReason());
        node.put("decidedAt", e.decidedAt().toString());
        node.put("status", e.status().name());
        node.put("cause", e.cause().name());
        node.put("reason", e.reason());
        node.put("dueAt", e.dueAt().toString());
        node.put("attempts", e.attempts());
        node.put("updatedAt", e.updatedAt().toString());
        put(node, "leftTriggerSince", e.leftTriggerSince().map(Instant::toString));
        return node;
    }

    private static ObjectNode ledgerEntry(LedgerEntry e) {
        ObjectNode node = NODES.objectNode();
        node.put("source", e.source().type().name());
        node.put("sourceId", e.source().id());
        node.put("kind", e.kind().name());
        node.put("occurredAt", e.occurredAt().toString());
        node.put("availableAt", e.availableAt().toString());
        node.put("points", e.points());
        put(node, "orderId", e.orderId().map(id -> id.value()));
        node.set("amount", e.amount().<JsonNode>map(CustomerStateJson::money)
                .orElse(NODES.nullNode()));
        return node;
    }

    private static ObjectNode money(Money money) {
        ObjectNode node = NODES.objectNode();
        node.put("amount", money.toBigDecimal().toPlainString());
        node.put("currency", money.currency().getCurrencyCode());
        return node;
    }

    private static ObjectNode strings(Map<String, String> values) {
        ObjectNode node = NODES.objectNode();
        new TreeMap<>(values).forEach(node::put);
        return node;
    }

    /** A personalisation value: text, numbers and booleans as they are, collections as arrays, anything else as its text. */
    private static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return NODES.textNode(n.toString()); // exact text, never a lossy double
        }
        if (v instanceof Money m) {
            return money(m);
        }
        if (v instanceof Collection<?> c) {
            ArrayNode array = NODES.arrayNode();
            c.forEach(item -> array.add(value(item)));
            return array;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode node = NODES.objectNode();
            new TreeMap<>(m.entrySet().stream().collect(Collectors.toMap(
                    e -> String.valueOf(e.getKey()), Map.Entry::getValue))).forEach((k, x) -> node.set(k, value(x)));
            return node;
        }
        return NODES.textNode(v.toString());
    }

    private static void put(ObjectNode node, String field, Optional<String> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }
}
