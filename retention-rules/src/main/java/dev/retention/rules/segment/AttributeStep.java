package dev.retention.rules.segment;

import java.math.BigDecimal;
import java.util.Set;

/** The step of a chain that tests a profile attribute: {@code attribute("city").equalTo("Berlin")}. */
public final class AttributeStep {
    private final String name;

    AttributeStep(String name) {
        this.name = name;
    }

    public AttributeEquals equalTo(String value) {
        return new AttributeEquals(name, value);
    }

    public AttributeIn in(String... values) {
        return new AttributeIn(name, Set.of(values));
    }

    /** Read as a decimal number, in {@code [min, max]}. */
    public AttributeBetween between(BigDecimal min, BigDecimal max) {
        return new AttributeBetween(name, min, max);
    }

    /** Read as a decimal number, in {@code [min, max]}. */
    public AttributeBetween between(long min, long max) {
        return between(BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    public AttributePresent present() {
        return new AttributePresent(name);
    }
}
