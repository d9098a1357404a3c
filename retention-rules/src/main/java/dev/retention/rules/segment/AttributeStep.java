package dev.retention.rules.segment;

import java.math.BigDecimal;
import java.util.Set;

/** The step of a chain that tests a profile attribute: {@code attribute("city").equalTo("Berlin")}. */
public final class AttributeStep {
    private final String name;

    AttributeStep(String name) {
        this.name = name;
    }

    /**
     * The attribute is exactly {@code value} (case-sensitive).
     *
     * @param value the expected value, not null
     * @return the condition
     */
    public AttributeEquals equalTo(String value) {
        return new AttributeEquals(name, value);
    }

    /**
     * The attribute is one of {@code values} (case-sensitive).
     *
     * @param values the accepted values, at least one, no duplicates
     * @return the condition
     * @throws IllegalArgumentException if {@code values} is empty or holds a duplicate
     */
    public AttributeIn in(String... values) {
        return new AttributeIn(name, Set.of(values));
    }

    /**
     * Read as a decimal number, in {@code [min, max]}; a value that is not a plain decimal never matches.
     *
     * @param min the lowest accepted value
     * @param max the highest accepted value, not below {@code min}
     * @return the condition
     * @throws IllegalArgumentException if {@code min > max}
     */
    public AttributeBetween between(BigDecimal min, BigDecimal max) {
        return new AttributeBetween(name, min, max);
    }

    /**
     * Read as a decimal number, in {@code [min, max]}; a value that is not a plain decimal never matches.
     *
     * @param min the lowest accepted value
     * @param max the highest accepted value, not below {@code min}
     * @return the condition
     * @throws IllegalArgumentException if {@code min > max}
     */
    public AttributeBetween between(long min, long max) {
        return between(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    /**
     * The profile has the attribute, whatever its value.
     *
     * @return the condition
     */
    public AttributePresent present() {
        return new AttributePresent(name);
    }
}
