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
 *   <li>{@link dev.retention.predictive.Predictions} turns fitted models into segment conditions
 *       ({@code pAlive().below(0.3)}, {@code expectedOrders(days(90)).atLeast(1)},
 *       {@code predictedValue(days(365)).above(Money.of(200, "USD"))}) with their JSON codecs, and
 *       {@link dev.retention.predictive.AtRiskTrigger} fires a campaign when P(alive) drops below a threshold.
 * </ul>
 *
 * <h2>Why this module depends on retention-rules, and not the other way round</h2>
 * The conditions and the trigger are plugged into the rules' own extension points
 * ({@code UserCondition}, {@code UserConditionCodec}, {@code Trigger}), which exist so that code
 * outside the rules module can add conditions: so predictive depends on rules, as any user's
 * condition does. The rules must not know predictive: they would then carry the models into every
 * shop that only wants segments and campaigns, and a statistical model's fitting is no rule. The
 * model is data the user fits and passes in ({@code Predictions.of(model, ...)}), also to the JSON
 * codecs, so a stored segment holds thresholds and horizons, never parameters. Rules depends on core
 * only, so there is no cycle.
 *
 * <p>Every type here is immutable and thread-safe (except the builder). Money here is a
 * {@code double} in major units: the models are statistical estimates, not amounts to book.
 */
package dev.retention.predictive;
