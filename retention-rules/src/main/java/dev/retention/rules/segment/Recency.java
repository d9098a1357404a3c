package dev.retention.rules.segment;

import java.time.Duration;
import java.time.Instant;

/** How an instant relates to {@code now - age}: within the last {@code age}, or longer ago. */
public enum Recency {
    /** In {@code [now - age, now]}. */
    WITHIN("within the last", "within"),
    /** Strictly before {@code now - age}. */
    OLDER_THAN("more than", "olderThan");

    private final String words;
    private final String jsonName;

    Recency(String words, String jsonName) {
        this.words = words;
        this.jsonName = jsonName;
    }

    boolean holds(Instant at, Instant now, Duration age) {
        Instant edge = now.minus(age);
        return this == WITHIN ? !at.isBefore(edge) : at.isBefore(edge);
    }

    String describe(Duration age) {
        return this == WITHIN ? words + " " + Durations.describe(age) : words + " " + Durations.describe(age) + " ago";
    }

    /**
     * The key in the JSON format: {@code "within"} or {@code "olderThan"}.
     *
     * @return the key
     */
    public String jsonName() {
        return jsonName;
    }
}
