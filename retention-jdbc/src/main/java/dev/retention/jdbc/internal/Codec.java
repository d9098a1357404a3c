package dev.retention.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.StoreException;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.AcquisitionSource;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.campaign.DecisionCause;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.loyalty.EntryKind;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.loyalty.Source;
import dev.retention.rules.loyalty.SourceType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON bodies of the rows: field by field with Jackson's tree model (no type ids, no
 * reflection), so a body reads back equal to what was written, and a column holds what the
 * queries need beside it. Instants are ISO-8601 text (nanoseconds kept). A message's
 * personalisation is kept as JSON: strings, numbers, booleans, lists and maps of them come back
 * equal (a whole number as an {@code Integer} when it fits, else a {@code Long}). Stateless and
 * thread-safe.
 */
public final class Codec {
    // map entries sorted by key: the same values always give the same body text, which replace compares
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private Codec() {}

    /**
     * The order id stored in the {@code order_id} column: an order's or a refund's, else null.
     *
     * @param event the event
     * @return the order id's value, or null for other kinds
     */
    public static String orderIdOf(CustomerEvent event) {
        if (event instanceof OrderPlaced o) {
            return o.orderId().value();
        } else if (event instanceof OrderRefunded r) {
            return r.orderId().value();
        }
        return null;
    }

    /**
     * The money stored in the amount and currency columns: an order's total or a refund's amount,
     * else null.
     *
     * @param event the event
     * @return the amount, or null for other kinds
     */
    public static Money amountOf(CustomerEvent event) {
        if (event instanceof OrderPlaced o) {
            return o.total();
        } else if (event instanceof OrderRefunded r) {
            return r.amount();
        }
        return null;
    }

    /**
     * The event's kind as stored in the {@code kind} column.
     *
     * @param event the event
     * @return view, cart, order, refund or custom
     */
    public static String kind(CustomerEvent event) {
        if (event instanceof ProductViewed) {
            return "view";
        } else if (event instanceof CartUpdated) {
            return "cart";
        } else if (event instanceof OrderPlaced) {
            return "order";
        } else if (event instanceof OrderRefunded) {
            return "refund";
        }
        return "custom";
    }

    /**
     * An event's body: what the columns do not hold.
     *
     * @param event the event
     * @return JSON text
     */
    public static String event(CustomerEvent event) {
        ObjectNode node = NODES.objectNode();
        if (event instanceof ProductViewed v) {
            node.put("product", v.productId().value());
        } else if (event instanceof CartUpdated c) {
            node.set("items", items(c.items()));
        } else if (event instanceof OrderPlaced o) {
            node.put("order", o.orderId().value());
            node.set("items", items(o.items()));
            money(node, "total", o.total());
        } else if (event instanceof OrderRefunded r) {
            node.put("order", r.orderId().value());
            money(node, "amount", r.amount());
        } else if (event instanceof CustomEvent x) {
            node.put("name", x.name());
            node.set("attributes", strings(x.attributes()));
        }
        return write(node);
    }

    /**
     * Reads an event back.
     *
     * @param customer the customer column
     * @param eventId the event id column
     * @param kind the kind column
     * @param at the time columns, joined
     * @param body the body column
     * @return the event as appended
     */
    public static CustomerEvent event(String customer, String eventId, String kind, Instant at, String body) {
        JsonNode n = read(body);
        CustomerId c = CustomerId.of(customer);
        switch (kind) {
            case "view":
                return new ProductViewed(eventId, c, at, ProductId.of(n.get("product").asText()));
            case "cart":
                return new CartUpdated(eventId, c, at, items(n.get("items")));
            case "order":
                return new OrderPlaced(eventId, c, at, OrderId.of(n.get("order").asText()), items(n.get("items")),
                        money(n, "total"));
            case "refund":
                return new OrderRefunded(eventId, c, at, OrderId.of(n.get("order").asText()), money(n, "amount"));
            case "custom":
                return new CustomEvent(eventId, c, at, n.get("name").asText(), stringMap(n.get("attributes")));
            default:
                throw new StoreException("event " + eventId + " of customer " + customer + " has an unknown kind "
                        + kind + " in the database");
        }
    }

    /**
     * A profile's body.
     *
     * @param p the profile
     * @return JSON text
     */
    public static String profile(CustomerProfile p) {
        ObjectNode node = NODES.objectNode();
        p.email().ifPresent(v -> node.put("email", v));
        p.phone().ifPresent(v -> node.put("phone", v));
        p.birthday().ifPresent(v -> node.put("birthday", v.toString()));
        p.birthDate().ifPresent(v -> node.put("birthDate", v.toString()));
        p.signedUpAt().ifPresent(v -> node.put("signedUpAt", v.toString()));
        node.put("zone", p.zone().getId());
        p.locale().ifPresent(v -> node.put("locale", v.toLanguageTag()));
        ArrayNode consents = node.putArray("consents");
        new TreeMap<>(byName(p.consents())).values().forEach(c -> consents.addObject()
                .put("channel", c.channel().name()).put("granted", c.granted()).put("at", c.at().toString()));
        p.acquisitionSource().ifPresent(s -> {
            ObjectNode source = node.putObject("acquisitionSource").put("channel", s.channel());
            s.campaign().ifPresent(campaign -> source.put("campaign", campaign));
        });
        node.set("attributes", strings(p.attributes()));
        return write(node);
    }

    /**
     * Reads a profile back.
     *
     * @param customer the customer column
     * @param body the body column
     * @return the profile as put
     */
    public static CustomerProfile profile(String customer, String body) {
        JsonNode n = read(body);
        Map<Channel, Consent> consents = new LinkedHashMap<>();
        for (JsonNode c : n.get("consents")) {
            Channel channel = Channel.of(c.get("channel").asText());
            consents.put(channel, new Consent(channel, c.get("granted").asBoolean(), Instant.parse(c.get("at").asText())));
        }
        Optional<AcquisitionSource> source = Optional.ofNullable(n.get("acquisitionSource"))
                .map(s -> new AcquisitionSource(s.get("channel").asText(), text(s, "campaign")));
        return new CustomerProfile(CustomerId.of(customer), text(n, "email"), text(n, "phone"),
                text(n, "birthday").map(MonthDay::parse), text(n, "birthDate").map(LocalDate::parse),
                text(n, "signedUpAt").map(Instant::parse), ZoneId.of(n.get("zone").asText()),
                text(n, "locale").map(Locale::forLanguageTag), consents, source, stringMap(n.get("attributes")));
    }

    /**
     * A fire-log entry's body: the whole entry.
     *
     * @param e the entry
     * @return JSON text
     */
    public static String fireEntry(FireEntry e) {
        ObjectNode node = NODES.objectNode();
        OutgoingMessage m = e.message();
        node.put("campaign", m.campaignId()).put("channel", m.channel().name()).put("template", m.templateId());
        node.set("personalisation", MAPPER.valueToTree(new TreeMap<>(m.personalisation())));
        m.recipient().ifPresent(r -> node.put("recipient", r));
        node.put("entry", e.entry()).put("step", e.step()).put("episode", e.episode());
        e.variant().ifPresent(v -> node.put("variant", v));
        node.put("triggerReason", e.triggerReason()).put("decidedAt", e.decidedAt().toString());
        node.put("status", e.status().name()).put("cause", e.cause().name()).put("reason", e.reason());
        node.put("dueAt", e.dueAt().toString()).put("attempts", e.attempts()).put("updatedAt", e.updatedAt().toString());
        e.leftTriggerSince().ifPresent(t -> node.put("leftTriggerSince", t.toString()));
        return write(node);
    }

    /**
     * Reads a fire-log entry back.
     *
     * @param key the key column
     * @param customer the customer column
     * @param body the body column
     * @return the entry as recorded or last replaced
     */
    public static FireEntry fireEntry(String key, String customer, String body) {
        JsonNode n = read(body);
        Map<String, Object> personalisation = MAPPER.convertValue(n.get("personalisation"), MAP);
        OutgoingMessage message = new OutgoingMessage(key, CustomerId.of(customer), n.get("campaign").asText(),
                Channel.of(n.get("channel").asText()), n.get("template").asText(), personalisation,
                text(n, "recipient"));
        return new FireEntry(message, n.get("entry").asInt(), n.get("step").asInt(), n.get("episode").asText(),
                text(n, "variant"), n.get("triggerReason").asText(), Instant.parse(n.get("decidedAt").asText()),
                FireStatus.valueOf(n.get("status").asText()), DecisionCause.valueOf(n.get("cause").asText()),
                n.get("reason").asText(), Instant.parse(n.get("dueAt").asText()), n.get("attempts").asInt(),
                Instant.parse(n.get("updatedAt").asText()), text(n, "leftTriggerSince").map(Instant::parse));
    }

    /**
     * A ledger entry's body.
     *
     * @param e the entry
     * @return JSON text
     */
    public static String ledgerEntry(LedgerEntry e) {
        ObjectNode node = NODES.objectNode();
        node.put("sourceType", e.source().type().name()).put("sourceId", e.source().id());
        node.put("kind", e.kind().name()).put("occurredAt", e.occurredAt().toString())
                .put("availableAt", e.availableAt().toString()).put("points", e.points());
        e.orderId().ifPresent(o -> node.put("order", o.value()));
        e.amount().ifPresent(a -> money(node, "amount", a));
        return write(node);
    }

    /**
     * Reads a ledger entry back.
     *
     * @param customer the customer column
     * @param body the body column
     * @return the entry as appended
     */
    public static LedgerEntry ledgerEntry(String customer, String body) {
        JsonNode n = read(body);
        return new LedgerEntry(CustomerId.of(customer),
                Source.of(SourceType.valueOf(n.get("sourceType").asText()), n.get("sourceId").asText()),
                EntryKind.valueOf(n.get("kind").asText()), Instant.parse(n.get("occurredAt").asText()),
                Instant.parse(n.get("availableAt").asText()), n.get("points").asLong(),
                text(n, "order").map(OrderId::of),
                n.has("amount") ? Optional.of(money(n, "amount")) : Optional.empty());
    }

    private static Map<String, Consent> byName(Map<Channel, Consent> consents) {
        Map<String, Consent> out = new LinkedHashMap<>();
        consents.forEach((channel, consent) -> out.put(channel.name(), consent));
        return out;
    }

    private static ArrayNode items(List<LineItem> items) {
        ArrayNode array = NODES.arrayNode();
        for (LineItem item : items) {
            ObjectNode line = array.addObject().put("product", item.productId().value()).put("quantity", item.quantity());
            money(line, "amount", item.amount());
        }
        return array;
    }

    private static List<LineItem> items(JsonNode array) {
        List<LineItem> items = new ArrayList<>();
        for (JsonNode line : array) {
            items.add(new LineItem(ProductId.of(line.get("product").asText()), line.get("quantity").asInt(),
                    money(line, "amount")));
        }
        return items;
    }

    private static void money(ObjectNode node, String field, Money money) {
        node.putObject(field).put("minor", money.minorUnits()).put("currency", money.currency().getCurrencyCode());
    }

    private static Money money(JsonNode node, String field) {
        JsonNode m = node.get(field);
        return Money.ofMinor(m.get("minor").asLong(), Currency.getInstance(m.get("currency").asText()));
    }

    private static ObjectNode strings(Map<String, String> map) {
        ObjectNode node = NODES.objectNode();
        new TreeMap<>(map).forEach(node::put);
        return node;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(f -> map.put(f.getKey(), f.getValue().asText()));
        return map;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new StoreException("a row's body in the database is not the JSON this library wrote", e);
        }
    }
}
