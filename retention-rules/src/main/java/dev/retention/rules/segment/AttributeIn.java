package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The profile attribute {@code name} is one of {@code values} (case-sensitive). An absent attribute never matches.
 *
 * @param name the attribute's name
 * @param values the accepted values, at least one
 */
public record AttributeIn(String name, Set<String> values) implements Condition {

    /**
     * Validates the components and copies {@code values}.
     *
     * @param name the attribute's name
     * @param values the accepted values, at least one
     * @throws IllegalArgumentException if {@code name} is null or blank, or {@code values} is empty
     * @throws NullPointerException if {@code values} or a value is null
     */
    public AttributeIn {
        checkArgument(name != null && !name.isBlank(), "attribute name must not be blank");
        values = Set.copyOf(requireNonNull(values, "values"));
        checkArgument(!values.isEmpty(), "attribute %s: the set of values must not be empty", name);
    }

    @Override
    public boolean test(EvaluationContext context) {
        return context.profile().attribute(name).filter(values::contains).isPresent();
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Optional<String> observed = context.profile().attribute(name);
        return Explanation.leaf("attribute " + name, observed.map(v -> "'" + v + "'").orElse("absent"),
                "in " + new TreeSet<>(values), observed.filter(values::contains).isPresent());
    }

    @Override
    public String describe() {
        return "attribute " + name + " in " + new TreeSet<>(values);
    }

    @Override
    public String toString() {
        return describe();
    }
}
