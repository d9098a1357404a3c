package dev.retention.rules.campaign;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * An A/B variant of a campaign's first message: its name (recorded in the fire log and the
 * personalisation), the template it sends instead, and its relative weight in the split.
 *
 * @param name the variant's name, not blank
 * @param templateId the template sent instead of the first message's, not blank
 * @param weight the relative share of customers, at least 1
 */
public record Variant(String name, String templateId, int weight) {

    /**
     * Validates the components.
     *
     * @param name the variant's name, not blank
     * @param templateId the template sent instead of the first message's, not blank
     * @param weight the relative share of customers, at least 1
     * @throws IllegalArgumentException if a name or template is null or blank, or the weight is below 1
     */
    public Variant {
        checkArgument(name != null && !name.isBlank(), "variant name must not be blank");
        checkArgument(templateId != null && !templateId.isBlank(), "variant templateId must not be blank (%s)", name);
        checkArgument(weight >= 1, "variant weight must be at least 1, got %s (%s)", weight, name);
    }

    /**
     * A variant: {@code Variant.of("discount", "abandoned-view-b", 1)}.
     *
     * @param name the variant's name, not blank
     * @param templateId the template sent instead of the first message's, not blank
     * @param weight the relative share of customers, at least 1
     * @return the variant
     * @throws IllegalArgumentException if a name or template is null or blank, or the weight is below 1
     */
    public static Variant of(String name, String templateId, int weight) {
        return new Variant(name, templateId, weight);
    }
}
