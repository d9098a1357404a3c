package dev.retention.kafka;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retention.core.CustomerId;
import dev.retention.core.profile.AcquisitionSource;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Customer profiles as JSON, one profile per record of the profiles topic (keyed by customer id):
 * {@code customer_id}, {@code email}, {@code phone}, {@code birthday} ({@code --12-24}),
 * {@code birth_date}, {@code signed_up_at}, {@code zone} (default UTC), {@code locale} (a language
 * tag), {@code consents} ({@code {"email": {"granted": true, "at": "2026-01-01T00:00:00Z"}}}),
 * {@code acquisition_source} ({@code channel}, {@code campaign}) and {@code attributes} (text
 * values). Absent fields are empty. A record replaces the customer's stored profile.
 *
 * <p>Stateless and thread-safe. A bad record throws an {@link IllegalArgumentException} naming the
 * field and the value.
 */
public final class CustomerProfileJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CustomerProfileJson() {}

    /**
     * Reads one profile.
     *
     * @param json UTF-8 JSON
     * @return the profile
     * @throws IllegalArgumentException if the bytes are not JSON or a field is bad
     */
    public static CustomerProfile read(byte[] json) {
        requireNonNull(json, "json");
        try {
            return read(new JsonFields(MAPPER.readTree(json), "profile"));
        } catch (IOException e) {
            throw new IllegalArgumentException("profile: not JSON (" + e.getMessage() + ")");
        }
    }

    /**
     * Writes one profile; {@link #read} gives back an equal profile.
     *
     * @param profile the profile
     * @return UTF-8 JSON
     */
    public static byte[] write(CustomerProfile profile) {
        try {
            return MAPPER.writeValueAsBytes(tree(profile));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to print", e);
        }
    }

    static CustomerProfile read(JsonFields f) {
        CustomerId customer = CustomerId.of(f.text("customer_id"));
        Map<Channel, Consent> consents = new HashMap<>();
        JsonNode c = f.node().get("consents");
        if (c != null && !c.isNull()) {
            JsonFields all = new JsonFields(c, f.where() + ".consents");
            all.node().properties().forEach(e -> {
                Channel channel = Channel.of(e.getKey());
                JsonFields one = new JsonFields(e.getValue(), all.where() + "." + e.getKey());
                consents.put(channel, new Consent(channel, one.bool("granted"), one.instant("at")));
            });
        }
        Optional<AcquisitionSource> source = Optional.empty();
        JsonNode s = f.node().get("acquisition_source");
        if (s != null && !s.isNull()) {
            JsonFields src = new JsonFields(s, f.where() + ".acquisition_source");
            source = Optional.of(new AcquisitionSource(src.text("channel"), src.optText("campaign")));
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        JsonNode a = f.node().get("attributes");
        if (a != null && !a.isNull()) {
            new JsonFields(a, f.where() + ".attributes").node().properties()
                    .forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
        }
        try {
            return new CustomerProfile(customer, f.optText("email"), f.optText("phone"),
                    f.optText("birthday").map(MonthDay::parse), f.optText("birth_date").map(LocalDate::parse),
                    f.optInstant("signed_up_at"), f.optText("zone").map(ZoneId::of).orElse(ZoneOffset.UTC),
                    f.optText("locale").map(Locale::forLanguageTag), consents, source, attributes);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(f.where() + ": a date or zone field is bad: " + e.getMessage());
        }
    }

    static ObjectNode tree(CustomerProfile p) {
        ObjectNode node = NODES.objectNode();
        node.put("customer_id", p.customerId().value());
        JsonFields.put(node, "email", p.email());
        JsonFields.put(node, "phone", p.phone());
        JsonFields.put(node, "birthday", p.birthday().map(MonthDay::toString));
        JsonFields.put(node, "birth_date", p.birthDate().map(LocalDate::toString));
        JsonFields.put(node, "signed_up_at", p.signedUpAt().map(Instant::toString));
        node.put("zone", p.zone().getId());
        JsonFields.put(node, "locale", p.locale().map(Locale::toLanguageTag));
        ObjectNode consents = node.putObject("consents");
        Map<String, Consent> byName = new TreeMap<>();
        p.consents().forEach((channel, consent) -> byName.put(channel.name(), consent));
        byName.forEach((name, consent) -> {
            ObjectNode one = consents.putObject(name);
            one.put("granted", consent.granted());
            one.put("at", consent.at().toString());
        });
        p.acquisitionSource().ifPresent(s -> {
            ObjectNode src = node.putObject("acquisition_source");
            src.put("channel", s.channel());
            JsonFields.put(src, "campaign", s.campaign());
        });
        ObjectNode attributes = node.putObject("attributes");
        new TreeMap<>(p.attributes()).forEach(attributes::put);
        return node;
    }
}
