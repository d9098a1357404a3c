package dev.retention.rules.trigger;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Something a message offers to tip the customer over, such as a discount code.
 *
 * @param code what the customer enters or the shop applies, e.g. {@code "COMEBACK10"}
 * @param description a short text for the template, e.g. "10% off your next order"
 */
public record Incentive(String code, String description) {

    /**
     * Validates the components.
     *
     * @param code what the customer enters or the shop applies, e.g. {@code "COMEBACK10"}
     * @param description a short text for the template, e.g. "10% off your next order"
     * @throws IllegalArgumentException if a component is null or blank
     */
    public Incentive {
        checkArgument(code != null && !code.isBlank(), "incentive code must not be blank");
        checkArgument(description != null && !description.isBlank(), "incentive description must not be blank");
    }
}
