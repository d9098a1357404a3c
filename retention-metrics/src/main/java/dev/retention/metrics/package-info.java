/**
 * Retention metrics: pure functions over an {@link dev.retention.metrics.OrderLog} and a
 * {@link dev.retention.metrics.ReportingPeriod} {@code [from, to)}, one pass over columnar data where they can
 * be, exact money arithmetic, results as records. Every type here is immutable and thread-safe
 * (except {@link dev.retention.metrics.Funnel.Builder}).
 *
 * <p>Conventions of every type here: no method takes or returns null (a null argument is refused
 * with an exception); counts are exact {@code long}s and money is exact in minor units, never
 * converted between currencies; rates are {@code double}s between 0 and 1 (an uplift, a difference
 * of two rates, between -1 and 1), and a rate whose denominator is zero is an empty
 * {@code OptionalDouble}, never NaN. Periods are half-open,
 * {@code asOf} is exclusive, and calendar months and weeks are taken in UTC. Metrics that do not name
 * a currency count orders in every currency together.
 *
 * <h2>Definitions</h2>
 * <ul>
 *   <li>Customer retention rate, for a non-contractual shop: S = customers with an order before
 *       {@code from} (optionally only those active within a look-back before {@code from}); N =
 *       customers whose first order falls in the period; E = customers with an order in the period.
 *       CRR = (E - N) / S, which equals retained / S where retained = customers of S who ordered in
 *       the period. Example from marketing practice: 500 customers at the start, 270 of them bought
 *       again within the year: CRR = 54%. ({@link dev.retention.metrics.RetentionRate})
 *   <li>Repeat purchase rate: customers with at least two orders in the period / customers with at
 *       least one. Churn rate = 1 - CRR. ({@link dev.retention.metrics.RepeatPurchaseRate})
 *   <li>Average order value: revenue / orders in the period, per currency (never summed across
 *       currencies), gross and net of refunds. ({@link dev.retention.metrics.AverageOrderValue})
 *   <li>Purchase frequency: orders / distinct ordering customers in the period; mean and median
 *       inter-purchase interval. ({@link dev.retention.metrics.PurchaseFrequency})
 *   <li>Cohort retention matrix: customers grouped by month (or week) of first order; share active in
 *       each later period. ({@link dev.retention.metrics.CohortMatrix})
 *   <li>RFM: recency, frequency, monetary scores 1..5 by quintiles (tie handling in
 *       {@link dev.retention.metrics.RfmAnalysis}), with the usual named segments (champions, loyal,
 *       at risk, hibernating, ...; {@link dev.retention.metrics.RfmSegment}).
 *   <li>Funnel: conversion between ordered stages from event counts (e.g. 1000 visitors, 80
 *       interested, ..., 5 paid, 2 bought again). ({@link dev.retention.metrics.Funnel})
 *   <li>Campaign uplift: conversion (an order within N days after the decision) of treated versus
 *       holdout customers from the fire log, with a 95% confidence interval for the difference
 *       (Newcombe/Wilson). ({@link dev.retention.metrics.CampaignUplift})
 *   <li>Every metric can be split by segment and by acquisition source (which campaigns bring
 *       customers who come back). ({@link dev.retention.metrics.OrderLog#groupBy},
 *       {@link dev.retention.metrics.AcquisitionGrouping})
 * </ul>
 */
package dev.retention.metrics;
