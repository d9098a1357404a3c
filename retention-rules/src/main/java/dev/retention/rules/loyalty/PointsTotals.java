package dev.retention.rules.loyalty;

/**
 * Running totals of a customer's ledger up to an instant, all non-negative except
 * {@code adjusted}. They satisfy
 * {@code balance.total() == earned - redeemed - expired - clawedBack + adjusted}.
 *
 * @param earned points credited by orders and bonuses (after the per-day cap)
 * @param redeemed points taken by redemptions
 * @param expired points that expired unspent
 * @param clawedBack points taken back by refunds
 * @param adjusted the signed sum of manual adjustments that took effect
 * @param shortfall points a debit could not take because the balance stopped at zero
 *     ({@link NegativeBalancePolicy#CAP_AT_ZERO}); forgiven, not part of the balance
 */
public record PointsTotals(long earned, long redeemed, long expired, long clawedBack, long adjusted, long shortfall) {}
