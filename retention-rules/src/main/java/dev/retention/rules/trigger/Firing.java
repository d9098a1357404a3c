package dev.retention.rules.trigger;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trigger fired for a customer: why, which occurrence, and what a message may say about it.
 *
 * @param trigger the name of the trigger that fired
 * @param episode identifies this occurrence of the trigger's condition: it stays the same while
 *     the same situation lasts (the same abandoned views, the same lapse since the same last order)
 *     and changes when the situation arises anew, so the engine can tell "still firing" from
 *     "firing again"
 * @param reason a human-readable sentence saying why it fired, e.g. "viewed 3 products in the last
 *     24h and bought none of them"
 * @param payload what a message may use: values are strings, numbers, booleans or lists of
 *     strings, so the fire log can store them as JSON; iteration order is kept
 */
public record Firing(String trigger, String episode, String reason, Map<String, Object> payload) {

    public Firing {
        checkArgument(trigger != null && !trigger.isBlank(), "trigger must not be blank");
        checkArgument(episode != null && !episode.isBlank(), "episode must not be blank (trigger %s)", trigger);
        checkArgument(reason != null && !reason.isBlank(), "reason must not be blank (trigger %s)", trigger);
        requireNonNull(payload, "payload");
        Map<String, Object> copy = new LinkedHashMap<>();
        payload.forEach((key, value) -> {
            checkArgument(key != null && !key.isBlank(), "payload key must not be blank (trigger %s)", trigger);
            copy.put(key, checkedValue(key, value));
        });
        payload = java.util.Collections.unmodifiableMap(copy);
    }

    /** A firing without payload. */
    public static Firing of(String trigger, String episode, String reason) {
        return new Firing(trigger, episode, reason, Map.of());
    }

    private static Object checkedValue(String key, Object value) {
        requireNonNull(value, () -> "payload value of " + key);
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                checkArgument(element instanceof String, "payload list %s must hold strings, got %s", key,
                        element == null ? "null" : element.getClass().getSimpleName());
            }
            return List.copyOf(list);
        }
        throw new IllegalArgumentException("payload value of " + key
                + " must be a string, number, boolean or list of strings, got " + value.getClass().getSimpleName());
    }
}
