package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import dev.retention.core.ProductId;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The rules of a points program: how orders and bonuses earn points, how points turn into a
 * discount, when they expire and when they become spendable.
 *
 * <pre>{@code
 * PointsProgram program = PointsProgram.builder()
 *         .currency("USD")
 *         .earn(1, Money.of(1, "USD"))                     // 1 point per 1.00, rounded down
 *         .redeem(100, Money.of(5, "USD"))                 // 100 points = 5.00 off
 *         .minimumRedemption(100)
 *         .expireAfterMonths(12)
 *         .returnWindow(Duration.ofDays(30))
 *         .build();
 * }</pre>
 *
 * <h2>Earning on an order</h2>
 * Points are earned on what the customer paid (the order total) in the program's currency. A line
 * whose product (or, failing that, whose category) has a multiplier earns its extra share on the
 * line amount: the base is {@code total + sum(line amount * (multiplier - 1))}, never below zero.
 * The base times the earn rate times the tier multiplier is rounded once, with the earn rounding
 * mode (default {@link RoundingMode#DOWN}: 12.99 at 1 point per 1.00 earns 12 points). Orders
 * below the minimum order amount earn nothing. The per-order cap applies here; the per-day cap
 * (days in the program's zone) is applied by the ledger across the day's orders in time order.
 * Bonuses are not capped.
 *
 * <p>Immutable and thread-safe.
 */
public final class PointsProgram {
    private final Currency currency;
    private final long earnPoints;
    private final Money earnPer;
    private final RoundingMode earnRounding;
    private final Map<ProductId, BigDecimal> productMultipliers;
    private final Map<String, BigDecimal> categoryMultipliers;
    private final CategoryLookup categories;
    private final Map<String, BigDecimal> tierMultipliers;
    private final Money minimumOrder;
    private final long maxPointsPerOrder;
    private final long maxPointsPerDay;
    private final Map<BonusKind, Long> bonuses;
    private final long referrerBonus;
    private final long refereeBonus;
    private final Duration referralWindow;
    private final long redeemPoints;
    private final Money redeemDiscount;
    private final long minimumRedemption;
    private final int expireAfterMonths;
    private final Duration returnWindow;
    private final NegativeBalancePolicy negativeBalance;
    private final ZoneId zone;

    private PointsProgram(Builder b) {
        currency = b.currency;
        earnPoints = b.earnPoints;
        earnPer = b.earnPer;
        earnRounding = b.earnRounding;
        productMultipliers = Map.copyOf(b.productMultipliers);
        categoryMultipliers = Map.copyOf(b.categoryMultipliers);
        categories = b.categories;
        tierMultipliers = Map.copyOf(b.tierMultipliers);
        minimumOrder = b.minimumOrder == null ? Money.zero(currency) : b.minimumOrder;
        maxPointsPerOrder = b.maxPointsPerOrder;
        maxPointsPerDay = b.maxPointsPerDay;
        bonuses = Map.copyOf(b.bonuses);
        referrerBonus = b.referrerBonus;
        refereeBonus = b.refereeBonus;
        referralWindow = b.referralWindow;
        redeemPoints = b.redeemPoints;
        redeemDiscount = b.redeemDiscount;
        minimumRedemption = b.minimumRedemption;
        expireAfterMonths = b.expireAfterMonths;
        returnWindow = b.returnWindow;
        negativeBalance = b.negativeBalance;
        zone = b.zone;
    }

    /**
     * Starts a program; currency, earn rate and redemption rate are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The points an order earns before the per-day cap: see the class comment for the formula. Pure.
     *
     * @param order the order; its total and lines are in the program's currency
     * @param tier the customer's tier when the order was placed, for the tier multiplier; a tier
     *     without a multiplier earns at 1x
     * @return the points, at least 0 and at most the per-order cap; 0 below the minimum order
     * @throws IllegalArgumentException if the order is not in the program's currency
     * @throws ArithmeticException if the points do not fit in a {@code long}
     */
    public long pointsFor(OrderPlaced order, Optional<String> tier) {
        requireNonNull(order, "order");
        requireNonNull(tier, "tier");
        checkArgument(order.total().currency().equals(currency),
                "order %s is in %s but the program earns on %s", order.orderId(), order.total().currency(), currency);
        if (order.total().isLessThan(minimumOrder)) {
            return 0;
        }
        BigDecimal base = order.total().toBigDecimal();
        for (LineItem line : order.items()) {
            BigDecimal multiplier = lineMultiplier(line.productId());
            if (multiplier.compareTo(BigDecimal.ONE) != 0) {
                base = base.add(line.amount().toBigDecimal().multiply(multiplier.subtract(BigDecimal.ONE)));
            }
        }
        if (base.signum() <= 0) {
            return 0;
        }
        BigDecimal tierFactor = tier.map(t -> tierMultipliers.getOrDefault(t, BigDecimal.ONE)).orElse(BigDecimal.ONE);
        // multiply exactly, divide once: a rate like 1/3 must not round twice
        BigDecimal points = base.multiply(BigDecimal.valueOf(earnPoints)).multiply(tierFactor)
                .divide(earnPer.toBigDecimal(), 0, earnRounding);
        return Math.min(points.longValueExact(), maxPointsPerOrder);
    }

    private BigDecimal lineMultiplier(ProductId product) {
        BigDecimal byProduct = productMultipliers.get(product);
        if (byProduct != null) {
            return byProduct;
        }
        if (categoryMultipliers.isEmpty()) {
            return BigDecimal.ONE;
        }
        return categories.categoryOf(product).map(c -> categoryMultipliers.getOrDefault(c, BigDecimal.ONE))
                .orElse(BigDecimal.ONE);
    }

    /**
     * The discount {@code points} buy at the redemption rate, rounded down to the currency's minor
     * unit (150 points at 100 = 5.00 is 7.50). Ignores the minimum redemption.
     *
     * @param points the points, not negative
     * @return the discount in the program's currency
     * @throws IllegalArgumentException if {@code points} is negative
     */
    public Money discountFor(long points) {
        checkArgument(points >= 0, "points must not be negative, got %s", points);
        BigDecimal discount = redeemDiscount.toBigDecimal().multiply(BigDecimal.valueOf(points))
                .divide(BigDecimal.valueOf(redeemPoints), Money.fractionDigits(currency), RoundingMode.DOWN);
        return Money.of(discount, currency, RoundingMode.UNNECESSARY);
    }

    /**
     * The fewest points whose discount covers {@code amount}, rounded up (capped by nothing: compare with
     * the balance and the minimum redemption).
     *
     * @param amount the amount to cover, in the program's currency, not negative
     * @return the points
     * @throws IllegalArgumentException if {@code amount} is negative or in another currency
     * @throws ArithmeticException if the points do not fit in a {@code long}
     */
    public long pointsToCover(Money amount) {
        checkArgument(amount.currency().equals(currency), "amount %s is not in the program currency %s",
                amount, currency);
        checkArgument(!amount.isNegative(), "amount must not be negative, got %s", amount);
        return amount.toBigDecimal().multiply(BigDecimal.valueOf(redeemPoints))
                .divide(redeemDiscount.toBigDecimal(), 0, RoundingMode.UP).longValueExact();
    }

    /**
     * When points earned at {@code earnedAt} expire (months counted in the program's zone, the day
     * clamped to the end of a shorter month).
     *
     * @param earnedAt when the points were earned
     * @return the expiry instant (the lot is valid before it), or empty if points never expire
     */
    public Optional<Instant> expiryOf(Instant earnedAt) {
        if (expireAfterMonths == 0) {
            return Optional.empty();
        }
        return Optional.of(earnedAt.atZone(zone).plusMonths(expireAfterMonths).toInstant());
    }

    /**
     * The currency orders earn in and discounts are paid in.
     *
     * @return the currency
     */
    public Currency currency() {
        return currency;
    }

    /**
     * How the points of an order are rounded to a whole number.
     *
     * @return the rounding mode; {@link RoundingMode#DOWN} by default
     */
    public RoundingMode earnRounding() {
        return earnRounding;
    }

    /**
     * The order total below which an order earns nothing.
     *
     * @return the amount; zero (every order earns) by default
     */
    public Money minimumOrder() {
        return minimumOrder;
    }

    /**
     * The cap on the points one order earns.
     *
     * @return the cap, or empty for none
     */
    public OptionalLong maxPointsPerOrder() {
        return maxPointsPerOrder == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(maxPointsPerOrder);
    }

    /**
     * The cap on the points orders earn per day in the program's zone (bonuses not counted).
     *
     * @return the cap, or empty for none
     */
    public OptionalLong maxPointsPerDay() {
        return maxPointsPerDay == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(maxPointsPerDay);
    }

    /**
     * Points for a bonus kind; zero if the program pays none.
     *
     * @param kind the bonus kind
     * @return the points, not negative
     */
    public long bonus(BonusKind kind) {
        return bonuses.getOrDefault(requireNonNull(kind, "kind"), 0L);
    }

    /**
     * Points paid to the referrer when a referral settles.
     *
     * @return the points; 0 for none
     */
    public long referrerBonus() {
        return referrerBonus;
    }

    /**
     * Points paid to the referee when a referral settles.
     *
     * @return the points; 0 for none
     */
    public long refereeBonus() {
        return refereeBonus;
    }

    /**
     * How long the referee's first order must stay unrefunded before the referral pays.
     *
     * @return the window; zero by default
     */
    public Duration referralWindow() {
        return referralWindow;
    }

    /**
     * The fewest points one redemption may use.
     *
     * @return the minimum, at least 1
     */
    public long minimumRedemption() {
        return minimumRedemption;
    }

    /**
     * Months until earned points expire; empty if they never do.
     *
     * @return the months, or empty
     */
    public OptionalInt expireAfterMonths() {
        return expireAfterMonths == 0 ? OptionalInt.empty() : OptionalInt.of(expireAfterMonths);
    }

    /**
     * How long points from an order stay pending (not spendable).
     *
     * @return the window; zero by default
     */
    public Duration returnWindow() {
        return returnWindow;
    }

    /**
     * What a clawback or negative adjustment beyond the balance does.
     *
     * @return the policy; {@link NegativeBalancePolicy#CAP_AT_ZERO} by default
     */
    public NegativeBalancePolicy negativeBalance() {
        return negativeBalance;
    }

    /**
     * The zone that defines days (for the per-day cap) and months (for expiry).
     *
     * @return the zone; UTC by default
     */
    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return "PointsProgram[earn " + earnPoints + " per " + earnPer + " (" + earnRounding + "), redeem "
                + redeemPoints + " for " + redeemDiscount + ", expiry " + expireAfterMonths + " months, return window "
                + returnWindow + ", " + negativeBalance + "]";
    }

    /** Builds a {@link PointsProgram}; every setting is checked in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private Currency currency;
        private long earnPoints = -1;
        private Money earnPer;
        private RoundingMode earnRounding = RoundingMode.DOWN;
        private final Map<ProductId, BigDecimal> productMultipliers = new HashMap<>();
        private final Map<String, BigDecimal> categoryMultipliers = new HashMap<>();
        private CategoryLookup categories = CategoryLookup.NONE;
        private final Map<String, BigDecimal> tierMultipliers = new HashMap<>();
        private Money minimumOrder;
        private long maxPointsPerOrder = Long.MAX_VALUE;
        private long maxPointsPerDay = Long.MAX_VALUE;
        private final Map<BonusKind, Long> bonuses = new EnumMap<>(BonusKind.class);
        private long referrerBonus;
        private long refereeBonus;
        private Duration referralWindow = Duration.ZERO;
        private long redeemPoints = -1;
        private Money redeemDiscount;
        private long minimumRedemption = 1;
        private int expireAfterMonths;
        private Duration returnWindow = Duration.ZERO;
        private NegativeBalancePolicy negativeBalance = NegativeBalancePolicy.CAP_AT_ZERO;
        private ZoneId zone = ZoneOffset.UTC;

        private Builder() {}

        /**
         * The currency orders earn in (required); orders in other currencies are refused.
         *
         * @param currencyCode the ISO 4217 code, e.g. {@code "USD"}
         * @return this builder
         * @throws IllegalArgumentException if the code is not a known currency
         */
        public Builder currency(String currencyCode) {
            this.currency = Currency.getInstance(requireNonNull(currencyCode, "currency"));
            return this;
        }

        /**
         * The base earn rate (required): {@code points} for every {@code per} spent, e.g. 1 per 1.00.
         *
         * @param points the points, at least 1 (checked by {@link #build()})
         * @param per the amount, positive and in the program's currency (checked by {@link #build()})
         * @return this builder
         */
        public Builder earn(long points, Money per) {
            this.earnPoints = points;
            this.earnPer = requireNonNull(per, "earn per");
            return this;
        }

        /**
         * How fractional points are rounded (default {@link RoundingMode#DOWN}).
         *
         * @param mode the rounding mode; not {@link RoundingMode#UNNECESSARY} (checked by {@link #build()})
         * @return this builder
         */
        public Builder earnRounding(RoundingMode mode) {
            this.earnRounding = requireNonNull(mode, "earnRounding");
            return this;
        }

        /**
         * Lines of this product earn {@code multiplier} times (0 excludes the product); replaces an earlier
         * multiplier for it.
         *
         * @param product the product
         * @param multiplier the factor, not negative (checked by {@link #build()}), e.g. {@code 2} for twice the points
         * @return this builder
         */
        public Builder productMultiplier(ProductId product, BigDecimal multiplier) {
            productMultipliers.put(requireNonNull(product, "product"), requireNonNull(multiplier, "multiplier"));
            return this;
        }

        /**
         * Lines whose product is in this category earn {@code multiplier} times, unless the product has its own.
         *
         * @param category the category, as the {@link #categories} lookup names it
         * @param multiplier the factor, not negative (checked by {@link #build()})
         * @return this builder
         */
        public Builder categoryMultiplier(String category, BigDecimal multiplier) {
            categoryMultipliers.put(requireNonNull(category, "category"), requireNonNull(multiplier, "multiplier"));
            return this;
        }

        /**
         * Where product categories come from (default: nowhere, so category multipliers never apply).
         *
         * @param lookup the lookup, called while points are computed
         * @return this builder
         */
        public Builder categories(CategoryLookup lookup) {
            this.categories = requireNonNull(lookup, "categories");
            return this;
        }

        /**
         * Customers in this tier earn {@code multiplier} times on orders.
         *
         * @param tier the tier's name, as passed to {@link PointsProgram#pointsFor}
         * @param multiplier the factor, not negative (checked by {@link #build()})
         * @return this builder
         */
        public Builder tierMultiplier(String tier, BigDecimal multiplier) {
            tierMultipliers.put(requireNonNull(tier, "tier"), requireNonNull(multiplier, "multiplier"));
            return this;
        }

        /**
         * Copies the points multipliers of the policy's tiers.
         *
         * @param policy the tier policy
         * @return this builder
         */
        public Builder tierMultipliers(TierPolicy policy) {
            for (Tier tier : policy.tiers()) {
                tierMultiplier(tier.name(), tier.benefits().pointsMultiplier());
            }
            return this;
        }

        /**
         * Orders below this amount earn nothing (default: every order earns).
         *
         * @param amount the amount, not negative and in the program's currency (checked by {@link #build()})
         * @return this builder
         */
        public Builder minimumOrder(Money amount) {
            this.minimumOrder = requireNonNull(amount, "minimumOrder");
            return this;
        }

        /**
         * A cap on the points one order earns (default: none).
         *
         * @param points the cap, not negative (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxPointsPerOrder(long points) {
            this.maxPointsPerOrder = points;
            return this;
        }

        /**
         * A cap on the points orders earn per day in the program's zone (bonuses not counted); the ledger
         * applies it across the day's orders in time order (default: none).
         *
         * @param points the cap, not negative (checked by {@link #build()})
         * @return this builder
         */
        public Builder maxPointsPerDay(long points) {
            this.maxPointsPerDay = points;
            return this;
        }

        /**
         * The points a bonus of this kind pays (default: none, and {@link PointsLedger#awardBonus} records nothing).
         *
         * @param kind the bonus kind
         * @param points the points, not negative (checked by {@link #build()})
         * @return this builder
         */
        public Builder bonus(BonusKind kind, long points) {
            bonuses.put(requireNonNull(kind, "kind"), points);
            return this;
        }

        /**
         * Referral bonuses: both customers are paid once the referee's first order has stayed
         * unrefunded for {@code window}.
         *
         * @param referrerPoints the points for the referrer, not negative (checked by {@link #build()})
         * @param refereePoints the points for the referee, not negative (checked by {@link #build()})
         * @param window how long the first order must stay unrefunded, not negative (checked by {@link #build()})
         * @return this builder
         */
        public Builder referralBonus(long referrerPoints, long refereePoints, Duration window) {
            this.referrerBonus = referrerPoints;
            this.refereeBonus = refereePoints;
            this.referralWindow = requireNonNull(window, "referralWindow");
            return this;
        }

        /**
         * The redemption rate (required): {@code points} buy {@code discount}, e.g. 100 points = 5.00 off.
         *
         * @param points the points, at least 1 (checked by {@link #build()})
         * @param discount the discount, positive and in the program's currency (checked by {@link #build()})
         * @return this builder
         */
        public Builder redeem(long points, Money discount) {
            this.redeemPoints = points;
            this.redeemDiscount = requireNonNull(discount, "redeem discount");
            return this;
        }

        /**
         * The fewest points one redemption may use (default 1).
         *
         * @param points the minimum, at least 1 (checked by {@link #build()})
         * @return this builder
         */
        public Builder minimumRedemption(long points) {
            this.minimumRedemption = points;
            return this;
        }

        /**
         * Points expire this many months after they were earned (default 0: never).
         *
         * @param months the months, not negative (checked by {@link #build()}); 0 for never
         * @return this builder
         */
        public Builder expireAfterMonths(int months) {
            this.expireAfterMonths = months;
            return this;
        }

        /**
         * Points from an order stay pending this long (default zero), so a refund within it takes back
         * points that were never spendable.
         *
         * @param window the window, not negative (checked by {@link #build()})
         * @return this builder
         */
        public Builder returnWindow(Duration window) {
            this.returnWindow = requireNonNull(window, "returnWindow");
            return this;
        }

        /**
         * What a clawback beyond the balance does (default {@link NegativeBalancePolicy#CAP_AT_ZERO}).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder negativeBalance(NegativeBalancePolicy policy) {
            this.negativeBalance = requireNonNull(policy, "negativeBalance");
            return this;
        }

        /**
         * The zone that defines days (for the per-day cap) and months (for expiry); default UTC.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Checks every setting and builds the program.
         *
         * @return the immutable, thread-safe program
         * @throws IllegalArgumentException naming the first invalid setting and its value
         */
        public PointsProgram build() {
            checkArgument(currency != null, "currency must be set, e.g. currency(\"USD\")");
            checkArgument(earnPer != null, "earn rate must be set, e.g. earn(1, Money.of(1, \"%s\"))", currency);
            checkArgument(earnPoints >= 1, "earn points must be at least 1, got %s", earnPoints);
            checkArgument(earnPer.currency().equals(currency) && earnPer.isPositive(),
                    "earn per must be a positive amount in %s, got %s", currency, earnPer);
            checkArgument(earnRounding != RoundingMode.UNNECESSARY,
                    "earnRounding must round, got %s", earnRounding);
            productMultipliers.forEach((p, m) -> checkArgument(m.signum() >= 0,
                    "productMultiplier for %s must not be negative, got %s", p, m));
            categoryMultipliers.forEach((c, m) -> checkArgument(m.signum() >= 0,
                    "categoryMultiplier for '%s' must not be negative, got %s", c, m));
            tierMultipliers.forEach((t, m) -> checkArgument(m.signum() >= 0,
                    "tierMultiplier for '%s' must not be negative, got %s", t, m));
            checkArgument(minimumOrder == null || minimumOrder.currency().equals(currency) && !minimumOrder.isNegative(),
                    "minimumOrder must be a non-negative amount in %s, got %s", currency, minimumOrder);
            checkArgument(maxPointsPerOrder >= 0, "maxPointsPerOrder must not be negative, got %s", maxPointsPerOrder);
            checkArgument(maxPointsPerDay >= 0, "maxPointsPerDay must not be negative, got %s", maxPointsPerDay);
            bonuses.forEach((k, p) -> checkArgument(p >= 0, "bonus %s must not be negative, got %s", k, p));
            checkArgument(referrerBonus >= 0 && refereeBonus >= 0,
                    "referral bonuses must not be negative, got referrer %s and referee %s", referrerBonus, refereeBonus);
            checkArgument(!referralWindow.isNegative(), "referralWindow must not be negative, got %s", referralWindow);
            checkArgument(redeemDiscount != null, "redemption rate must be set, e.g. redeem(100, Money.of(5, \"%s\"))",
                    currency);
            checkArgument(redeemPoints >= 1, "redeem points must be at least 1, got %s", redeemPoints);
            checkArgument(redeemDiscount.currency().equals(currency) && redeemDiscount.isPositive(),
                    "redeem discount must be a positive amount in %s, got %s", currency, redeemDiscount);
            checkArgument(minimumRedemption >= 1, "minimumRedemption must be at least 1, got %s", minimumRedemption);
            checkArgument(expireAfterMonths >= 0, "expireAfterMonths must not be negative, got %s", expireAfterMonths);
            checkArgument(!returnWindow.isNegative(), "returnWindow must not be negative, got %s", returnWindow);
            return new PointsProgram(this);
        }
    }
}
