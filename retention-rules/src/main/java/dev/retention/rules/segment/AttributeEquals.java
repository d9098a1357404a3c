package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The profile attribute {@code name} is exactly {@code value} (case-sensitive). An absent attribute never matches.
 *
 * @param name the attribute's name
 * @param value the expected value
 */
public record AttributeEquals(String name, String value) implements Condition {

    /**
     * Validates the components.
     *
     * @param name the attribute's name
     * @param value the expected value
     * @throws IllegalArgumentException if {@code name} is null or blank
     * @throws NullPointerException if {@code value} is null
     */
    public AttributeEquals {
        checkArgument(name != null && !name.isBlank(), "attribute name must not be blank");
        requireNonNull(value, "value");
    }

    @Override
    public boolean test(EvaluationContext context) {
        return context.profile().attribute(name).filter(value::equals).isPresent();
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Optional<String> observed = context.profile().attribute(name);
        return Explanation.leaf("attribute " + name, observed.map(v -> "'" + v + "'").orElse("absent"),
                "= '" + value + "'", observed.filter(value::equals).isPresent());
    }

    @Override
    public String describe() {
        return "attribute " + name + " = '" + value + "'";
    }

    @Override
    public String toString() {
        return describe();
    }
}
