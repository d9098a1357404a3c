package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The profile attribute {@code name}, read as a decimal number, is in {@code [min, max]} (both
 * inclusive). An absent attribute or one that is not a plain decimal number never matches.
 *
 * @param name the attribute's name
 * @param min the lowest accepted value
 * @param max the highest accepted value
 */
public record AttributeBetween(String name, BigDecimal min, BigDecimal max) implements Condition {

    /**
     * Validates the components.
     *
     * @param name the attribute's name
     * @param min the lowest accepted value
     * @param max the highest accepted value
     * @throws IllegalArgumentException if {@code name} is null or blank, or {@code min > max}
     * @throws NullPointerException if {@code min} or {@code max} is null
     */
    public AttributeBetween {
        checkArgument(name != null && !name.isBlank(), "attribute name must not be blank");
        requireNonNull(min, "min");
        requireNonNull(max, "max");
        checkArgument(min.compareTo(max) <= 0, "attribute %s: min %s must not exceed max %s", name, min, max);
    }

    @Override
    public boolean test(EvaluationContext context) {
        return number(context).filter(this::inRange).isPresent();
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Optional<String> raw = context.profile().attribute(name);
        Optional<BigDecimal> number = number(context);
        String observed = raw.isEmpty() ? "absent" : number.isEmpty() ? "'" + raw.get() + "' (not a number)"
                : number.get().toPlainString();
        return Explanation.leaf("attribute " + name, observed, range(), number.filter(this::inRange).isPresent());
    }

    private Optional<BigDecimal> number(EvaluationContext context) {
        return context.profile().attribute(name).flatMap(AttributeBetween::parse);
    }

    private static Optional<BigDecimal> parse(String text) {
        String s = text.strip();
        return s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)") ? Optional.of(new BigDecimal(s)) : Optional.empty();
    }

    private boolean inRange(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    private String range() {
        return "in [" + min.toPlainString() + ", " + max.toPlainString() + "]";
    }

    @Override
    public String describe() {
        return "attribute " + name + " " + range();
    }

    @Override
    public String toString() {
        return describe();
    }
}
