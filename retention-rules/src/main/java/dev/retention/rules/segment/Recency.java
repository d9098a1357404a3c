package dev.retention.rules.segment;

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

    boolean holds(java.time.Instant at, java.time.Instant now, java.time.Duration age) {
        java.time.Instant edge = now.minus(age);
        return this == WITHIN ? !at.isBefore(edge) : at.isBefore(edge);
    }

    String describe(java.time.Duration age) {
        return this == WITHIN ? words + " " + Durations.describe(age) : words + " " + Durations.describe(age) + " ago";
    }

    public String jsonName() {
        return jsonName;
    }
}
