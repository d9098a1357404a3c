/**
 * The segment DSL: conditions over one customer's history and profile at an instant, written as
 * the marketer's sentence and stored as JSON.
 *
 * <pre>{@code
 * import static dev.retention.rules.segment.Conditions.*;
 *
 * Segment winBack = Segment.named("win-back")
 *         .where(ordersEver().atLeast(3))
 *         .and(noOrderWithin(days(90)));
 * boolean member = winBack.test(history, profile, now);
 * Explanation why = winBack.explain(history, profile, now);
 * Membership members = SegmentEvaluator.builder(winBack).parallel(true).build().members(events, profiles, now);
 * String json = SegmentJson.standard().write(winBack);
 * }</pre>
 *
 * <p>Relative windows are closed intervals {@code [now - d, now]}, {@code d} a duration
 * ({@code days(90)}) or calendar months and years counted back in UTC ({@code months(3)}); events
 * after {@code now} never count (see {@link dev.retention.rules.segment.Window}). Every type here is immutable and
 * thread-safe except the builders; evaluation is pure.
 */
package dev.retention.rules.segment;
