/**
 * Predictions per customer from the order history: how likely a customer is still alive, how many
 * orders to expect from them, and what they are worth.
 *
 * <ul>
 *   <li>{@link dev.retention.predictive.CustomerSummaries} turns an event store into
 *       {@link dev.retention.predictive.CustomerSummary customer summaries} (frequency, recency, age,
 *       average repeat value) in a time unit of the caller's choice.
 *   <li>{@link dev.retention.predictive.BgNbdModel} (BG/NBD) is fitted on them by maximum likelihood
 *       and gives P(alive) and expected orders in the next t.
 *   <li>{@link dev.retention.predictive.GammaGammaModel} gives the expected value per order, and
 *       {@link dev.retention.predictive.LifetimeValue} the discounted value over a horizon.
 * </ul>
 *
 * <p>Every type here is immutable and thread-safe (except the builder). Money here is a
 * {@code double} in major units: the models are statistical estimates, not amounts to book.
 */
package dev.retention.predictive;
