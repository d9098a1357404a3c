package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;

/**
 * One customer's buying in a calibration period, as the BG/NBD and Gamma-Gamma models read it, in
 * the time unit the summary was made with (see {@link CustomerSummaries}).
 *
 * @param customerId the customer
 * @param frequency the number of repeat purchases: purchases after the first
 * @param recency the time from the first purchase to the last; 0 when {@code frequency} is 0
 * @param age the time from the first purchase to the end of the period (the literature's T)
 * @param averageValue the mean value of the repeat purchases, in major units of the shop's currency
 *     (the first purchase left out, as the Gamma-Gamma model expects); 0 when {@code frequency} is 0
 */
public record CustomerSummary(CustomerId customerId, long frequency, double recency, double age, double averageValue) {

    /**
     * Validates the summary.
     *
     * @param customerId the customer
     * @param frequency the number of repeat purchases in the calibration period
     * @param recency the time from the first to the last purchase, in the caller's time unit
     * @param age the time from the first purchase to the end of the period (T), in the same unit
     * @param averageValue the mean value of the repeat purchases, in major units of the currency; 0 without repeats
     * @throws IllegalArgumentException if a number is negative or not finite, the recency exceeds the
     *     age, or a customer without repeat purchases has a recency
     */
    public CustomerSummary {
        requireNonNull(customerId, "customerId");
        checkArgument(frequency >= 0, "frequency must be >= 0: %s", frequency);
        checkArgument(Double.isFinite(age) && age >= 0, "age must be finite and >= 0: %s", age);
        checkArgument(Double.isFinite(recency) && recency >= 0 && recency <= age,
                "recency must be in [0, age=%s]: %s", age, recency);
        checkArgument(frequency > 0 || recency == 0, "recency must be 0 without repeat purchases: %s", recency);
        checkArgument(Double.isFinite(averageValue) && averageValue >= 0,
                "averageValue must be finite and >= 0: %s", averageValue);
    }
}
