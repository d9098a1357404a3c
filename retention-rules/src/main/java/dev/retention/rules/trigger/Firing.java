package dev.retention.rules.trigger;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A trigger fired for a customer: why, which occurrence, and what a message may say about it.
 *
 * <p>The reason and the payload may be given as suppliers ({@link #lazy}): the engine asks for them
 * only when it records a decision, while most evaluations of a firing customer end at "already
 * decided for this episode". They are computed at most once; a firing is safe to share between
 * threads.
 *
 * <p>{@code trigger} is the name of the trigger that fired. {@code episode} identifies this
 * occurrence of the trigger's condition: it stays the same while the same situation lasts (the
 * same abandoned views, the same lapse since the same last order) and changes when the situation
 * arises anew, so the engine can tell "still firing" from "firing again". {@code reason} is a
 * human-readable sentence saying why it fired, e.g. "viewed 3 products in the last 24h and bought
 * none of them". {@code payload} is what a message may use: values are strings, numbers, booleans
 * or lists of strings, so the fire log can store them as JSON; iteration order is kept.
 */
public final class Firing {
    private final String trigger;
    private final String episode;
    private Supplier<String> reasonSupplier;
    private Supplier<? extends Map<String, ?>> payloadSupplier;
    private volatile String reason;
    private volatile Map<String, Object> payload;

    /**
     * A firing with its reason and payload given now (checked at once).
     *
     * @param trigger the name of the trigger that fired, not blank
     * @param episode the occurrence of the trigger's condition, not blank
     * @param reason why it fired, not blank
     * @param payload what a message may use: string keys, values strings, numbers, booleans or lists of strings
     * @throws IllegalArgumentException if a text is blank or the payload holds a blank key or another kind of value
     * @throws NullPointerException if the payload or one of its values is null
     */
    public Firing(String trigger, String episode, String reason, Map<String, ?> payload) {
        this(trigger, episode, () -> reason, () -> payload);
        reason();
        payload();
    }

    private Firing(String trigger, String episode, Supplier<String> reason, Supplier<? extends Map<String, ?>> payload) {
        checkArgument(trigger != null && !trigger.isBlank(), "trigger must not be blank");
        checkArgument(episode != null && !episode.isBlank(), "episode must not be blank (trigger %s)", trigger);
        this.trigger = trigger;
        this.episode = episode;
        this.reasonSupplier = requireNonNull(reason, "reason");
        this.payloadSupplier = requireNonNull(payload, "payload");
    }

    /**
     * A firing without payload.
     *
     * @param trigger the name of the trigger that fired, not blank
     * @param episode the occurrence of the trigger's condition, not blank
     * @param reason why it fired, not blank
     * @return the firing
     * @throws IllegalArgumentException if a text is null or blank
     */
    public static Firing of(String trigger, String episode, String reason) {
        return new Firing(trigger, episode, reason, Map.of());
    }

    /**
     * A firing whose reason and payload are computed when first asked for (at most once); a supplier that
     * answers badly makes {@link #reason()} or {@link #payload()} throw, not this method.
     *
     * @param trigger the name of the trigger that fired, not blank
     * @param episode the occurrence of the trigger's condition, not blank
     * @param reason computes why it fired
     * @param payload computes what a message may use (see {@link #payload()})
     * @return the firing
     * @throws IllegalArgumentException if {@code trigger} or {@code episode} is null or blank
     */
    public static Firing lazy(String trigger, String episode, Supplier<String> reason,
            Supplier<? extends Map<String, ?>> payload) {
        return new Firing(trigger, episode, reason, payload);
    }

    /**
     * The name of the trigger that fired.
     *
     * @return the name
     */
    public String trigger() {
        return trigger;
    }

    /**
     * Which occurrence of the trigger's condition this is: the same while the situation lasts, new
     * when it arises anew.
     *
     * @return the episode, e.g. {@code "cart:evt-17"}
     */
    public String episode() {
        return episode;
    }

    /**
     * Why the trigger fired, a sentence for people; computed on first call for a {@link #lazy} firing.
     *
     * @return the reason, not blank
     * @throws IllegalArgumentException if a lazy reason supplier answers null or blank
     */
    public String reason() {
        String r = reason;
        if (r == null) {
            synchronized (this) {
                if (reason == null) {
                    String computed = reasonSupplier.get();
                    checkArgument(computed != null && !computed.isBlank(), "reason must not be blank (trigger %s)",
                            trigger);
                    reason = computed;
                    reasonSupplier = null;
                }
                r = reason;
            }
        }
        return r;
    }

    /**
     * What a message may use; computed on first call for a {@link #lazy} firing.
     *
     * @return the payload, unmodifiable, in the order given: values are strings, numbers, booleans or
     *     lists of strings
     * @throws IllegalArgumentException if a lazy payload holds a blank key or another kind of value
     * @throws NullPointerException if a lazy payload supplier answers null or a value is null
     */
    public Map<String, Object> payload() {
        Map<String, Object> p = payload;
        if (p == null) {
            synchronized (this) {
                if (payload == null) {
                    payload = checkedPayload(requireNonNull(payloadSupplier.get(), "payload"));
                    payloadSupplier = null;
                }
                p = payload;
            }
        }
        return p;
    }

    private Map<String, Object> checkedPayload(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            checkArgument(key != null && !key.isBlank(), "payload key must not be blank (trigger %s)", trigger);
            copy.put(key, checkedValue(key, value));
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Firing f && trigger.equals(f.trigger) && episode.equals(f.episode)
                && reason().equals(f.reason()) && payload().equals(f.payload());
    }

    @Override
    public int hashCode() {
        return Objects.hash(trigger, episode, reason(), payload());
    }

    @Override
    public String toString() {
        return "Firing[trigger=" + trigger + ", episode=" + episode + ", reason=" + reason() + ", payload="
                + payload() + "]";
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
