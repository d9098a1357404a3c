package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The profile has the attribute {@code name}, whatever its value.
 *
 * @param name the attribute's name
 */
public record AttributePresent(String name) implements Condition {

    /**
     * Validates the component.
     *
     * @param name the attribute's name
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public AttributePresent {
        checkArgument(name != null && !name.isBlank(), "attribute name must not be blank");
    }

    @Override
    public boolean test(EvaluationContext context) {
        return context.profile().attribute(name).isPresent();
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        boolean present = test(context);
        return Explanation.leaf("attribute " + name, present ? "present" : "absent", "", present);
    }

    @Override
    public String describe() {
        return "attribute " + name + " is present";
    }

    @Override
    public String toString() {
        return describe();
    }
}
