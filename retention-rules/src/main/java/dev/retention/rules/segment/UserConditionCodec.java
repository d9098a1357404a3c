package dev.retention.rules.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes and reads one kind of {@link UserCondition} in the segment JSON format, under its own
 * {@link #type()} name. Register it with {@link SegmentJson.Builder#register}.
 *
 * @param <T> the condition class; written only for conditions of exactly this class
 */
public interface UserConditionCodec<T extends UserCondition> {

    /** The {@code "type"} value, e.g. {@code "vip"}; must not clash with a built-in type. */
    String type();

    Class<T> conditionClass();

    /** Adds the condition's fields to {@code json} (which already holds {@code "type"}). */
    void write(T condition, ObjectNode json);

    /**
     * Reads the condition from its object (including its {@code "type"} field).
     *
     * @throws IllegalArgumentException for bad content; the library adds the JSON path to the message
     */
    T read(ObjectNode json);
}
