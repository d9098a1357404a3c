package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * An A/B variant of a campaign's first message: its name (recorded in the fire log and the
 * personalisation), the template it sends instead, and its relative weight in the split.
 */
public record Variant(String name, String templateId, int weight) {

    public Variant {
        checkArgument(name != null && !name.isBlank(), "variant name must not be blank");
        checkArgument(templateId != null && !templateId.isBlank(), "variant templateId must not be blank (%s)", name);
        checkArgument(weight >= 1, "variant weight must be at least 1, got %s (%s)", weight, name);
    }

    public static Variant of(String name, String templateId, int weight) {
        return new Variant(name, templateId, weight);
    }
}
