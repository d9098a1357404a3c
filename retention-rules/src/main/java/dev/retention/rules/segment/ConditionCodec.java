package dev.retention.rules.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How one condition class is written to and read from JSON under its type name. Combinators write
 * and read their parts through {@link Nested}.
 */
record ConditionCodec<C extends Condition>(String type, Class<C> conditionClass, Writer<C> writer,
        Reader<C> reader) {

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
