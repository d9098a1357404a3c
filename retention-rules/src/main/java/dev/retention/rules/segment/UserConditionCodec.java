package dev.retention.rules.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes and reads one kind of {@link UserCondition} in the segment JSON format, under its own
 * {@link #type()} name. Register it with {@link SegmentJson.Builder#register}.
 *
 * @param <T> the condition class; written only for conditions of exactly this class
 */
public interface UserConditionCodec<T extends UserCondition> {

    /**
     * The {@code "type"} value, e.g. {@code "vip"}; must not clash with a built-in type.
     *
     * @return the type name, the same on every call
     */
    String type();

    /**
     * The class this codec writes; {@link SegmentJson} picks the codec by the condition's exact class.
     *
     * @return the condition class
     */
    Class<T> conditionClass();

    /**
     * Adds the condition's fields to {@code json} (which already holds {@code "type"}).
     *
     * @param condition the condition to write
     * @param json the condition's object, to add fields to
     */
    void write(T condition, ObjectNode json);

    /**
     * Reads the condition from its object (including its {@code "type"} field).
     *
     * @param json the condition's object
     * @return the condition
     * @throws IllegalArgumentException for bad content; the library adds the JSON path to the message
     */
    T read(ObjectNode json);
}
