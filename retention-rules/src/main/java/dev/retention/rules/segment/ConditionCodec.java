package dev.retention.rules.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How one condition class is written to and read from JSON under its type name. Combinators write
 * and read their parts through {@link Nested}.
 *
 * @param fields the fields the object may have besides {@code "type"}; empty for a user codec, which
 *     reads the object itself and judges its fields
 */
record ConditionCodec<C extends Condition>(String type, Class<C> conditionClass, Optional<List<String>> fields,
        Writer<C> writer, Reader<C> reader) {

    ConditionCodec {
        fields = fields.map(names -> {
            List<String> all = new ArrayList<>(List.of("type"));
            all.addAll(names);
            return List.copyOf(all);
        });
    }

    /** A built-in codec whose objects hold {@code "type"} and exactly {@code fields}. */
    ConditionCodec(String type, Class<C> conditionClass, List<String> fields, Writer<C> writer, Reader<C> reader) {
        this(type, conditionClass, Optional.of(fields), writer, reader);
    }

    /** Writes and reads nested conditions, keeping track of JSON paths. */
    interface Nested {
        JsonNode write(Condition condition);

        Condition read(JsonNode json, String path);
    }

    @FunctionalInterface
    interface Writer<C> {
        void write(C condition, ObjectNode out, Nested nested);
    }

    @FunctionalInterface
    interface Reader<C> {
        C read(JsonFields in, Nested nested);
    }

    void write(Condition condition, ObjectNode out, Nested nested) {
        writer.write(conditionClass.cast(condition), out, nested);
    }
}
