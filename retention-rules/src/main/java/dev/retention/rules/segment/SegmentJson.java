package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes and reads segments and conditions as JSON, the form marketers' tools store them in.
 *
 * <p>Every condition is an object with a {@code "type"} naming it and the condition's own fields, e.g.
 * {@code {"type": "orders", "window": "P30D", "moreThan": 5}}; a segment is
 * {@code {"name": "...", "condition": {...}}}. The format is documented in {@code docs/segments.md}.
 * Reading is strict: malformed JSON, an unknown type, a missing, unknown or mistyped field, a
 * negative window or threshold, or any value a condition refuses throws
 * {@link InvalidSegmentJsonException} naming the JSON path ({@code $.condition.all[2].window}); an
 * unknown field is named with the object's valid field nearest to it
 * ({@code $.condition.all[0]: unknown field 'atleast'; did you mean 'atLeast'?}). Windows are
 * {@code "ever"}, {@code "since-last-order"}, a duration ({@code "P30D"}) or calendar months and
 * years ({@code "P3M"}, counted back from now in UTC), and are written back as read.
 * Types are resolved only through this codec's own registry (never Jackson's polymorphic typing), so
 * JSON cannot make the library instantiate a class it did not register.
 *
 * <p>Immutable and thread-safe.
 */
public final class SegmentJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Map<String, ConditionCodec<?>> byType;
    private final Map<Class<?>, ConditionCodec<?>> byClass;
    private final ConditionCodec.Nested nested = new ConditionCodec.Nested() {
        @Override
        public JsonNode write(Condition condition) {
            return writeTree(condition);
        }

        @Override
        public Condition read(JsonNode json, String path) {
            return readTree(json, path);
        }
    };

    private SegmentJson(Map<String, ConditionCodec<?>> byType) {
        this.byType = Map.copyOf(byType);
        Map<Class<?>, ConditionCodec<?>> classes = new HashMap<>();
        byType.values().forEach(codec -> classes.put(codec.conditionClass(), codec));
        this.byClass = Map.copyOf(classes);
    }

    /**
     * The codec of the built-in conditions only.
     *
     * @return a codec that refuses to write a {@link UserCondition} and to read an unknown type
     */
    public static SegmentJson standard() {
        return builder().build();
    }

    /**
     * A builder starting with the built-in conditions, to register {@link UserConditionCodec}s.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The segment as pretty-printed JSON: {@code {"name": ..., "condition": {...}}}.
     *
     * @param segment the segment
     * @return the JSON text, which {@link #read} turns back into an equal segment
     * @throws IllegalArgumentException if the tree holds a {@link UserCondition} of a class with no registered codec
     */
    public String write(Segment segment) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", segment.name());
        root.set("condition", writeTree(segment.condition()));
        return pretty(root);
    }

    /**
     * The condition as pretty-printed JSON.
     *
     * @param condition the condition
     * @return the JSON text, which {@link #readCondition} turns back into an equal condition
     * @throws IllegalArgumentException if the tree holds a {@link UserCondition} of a class with no registered codec
     */
    public String writeCondition(Condition condition) {
        return pretty(writeTree(condition));
    }

    /**
     * Reads a segment: an object with exactly the fields {@code name} and {@code condition}.
     *
     * @param json the JSON text
     * @return the segment
     * @throws InvalidSegmentJsonException if the JSON is not a valid segment, naming the path of the offending value
     */
    public Segment read(String json) {
        JsonFields root = new JsonFields(parse(json), "$");
        root.refuseUnknown(List.of("name", "condition"));
        String name = root.text("name");
        if (name.isBlank()) {
            throw new InvalidSegmentJsonException("$.name", "segment name must not be blank");
        }
        Condition condition = readTree(root.required("condition"), "$.condition");
        root.refuseOthers();
        return new Segment(name, condition);
    }

    /**
     * Reads a condition on its own (as {@link #writeCondition} writes it).
     *
     * @param json the JSON text
     * @return the condition
     * @throws InvalidSegmentJsonException if the JSON is not a valid condition, naming the path of the offending value
     */
    public Condition readCondition(String json) {
        return readTree(parse(json), "$");
    }

    private JsonNode writeTree(Condition condition) {
        requireNonNull(condition, "condition");
        ConditionCodec<?> codec = byClass.get(condition.getClass());
        checkArgument(codec != null, "no JSON codec registered for %s (register a UserConditionCodec)",
                condition.getClass().getName());
        ObjectNode out = MAPPER.createObjectNode();
        out.put("type", codec.type());
        codec.write(condition, out, nested);
        return out;
    }

    private Condition readTree(JsonNode json, String path) {
        JsonFields in = new JsonFields(json, path);
        String type = in.text("type");
        ConditionCodec<?> codec = byType.get(type);
        if (codec == null) {
            throw new InvalidSegmentJsonException(in.pathOf("type"), "unknown condition type '" + type + "'");
        }
        codec.fields().ifPresent(in::refuseUnknown);
        Condition condition;
        try {
            condition = codec.reader().read(in, nested);
        } catch (IllegalArgumentException e) {
            throw new InvalidSegmentJsonException(path, e.getMessage(), e);
        }
        in.refuseOthers();
        return condition;
    }

    private static JsonNode parse(String json) {
        requireNonNull(json, "json");
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidSegmentJsonException("$", "malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** Registers user condition codecs; not thread-safe. */
    public static final class Builder {
        private final Map<String, ConditionCodec<?>> byType = new LinkedHashMap<>();

        private Builder() {
            for (ConditionCodec<?> codec : BuiltInCodecs.all()) {
                byType.put(codec.type(), codec);
            }
        }

        /**
         * Reads and writes conditions of {@code codec.conditionClass()} under {@code codec.type()}.
         *
         * @param <T> the user condition class
         * @param codec the codec
         * @return this builder
         * @throws IllegalArgumentException if the type is blank, or the type or class is already registered
         *     (the built-in types included)
         */
        public <T extends UserCondition> Builder register(UserConditionCodec<T> codec) {
            requireNonNull(codec, "codec");
            String type = codec.type();
            checkArgument(type != null && !type.isBlank(), "codec type must not be blank");
            checkArgument(!byType.containsKey(type), "condition type '%s' is already registered", type);
            Class<T> cls = requireNonNull(codec.conditionClass(), "conditionClass");
            checkArgument(byType.values().stream().noneMatch(c -> c.conditionClass().equals(cls)),
                    "a codec for %s is already registered", cls.getName());
            // the user's codec reads the whole object and judges its fields itself
            ConditionCodec.Reader<T> reader = (in, n) -> {
                for (Iterator<String> names = in.node().fieldNames(); names.hasNext(); ) {
                    in.markRead(names.next());
                }
                return requireNonNull(codec.read(in.node().deepCopy()), () -> "codec " + type + " read null");
            };
            byType.put(type, new ConditionCodec<>(type, cls, Optional.empty(), (c, out, n) -> codec.write(c, out),
                    reader));
            return this;
        }

        /**
         * Builds the codec; later registrations on this builder do not change it.
         *
         * @return the immutable, thread-safe codec
         */
        public SegmentJson build() {
            return new SegmentJson(byType);
        }
    }
}
