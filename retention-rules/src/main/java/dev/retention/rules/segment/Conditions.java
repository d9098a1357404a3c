package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;

import dev.retention.core.ProductId;
import dev.retention.core.profile.Channel;
import java.time.Duration;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The entry points of the segment DSL; import them statically and write the marketer's sentence:
 *
 * <pre>{@code
 * Segment winBack = Segment.named("win-back")
 *         .where(ordersEver().atLeast(3))
 *         .and(noOrderWithin(days(90)));
 * }</pre>
 *
 * <p>Relative windows ({@code within(days(7))}) are the closed interval {@code [now - d, now]}: an
 * event exactly {@code d} before {@code now} counts, and so does an event at {@code now}. Events after
 * {@code now} never count. Calendar windows ({@code within(months(3))}, {@code years(1)}) count back
 * calendar months and years from {@code now} in UTC. See {@link Window}.
 */
public final class Conditions {
    private Conditions() {}

    // ---------------------------------------------------------------- durations

    public static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    public static Duration hours(long n) {
        return Duration.ofHours(n);
    }

    public static Duration days(long n) {
        return Duration.ofDays(n);
    }

    /**
     * {@code n} calendar months, for windows: {@code ordersWithin(months(3))} is "in the last 3 months",
     * from the same instant 3 calendar months before {@code now} in UTC (see {@link Window#last(Period)}).
     */
    public static Period months(int n) {
        return Period.ofMonths(n);
    }

    /** {@code n} calendar years, for windows: {@code spendWithin(years(1))}; see {@link #months(int)}. */
    public static Period years(int n) {
        return Period.ofYears(n);
    }

    // ---------------------------------------------------------------- orders

    /** Orders placed at or before {@code now}. */
    public static CountStep<OrderCount> ordersEver() {
        return new CountStep<>(bound -> new OrderCount(Window.ever(), bound));
    }

    /** Orders placed in {@code [now - length, now]}. */
    public static CountStep<OrderCount> ordersWithin(Duration length) {
        Window window = Window.last(length);
        return new CountStep<>(bound -> new OrderCount(window, bound));
    }

    /** Orders placed in the last calendar months or years: {@code ordersWithin(months(3))}. */
    public static CountStep<OrderCount> ordersWithin(Period length) {
        Window window = Window.last(length);
        return new CountStep<>(bound -> new OrderCount(window, bound));
    }

    /** No order placed in {@code [now - length, now]} ("has not bought for length"); true for never-buyers. */
    public static OrderCount noOrderWithin(Duration length) {
        return ordersWithin(length).exactly(0);
    }

    /** No order placed in the last calendar months or years: {@code noOrderWithin(months(6))}. */
    public static OrderCount noOrderWithin(Period length) {
        return ordersWithin(length).exactly(0);
    }

    /** Net spend (orders minus refunds) at or before {@code now}. */
    public static AmountStep<NetSpend> spendEver() {
        return new AmountStep<>(bound -> new NetSpend(Window.ever(), bound));
    }

    /** Net spend in {@code [now - length, now]}. */
    public static AmountStep<NetSpend> spendWithin(Duration length) {
        Window window = Window.last(length);
        return new AmountStep<>(bound -> new NetSpend(window, bound));
    }

    /** Net spend in the last calendar months or years: {@code spendWithin(years(1))}. */
    public static AmountStep<NetSpend> spendWithin(Period length) {
        Window window = Window.last(length);
        return new AmountStep<>(bound -> new NetSpend(window, bound));
    }

    public static AmountStep<AverageOrderValueCondition> averageOrderValue() {
        return new AmountStep<>(bound -> new AverageOrderValueCondition(Window.ever(), bound));
    }

    public static AmountStep<AverageOrderValueCondition> averageOrderValueWithin(Duration length) {
        Window window = Window.last(length);
        return new AmountStep<>(bound -> new AverageOrderValueCondition(window, bound));
    }

    public static AmountStep<AverageOrderValueCondition> averageOrderValueWithin(Period length) {
        Window window = Window.last(length);
        return new AmountStep<>(bound -> new AverageOrderValueCondition(window, bound));
    }

    /** First order placed in {@code [now - length, now]}: a new customer. */
    public static FirstOrder firstOrderWithin(Duration length) {
        return new FirstOrder(Recency.WITHIN, length);
    }

    /** First order placed strictly before {@code now - length}. */
    public static FirstOrder firstOrderBefore(Duration length) {
        return new FirstOrder(Recency.OLDER_THAN, length);
    }

    /** Last order placed in {@code [now - length, now]}. */
    public static LastOrder lastOrderWithin(Duration length) {
        return new LastOrder(Recency.WITHIN, length);
    }

    /** Has ordered, but the last order is strictly before {@code now - length}. */
    public static LastOrder lastOrderOlderThan(Duration length) {
        return new LastOrder(Recency.OLDER_THAN, length);
    }

    public static CountStep<DaysSinceLastOrder> daysSinceLastOrder() {
        return new CountStep<>(DaysSinceLastOrder::new);
    }

    // ---------------------------------------------------------------- products

    public static Products anyProduct() {
        return Products.any();
    }

    public static Products products(String... ids) {
        return Products.of(Set.copyOf(Arrays.stream(ids).map(ProductId::of).toList()));
    }

    public static Products products(ProductId... ids) {
        return Products.of(Set.of(ids));
    }

    /** Products the evaluation's {@link Catalog} puts in the category. */
    public static Products category(String category) {
        return Products.inCategory(category);
    }

    /** Views of the products: {@code viewsOf(products("X")).within(days(7)).atLeast(2)}. */
    public static WindowStep<CountStep<ViewCount>> viewsOf(Products products) {
        return new WindowStep<>(window -> new CountStep<>(bound -> new ViewCount(products, window, bound)));
    }

    /** Viewed one of the products in the window and did not buy it since (see {@link ViewedNotBought}). */
    public static WindowStep<ViewedNotBought> viewedWithoutBuying(Products products) {
        return new WindowStep<>(window -> new ViewedNotBought(products, window));
    }

    public static WindowStep<Bought> bought(Products products) {
        return new WindowStep<>(window -> new Bought(products, window));
    }

    // ---------------------------------------------------------------- carts

    /** The cart is not empty and was neither changed nor ordered for at least {@code idle}. */
    public static AbandonedCart cartAbandonedFor(Duration idle) {
        return new AbandonedCart(idle);
    }

    // ---------------------------------------------------------------- profile

    public static AttributeStep attribute(String name) {
        checkArgument(name != null && !name.isBlank(), "attribute name must not be blank");
        return new AttributeStep(name);
    }

    /** Birthday today or in the next {@code days} days, in the customer's time zone. */
    public static BirthdayWithin birthdayWithin(int days) {
        return new BirthdayWithin(days);
    }

    public static SignedUpWithin signedUpWithin(Duration length) {
        return new SignedUpWithin(length);
    }

    public static AcquiredFrom acquiredFrom(String channel) {
        return new AcquiredFrom(channel, Optional.empty());
    }

    public static AcquiredFrom acquiredFrom(String channel, String campaign) {
        return new AcquiredFrom(channel, Optional.of(campaign));
    }

    public static HasConsent consentGiven(Channel channel) {
        return new HasConsent(channel);
    }

    // ---------------------------------------------------------------- custom events

    public static CustomEventStep customEvents(String name) {
        return new CustomEventStep(name, java.util.Map.of());
    }

    // ---------------------------------------------------------------- combinators

    public static AllOf allOf(Condition... conditions) {
        return new AllOf(List.of(conditions));
    }

    public static AnyOf anyOf(Condition... conditions) {
        return new AnyOf(List.of(conditions));
    }

    public static Not not(Condition condition) {
        return new Not(condition);
    }

    /** {@code atLeast(2).of(a, b, c)}: at least two of the three hold. */
    public static AtLeastStep atLeast(int k) {
        return new AtLeastStep(k);
    }

    /** The step of {@code atLeast(k).of(...)}. */
    public static final class AtLeastStep {
        private final int k;

        private AtLeastStep(int k) {
            this.k = k;
        }

        public AtLeastOf of(Condition... conditions) {
            return new AtLeastOf(k, List.of(conditions));
        }
    }
}
