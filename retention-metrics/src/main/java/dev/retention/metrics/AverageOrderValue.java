package dev.retention.metrics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Average order value in one currency over a period {@code [from, to)}: revenue / orders in the
 * period, per currency (never summed across currencies), gross and net of refunds.
 *
 * <p>{@code revenue} is the sum of the totals of the orders placed in the period; {@code refunds}
 * the refunds made in the period (whenever their order was placed, as in
 * {@code CustomerHistory.netSpend}). Both and {@code orders} are exact; only the averages are
 * rounded, half-even to the currency's minor unit.
 *
 * @param currency the currency of every amount here
 * @param orders orders placed in the period in this currency
 * @param revenue the gross revenue: sum of those orders' totals
 * @param refunds refunds made in the period in this currency
 */
public record AverageOrderValue(Currency currency, long orders, Money revenue, Money refunds) {

    /** How averages are rounded to the minor unit. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    /**
     * Checks the figures; {@link #of(OrderLog, ReportingPeriod)} computes them from an order log.
     *
     * @param currency the currency of every amount here
     * @param orders orders placed in the period in this currency, not negative
     * @param revenue the gross revenue, in {@code currency}
     * @param refunds the refunds made in the period, in {@code currency}
     * @throws IllegalArgumentException if {@code orders} is negative or an amount is in another currency
     */
    public AverageOrderValue {
        requireNonNull(currency, "currency");
        requireNonNull(revenue, "revenue");
        requireNonNull(refunds, "refunds");
        checkArgument(orders >= 0, "orders must not be negative, got %s", orders);
        checkArgument(revenue.currency().equals(currency) && refunds.currency().equals(currency),
                "revenue %s and refunds %s must be in %s", revenue, refunds, currency);
    }

    /**
     * The figures of every currency the period uses.
     *
     * @param log the orders and refunds
     * @param period the period; orders placed and refunds made in it count
     * @return one entry per currency that has an order or refund in the period, sorted by currency
     *     code (an immutable list); empty for a period without orders and refunds. A currency with
     *     refunds but no orders in the period has an entry with zero orders and no averages.
     * @throws ArithmeticException if a currency's revenue or refunds overflow a {@code long} of
     *     minor units
     */
    public static List<AverageOrderValue> of(OrderLog log, ReportingPeriod period) {
        requireNonNull(log, "log");
        requireNonNull(period, "period");
        int currencies = log.currencies().size();
        long[] orders = new long[currencies];
        long[] gross = new long[currencies];
        long[] refunded = new long[currencies];
        boolean[] seen = new boolean[currencies];
        for (int i = log.firstOrderRow(period.from()), end = log.firstOrderRow(period.to()); i < end; i++) {
            int cur = log.orderCurrency[i];
            orders[cur]++;
            gross[cur] = Math.addExact(gross[cur], log.orderMinor[i]);
            seen[cur] = true;
        }
        for (int i = log.firstRefundRow(period.from()), end = log.firstRefundRow(period.to()); i < end; i++) {
            int cur = log.refundCurrency[i];
            refunded[cur] = Math.addExact(refunded[cur], log.refundMinor[i]);
            seen[cur] = true;
        }
        List<AverageOrderValue> out = new ArrayList<>();
        for (int cur = 0; cur < currencies; cur++) {
            if (seen[cur]) {
                Currency currency = log.currency(cur);
                out.add(new AverageOrderValue(currency, orders[cur], Money.ofMinor(gross[cur], currency),
                        Money.ofMinor(refunded[cur], currency)));
            }
        }
        out.sort(Comparator.comparing(a -> a.currency().getCurrencyCode()));
        return List.copyOf(out);
    }

    /**
     * The figures in one currency, for a shop that sells in one.
     *
     * @param log the orders and refunds
     * @param period the period; orders placed and refunds made in it count
     * @param currency the currency wanted; orders in other currencies are left out, not converted
     * @return the figures in {@code currency}; zero orders, revenue and refunds (and no averages) if
     *     the period has none in it
     * @throws ArithmeticException if a sum overflows a {@code long} of minor units
     */
    public static AverageOrderValue of(OrderLog log, ReportingPeriod period, Currency currency) {
        requireNonNull(currency, "currency");
        return of(log, period).stream().filter(a -> a.currency().equals(currency)).findFirst()
                .orElseGet(() -> new AverageOrderValue(currency, 0, Money.zero(currency), Money.zero(currency)));
    }

    /**
     * What the period's sales brought in after the refunds it paid out.
     *
     * @return revenue - refunds, exact; negative when the period refunded more than it sold
     */
    public Money netRevenue() {
        return revenue.minus(refunds);
    }

    /**
     * The gross average order value. Rounded, so {@code aov * orders} may differ from {@code revenue}
     * by up to half a minor unit per order; use {@link #revenue} where exact sums matter.
     *
     * @return revenue / orders rounded half-even to the currency's minor unit (whole yen for JPY);
     *     empty without orders
     */
    public Optional<Money> aov() {
        return average(revenue);
    }

    /**
     * The average order value net of refunds. The refunds of the period may belong to orders of an
     * earlier period, so this can be negative.
     *
     * @return (revenue - refunds) / orders rounded half-even to the currency's minor unit; empty
     *     without orders
     */
    public Optional<Money> netAov() {
        return average(netRevenue());
    }

    private Optional<Money> average(Money total) {
        if (orders == 0) {
            return Optional.empty();
        }
        BigDecimal minor = BigDecimal.valueOf(total.minorUnits()).divide(BigDecimal.valueOf(orders), 0, ROUNDING);
        return Optional.of(Money.ofMinor(minor.longValueExact(), currency));
    }
}
