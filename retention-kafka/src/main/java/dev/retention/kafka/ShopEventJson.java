package dev.retention.kafka;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Shop events as JSON, one event per record, with the fields of the CSV event format (README, "CSV
 * event format"): {@code event_id}, {@code occurred_at}, {@code customer_id}, {@code type}
 * ({@code view}, {@code cart}, {@code order}, {@code refund}, {@code custom}), {@code product_id},
 * {@code order_id}, {@code amount}, {@code currency}, {@code quantity}. An order or a cart is one
 * record: its lines in {@code lines} ({@code product_id}, {@code quantity}, {@code amount}, the
 * line's total), the order's total in {@code amount} (the sum of the lines if absent); a view has
 * its {@code product_id}; a refund its {@code order_id}, {@code amount} and {@code currency}; a
 * custom event its {@code name} and {@code attributes} (text values).
 *
 * <pre>{@code
 * {"event_id":"v-1","occurred_at":"2026-03-01T10:00:00Z","customer_id":"anna","type":"view","product_id":"sneaker-42"}
 * {"occurred_at":"2026-03-01T10:20:00Z","customer_id":"anna","type":"order","order_id":"o-1001","currency":"EUR",
 *  "lines":[{"product_id":"sneaker-42","quantity":2,"amount":"89.90"}],"amount":"94.80"}
 * {"occurred_at":"2026-03-09","customer_id":"anna","type":"refund","order_id":"o-1001","amount":"44.95","currency":"EUR"}
 * }</pre>
 *
 * <p>Without {@code event_id} the ids are derived as the CSV import derives them ({@code order:<order_id>},
 * {@code view:<customer>:<product>@<instant>}, ...), so a repeated record is stored once. A bad record
 * throws an {@link IllegalArgumentException} naming the field and the value. This is the default
 * format of {@link RetentionTopology}; give the topology another {@link Deserializer} to read yours.
 *
 * <p>Stateless and thread-safe.
 */
public final class ShopEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ShopEventJson() {}

    /**
     * Reads one event.
     *
     * @param json the record's value, UTF-8 JSON
     * @return the event
     * @throws IllegalArgumentException if the bytes are not JSON or a field is missing or bad (the
     *     message names the field and the value)
     * @throws NullPointerException if {@code json} is null
     */
    public static CustomerEvent read(byte[] json) {
        requireNonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("event: not JSON (" + e.getMessage() + ")");
        }
        return read(new JsonFields(root, "event"));
    }

    /**
     * Writes one event in this format; {@link #read} gives back an equal event.
     *
     * @param event the event
     * @return UTF-8 JSON
     */
    public static byte[] write(CustomerEvent event) {
        try {
            return MAPPER.writeValueAsBytes(tree(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to print", e); // cannot happen for a tree
        }
    }

    /**
     * A serde in this format, e.g. for a producer of shop events.
     *
     * @return a serde; its deserializer throws on a bad record
     */
    public static Serde<CustomerEvent> serde() {
        Serializer<CustomerEvent> ser = (topic, event) -> event == null ? null : write(event);
        Deserializer<CustomerEvent> de = (topic, bytes) -> bytes == null ? null : read(bytes);
        return Serdes.serdeFrom(ser, de);
    }

    static CustomerEvent read(JsonFields f) {
        CustomerId customer = customerId(f);
        Instant at = f.instant("occurred_at");
        String type = f.text("type");
        java.util.Optional<String> eventId = f.optText("event_id");
        return switch (type) {
            case "view" -> {
                ProductId product = ProductId.of(f.text("product_id"));
                yield new ProductViewed(eventId.orElseGet(() -> "view:" + customer.value() + ":" + product.value() + "@" + at),
                        customer, at, product);
            }
            case "cart" -> new CartUpdated(eventId.orElseGet(() -> "cart:" + customer.value() + "@" + at), customer, at,
                    lines(f, lineCurrency(f)));
            case "order" -> {
                OrderId order = OrderId.of(f.text("order_id"));
                Currency currency = f.currency("currency");
                List<LineItem> lines = lines(f, currency);
                Money total;
                if (f.optText("amount").isPresent()) {
                    total = f.money("amount", currency);
                } else if (!lines.isEmpty()) {
                    total = lines.stream().map(LineItem::amount).reduce(Money::plus).orElseThrow();
                } else {
                    throw new IllegalArgumentException(f.where() + ": an order needs an amount or lines (order "
                            + order.value() + ")");
                }
                yield new OrderPlaced(eventId.orElseGet(() -> "order:" + order.value()), customer, at, order, lines, total);
            }
            case "refund" -> {
                OrderId order = OrderId.of(f.text("order_id"));
                yield new OrderRefunded(eventId.orElseGet(() -> "refund:" + order.value() + "@" + at), customer, at, order,
                        f.money("amount", f.currency("currency")));
            }
            case "custom" -> {
                Map<String, String> attributes = new LinkedHashMap<>();
                JsonNode attrs = f.node().get("attributes");
                if (attrs != null && !attrs.isNull()) {
                    new JsonFields(attrs, f.where() + ".attributes").node().properties()
                            .forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
                }
                yield new CustomEvent(eventId.orElseThrow(() -> new IllegalArgumentException(
                        f.where() + ": field event_id is required for a custom event")), customer, at, f.text("name"),
                        attributes);
            }
            default -> throw f.bad("type", f.node().get("type"), "must be view, cart, order, refund or custom");
        };
    }

    private static CustomerId customerId(JsonFields f) {
        return CustomerId.of(f.text("customer_id"));
    }

    /** A cart states its currency only if it has lines with amounts. */
    private static Currency lineCurrency(JsonFields f) {
        return f.optText("currency").isPresent() ? f.currency("currency") : null;
    }

    private static List<LineItem> lines(JsonFields f, Currency currency) {
        List<LineItem> out = new ArrayList<>();
        int i = 0;
        for (JsonNode node : f.array("lines")) {
            JsonFields line = new JsonFields(node, f.where() + ".lines[" + i++ + "]");
            if (currency == null) {
                throw new IllegalArgumentException(f.where() + ": field currency is required with lines");
            }
            out.add(new LineItem(ProductId.of(line.text("product_id")), line.intValue("quantity", 1),
                    line.money("amount", currency)));
        }
        return out;
    }

    static ObjectNode tree(CustomerEvent event) {
        ObjectNode node = NODES.objectNode();
        node.put("event_id", event.eventId());
        node.put("occurred_at", event.occurredAt().toString());
        node.put("customer_id", event.customerId().value());
        if (event instanceof ProductViewed v) {
            node.put("type", "view");
            node.put("product_id", v.productId().value());
        } else if (event instanceof CartUpdated c) {
            node.put("type", "cart");
            if (!c.items().isEmpty()) {
                node.put("currency", c.items().get(0).amount().currency().getCurrencyCode());
            }
            node.set("lines", lines(c.items()));
        } else if (event instanceof OrderPlaced o) {
            node.put("type", "order");
            node.put("order_id", o.orderId().value());
            node.put("amount", amount(o.total()));
            node.put("currency", o.total().currency().getCurrencyCode());
            node.set("lines", lines(o.items()));
        } else if (event instanceof OrderRefunded r) {
            node.put("type", "refund");
            node.put("order_id", r.orderId().value());
            node.put("amount", amount(r.amount()));
            node.put("currency", r.amount().currency().getCurrencyCode());
        } else if (event instanceof CustomEvent c) {
            node.put("type", "custom");
            node.put("name", c.name());
            ObjectNode attributes = node.putObject("attributes");
            new TreeMap<>(c.attributes()).forEach(attributes::put);
        } else {
            throw new IllegalArgumentException("no JSON form for event kind " + event.getClass().getName());
        }
        return node;
    }

    private static ArrayNode lines(List<LineItem> items) {
        ArrayNode array = NODES.arrayNode();
        for (LineItem item : items) {
            ObjectNode line = array.addObject();
            line.put("product_id", item.productId().value());
            line.put("quantity", item.quantity());
            line.put("amount", amount(item.amount()));
        }
        return array;
    }

    private static String amount(Money money) {
        return money.toBigDecimal().toPlainString();
    }
}
