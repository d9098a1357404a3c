package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The step of a chain that counts custom events:
 * {@code customEvents("review_written").with("rating", "5").within(days(30)).atLeast(1)}. Immutable:
 * {@link #with} returns a new step.
 */
public final class CustomEventStep {
    private final String name;
    private final Map<String, String> attributes;

    CustomEventStep(String name, Map<String, String> attributes) {
        checkArgument(name != null && !name.isBlank(), "custom event name must not be blank");
        this.name = name;
        this.attributes = Map.copyOf(attributes);
    }

    /**
     * Only events whose attribute {@code key} equals {@code value} (case-sensitive); several {@code with}s
     * must all hold, and a second {@code with} of the same key replaces the first.
     *
     * @param key the attribute's name, not blank
     * @param value the value it must have
     * @return a new step; this one is not changed
     * @throws IllegalArgumentException if {@code key} is null or blank
     */
    public CustomEventStep with(String key, String value) {
        checkArgument(key != null && !key.isBlank(), "attribute key must not be blank");
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(key, requireNonNull(value, "value"));
        return new CustomEventStep(name, more);
    }

    /**
     * In {@code [now - length, now]}, both edges inclusive.
     *
     * @param length how far back from {@code now}
     * @return the step that takes the count threshold
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public CountStep<CustomEventCount> within(Duration length) {
        return in(Window.last(length));
    }

    /**
     * In the last calendar months and years, counted back in UTC: {@code within(months(3))}.
     *
     * @param length how far back from {@code now}
     * @return the step that takes the count threshold
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public CountStep<CustomEventCount> within(Period length) {
        return in(Window.last(length));
    }

    /**
     * At or before {@code now}, whatever their age.
     *
     * @return the step that takes the count threshold
     */
    public CountStep<CustomEventCount> ever() {
        return in(Window.ever());
    }

    private CountStep<CustomEventCount> in(Window window) {
        return new CountStep<>(bound -> new CustomEventCount(name, attributes, window, bound));
    }
}
