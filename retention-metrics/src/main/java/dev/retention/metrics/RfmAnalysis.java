package dev.retention.metrics;

import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import dev.retention.core.internal.Nanos;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/**
 * RFM: recency, frequency, monetary scores 1..5 by quintiles.
 *
 * <p>Only orders in the given currency placed before {@code asOf} count; the customers scored are
 * those with at least one. Recency is the time since the last such order, frequency their number,
 * monetary the sum of their totals (gross, refunds not subtracted).
 *
 * <h2>Quintiles and ties</h2>
 * For each measure, a customer's score is {@code 1 + floor(5 * b / n)}, where n is the number of
 * customers scored and b the number of customers with a strictly worse value (an earlier last
 * order, fewer orders, less money). Equal values therefore always get the same score, the score of
 * the first of them in ascending rank; when many customers tie (most customers of a shop have one
 * order) a quintile can be empty and the next one larger than a fifth.
 */
public final class RfmAnalysis {

    private RfmAnalysis() {}

    /**
     * The scores of every customer with an order in {@code currency} before {@code asOf}, by customer
     * id. Scores rank customers against each other, so they depend on who is in the log: a customer
     * may score differently in a log {@link OrderLog#filter filtered} to one segment.
     *
     * @param log the orders
     * @param asOf the instant recency is measured to; an order at or after it does not count
     * @param currency the currency of the orders that count (other currencies are left out, not
     *     converted) and of {@link RfmScore#monetary}
     * @return one score per customer with such an order, sorted by customer id, an immutable list;
     *     empty if there is none
     * @throws ArithmeticException if a customer's monetary sum overflows a {@code long} of minor units
     */
    public static List<RfmScore> of(OrderLog log, Instant asOf, Currency currency) {
        requireNonNull(log, "log");
        requireNonNull(asOf, "asOf");
        requireNonNull(currency, "currency");
        int cur = log.currencies().indexOf(currency);
        int customers = log.customerCount();
        long[] last = new long[customers];
        long[] count = new long[customers];
        long[] money = new long[customers];
        if (cur >= 0) {
            for (int i = 0, end = log.firstOrderRow(asOf); i < end; i++) {
                if (log.orderCurrency[i] == cur) {
                    int c = log.orderCustomer[i];
                    last[c] = log.orderTime[i];
                    count[c]++;
                    money[c] = Math.addExact(money[c], log.orderMinor[i]);
                }
            }
        }
        int n = 0;
        int[] scored = new int[customers];
        for (int c = 0; c < customers; c++) {
            if (count[c] > 0) {
                scored[n++] = c;
            }
        }
        int[] r = scores(last, scored, n);
        int[] f = scores(count, scored, n);
        int[] m = scores(money, scored, n);
        long asOfNanos = Nanos.clamped(asOf);
        List<RfmScore> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            int c = scored[j];
            out.add(new RfmScore(log.customer(c), Duration.ofNanos(Math.subtractExact(asOfNanos, last[c])), count[c],
                    Money.ofMinor(money[c], currency), r[j], f[j], m[j]));
        }
        return List.copyOf(out);
    }

    /** Score j belongs to customer scored[j]: 1 + floor(5 * (customers with a smaller value) / n). */
    private static int[] scores(long[] value, int[] scored, int n) {
        long[] sorted = new long[n];
        for (int j = 0; j < n; j++) {
            sorted[j] = value[scored[j]];
        }
        Arrays.sort(sorted);
        int[] out = new int[n];
        for (int j = 0; j < n; j++) {
            long below = OrderLog.lowerBound(sorted, 0, n, value[scored[j]]);
            out[j] = (int) (1 + 5 * below / n);
        }
        return out;
    }
}
