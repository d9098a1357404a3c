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

    /**
     * {@code n} minutes, for windows and durations: {@code cartAbandonedFor(minutes(30))}.
     *
     * @param n the number of minutes; a window refuses a negative or over-long result when it is built
     * @return the duration of {@code n} minutes
     */
    public static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }

    /**
     * {@code n} hours of 3,600 seconds, for windows and durations: {@code viewsOf(anyProduct()).within(hours(24))}.
     *
     * @param n the number of hours; a window refuses a negative or over-long result when it is built
     * @return the duration of {@code n} hours
     */
    public static Duration hours(long n) {
        return Duration.ofHours(n);
    }

    /**
     * {@code n} days of exactly 24 hours (not calendar days: a daylight-saving change does not matter,
     * since windows are counted on the instant line): {@code noOrderWithin(days(90))}.
     *
     * @param n the number of days; a window refuses a negative one or one over {@link Window#MAX_LENGTH}
     * @return the duration of {@code n} 24-hour days
     */
    public static Duration days(long n) {
        return Duration.ofDays(n);
    }

    /**
     * {@code n} calendar months, for windows: {@code ordersWithin(months(3))} is "in the last 3 months",
     * from the same instant 3 calendar months before {@code now} in UTC (see {@link Window#last(Period)}).
     *
     * @param n the number of months; a window refuses a negative one
     * @return the period of {@code n} months
     */
    public static Period months(int n) {
        return Period.ofMonths(n);
    }

    /**
     * {@code n} calendar years, for windows: {@code spendWithin(years(1))}; see {@link #months(int)}.
     *
     * @param n the number of years; a window refuses a negative one
     * @return the period of {@code n} years
     */
    public static Period years(int n) {
        return Period.ofYears(n);
    }

    // ---------------------------------------------------------------- orders

    /**
     * Orders placed at or before {@code now}, whatever their age: {@code ordersEver().atLeast(3)}. Refunded
     * orders still count as placed.
     *
     * @return the step that takes the count threshold
     */
    public static CountStep<OrderCount> ordersEver() {
        return new CountStep<>(bound -> new OrderCount(Window.ever(), bound));
    }

    /**
     * Orders placed in {@code [now - length, now]}: {@code ordersWithin(days(30)).moreThan(5)}.
     *
     * @param length how far back from {@code now}; zero means orders at {@code now} only
     * @return the step that takes the count threshold
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static CountStep<OrderCount> ordersWithin(Duration length) {
        Window window = Window.last(length);
        return new CountStep<>(bound -> new OrderCount(window, bound));
    }

    /**
     * Orders placed in the last calendar months or years: {@code ordersWithin(months(3))}, counted back
     * from {@code now} in UTC (see {@link Window#last(Period)}).
     *
     * @param length how far back from {@code now}; a period of days only is that many 24-hour days
     * @return the step that takes the count threshold
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static CountStep<OrderCount> ordersWithin(Period length) {
        Window window = Window.last(length);
        return new CountStep<>(bound -> new OrderCount(window, bound));
    }

    /**
     * No order placed in {@code [now - length, now]} ("has not bought for length"); true for never-buyers,
     * so combine it with {@code ordersEver().atLeast(1)} for lapsed customers only. The same as
     * {@code ordersWithin(length).exactly(0)}.
     *
     * @param length how far back from {@code now}
     * @return the condition
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static OrderCount noOrderWithin(Duration length) {
        return ordersWithin(length).exactly(0);
    }

    /**
     * No order placed in the last calendar months or years: {@code noOrderWithin(months(6))}; true for
     * never-buyers, like {@link #noOrderWithin(Duration)}.
     *
     * @param length how far back from {@code now}, counted in calendar units in UTC
     * @return the condition
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static OrderCount noOrderWithin(Period length) {
        return ordersWithin(length).exactly(0);
    }

    /**
     * Net spend (order totals minus refunds) at or before {@code now}, in the threshold's currency only:
     * {@code spendEver().above(Money.of(100, "USD"))}. See {@link NetSpend}.
     *
     * @return the step that takes the money threshold
     */
    public static AmountStep<NetSpend> spendEver() {
        return new AmountStep<>(bound -> new NetSpend(Window.ever(), bound));
    }

    /**
     * Net spend in {@code [now - length, now]}: orders placed in the window minus refunds made in it, in the
     * threshold's currency. See {@link NetSpend}.
     *
     * @param length how far back from {@code now}
     * @return the step that takes the money threshold
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static AmountStep<NetSpend> spendWithin(Duration length) {
        Window window = Window.last(length);
        return new AmountStep<>(bound -> new NetSpend(window, bound));
    }

    /**
     * Net spend in the last calendar months or years: {@code spendWithin(years(1))}, counted back from
     * {@code now} in UTC. See {@link NetSpend}.
     *
     * @param length how far back from {@code now}
     * @return the step that takes the money threshold
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static AmountStep<NetSpend> spendWithin(Period length) {
        Window window = Window.last(length);
        return new AmountStep<>(bound -> new NetSpend(window, bound));
    }

    /**
     * Average order value over all orders at or before {@code now}: net spend in the threshold's currency
     * divided by the number of orders, compared exactly (no rounding). A customer without orders never
     * matches. See {@link AverageOrderValueCondition}.
     *
     * @return the step that takes the money threshold
     */
    public static AmountStep<AverageOrderValueCondition> averageOrderValue() {
        return new AmountStep<>(bound -> new AverageOrderValueCondition(Window.ever(), bound));
    }

    /**
     * Average order value of the orders placed in {@code [now - length, now]}; a customer without orders in
     * the window never matches. See {@link AverageOrderValueCondition}.
     *
     * @param length how far back from {@code now}
     * @return the step that takes the money threshold
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static AmountStep<AverageOrderValueCondition> averageOrderValueWithin(Duration length) {
        Window window = Window.last(length);
        return new AmountStep<>(bound -> new AverageOrderValueCondition(window, bound));
    }

    /**
     * Average order value of the orders placed in the last calendar months or years, counted back from
     * {@code now} in UTC. See {@link AverageOrderValueCondition}.
     *
     * @param length how far back from {@code now}
     * @return the step that takes the money threshold
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static AmountStep<AverageOrderValueCondition> averageOrderValueWithin(Period length) {
        Window window = Window.last(length);
        return new AmountStep<>(bound -> new AverageOrderValueCondition(window, bound));
    }

    /**
     * First order placed in {@code [now - length, now]}: a new customer. Never-buyers do not match.
     *
     * @param length how far back from {@code now}
     * @return the condition
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static FirstOrder firstOrderWithin(Duration length) {
        return new FirstOrder(Recency.WITHIN, length);
    }

    /**
     * First order placed strictly before {@code now - length}: a customer for longer than {@code length}.
     * Never-buyers do not match.
     *
     * @param length the minimum age of the first order
     * @return the condition
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static FirstOrder firstOrderBefore(Duration length) {
        return new FirstOrder(Recency.OLDER_THAN, length);
    }

    /**
     * Last order placed in {@code [now - length, now]}: an active customer. Never-buyers do not match.
     *
     * @param length how far back from {@code now}
     * @return the condition
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static LastOrder lastOrderWithin(Duration length) {
        return new LastOrder(Recency.WITHIN, length);
    }

    /**
     * Has ordered, but the last order is strictly before {@code now - length}: a lapsed customer. Unlike
     * {@link #noOrderWithin(Duration)}, never-buyers do not match.
     *
     * @param length the minimum age of the last order
     * @return the condition
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static LastOrder lastOrderOlderThan(Duration length) {
        return new LastOrder(Recency.OLDER_THAN, length);
    }

    /**
     * Whole days (rounded down) since the last order placed at or before {@code now}:
     * {@code daysSinceLastOrder().moreThan(60)}. Never-buyers do not match, whatever the threshold.
     *
     * @return the step that takes the count threshold, in days
     */
    public static CountStep<DaysSinceLastOrder> daysSinceLastOrder() {
        return new CountStep<>(DaysSinceLastOrder::new);
    }

    // ---------------------------------------------------------------- products

    /**
     * Every product: {@code viewsOf(anyProduct())}; {@code bought(anyProduct())} counts any order, even one
     * without lines.
     *
     * @return the selection of every product
     */
    public static Products anyProduct() {
        return Products.any();
    }

    /**
     * The products with these ids: {@code products("X", "Y", "Z")}. Duplicates are ignored.
     *
     * @param ids the product ids, at least one, each non-blank and well-formed (see {@link ProductId#of})
     * @return the selection of these products
     * @throws IllegalArgumentException if {@code ids} is empty or an id is blank or malformed
     */
    public static Products products(String... ids) {
        return Products.of(Set.copyOf(Arrays.stream(ids).map(ProductId::of).toList()));
    }

    /**
     * The products with these ids. Unlike {@link #products(String...)}, a duplicate is refused.
     *
     * @param ids the product ids, at least one, none null
     * @return the selection of these products
     * @throws IllegalArgumentException if {@code ids} is empty or holds a duplicate
     * @throws NullPointerException if an id is null
     */
    public static Products products(ProductId... ids) {
        return Products.of(Set.of(ids));
    }

    /**
     * Products the evaluation's {@link Catalog} puts in the category (case-sensitive). Evaluating a
     * condition over a category without a catalog is refused (see {@link SegmentEvaluator}).
     *
     * @param category the category name, not blank
     * @return the selection of the category's products
     * @throws IllegalArgumentException if {@code category} is blank
     */
    public static Products category(String category) {
        return Products.inCategory(category);
    }

    /**
     * Views of the products: {@code viewsOf(products("X")).within(days(7)).atLeast(2)}. Every view event
     * counts, so three views of one product are 3.
     *
     * @param products which products' views count
     * @return the step that takes the window, then the count threshold
     */
    public static WindowStep<CountStep<ViewCount>> viewsOf(Products products) {
        return new WindowStep<>(window -> new CountStep<>(bound -> new ViewCount(products, window, bound)));
    }

    /**
     * Viewed one of the products in the window and did not buy it since (the abandoned view):
     * {@code viewedWithoutBuying(products("X", "Y")).within(days(7))}. See {@link ViewedNotBought}.
     *
     * @param products which products' views count
     * @return the step that takes the window
     */
    public static WindowStep<ViewedNotBought> viewedWithoutBuying(Products products) {
        return new WindowStep<>(window -> new ViewedNotBought(products, window));
    }

    /**
     * Bought at least one of the products in the window: {@code bought(category("shoes")).within(days(30))}.
     * The window cannot be {@link WindowStep#sinceLastOrder()}. See {@link Bought}.
     *
     * @param products which products count
     * @return the step that takes the window
     */
    public static WindowStep<Bought> bought(Products products) {
        return new WindowStep<>(window -> new Bought(products, window));
    }

    // ---------------------------------------------------------------- carts

    /**
     * The cart is not empty and was neither changed nor ordered for at least {@code idle} (exactly
     * {@code idle} counts). See {@link AbandonedCart}.
     *
     * @param idle the minimum time since the cart's last update
     * @return the condition
     * @throws IllegalArgumentException if {@code idle} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static AbandonedCart cartAbandonedFor(Duration idle) {
        return new AbandonedCart(idle);
    }

    // ---------------------------------------------------------------- profile

    /**
     * A profile attribute (the profile's custom attributes, case-sensitive names):
     * {@code attribute("city").equalTo("Berlin")}. An absent attribute never matches.
     *
     * @param name the attribute's name, not blank
     * @return the step that takes the test on the value
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public static AttributeStep attribute(String name) {
        checkArgument(name != null && !name.isBlank(), "attribute name must not be blank");
        return new AttributeStep(name);
    }

    /**
     * Birthday today or in the next {@code days} days, in the customer's time zone: {@code birthdayWithin(0)}
     * is "birthday today". A profile without a birthday never matches. See {@link BirthdayWithin}.
     *
     * @param days the number of days ahead, 0 to 366
     * @return the condition
     * @throws IllegalArgumentException if {@code days} is outside 0 to 366
     */
    public static BirthdayWithin birthdayWithin(int days) {
        return new BirthdayWithin(days);
    }

    /**
     * Signed up in {@code [now - length, now]}; a profile without a sign-up time never matches.
     *
     * @param length how far back from {@code now}
     * @return the condition
     * @throws IllegalArgumentException if {@code length} is negative or longer than {@link Window#MAX_LENGTH}
     */
    public static SignedUpWithin signedUpWithin(Duration length) {
        return new SignedUpWithin(length);
    }

    /**
     * The acquisition source's channel is {@code channel} (case-sensitive), whatever its campaign; a
     * profile without an acquisition source never matches.
     *
     * @param channel the channel, e.g. {@code "instagram"}; not blank
     * @return the condition
     * @throws IllegalArgumentException if {@code channel} is null or blank
     */
    public static AcquiredFrom acquiredFrom(String channel) {
        return new AcquiredFrom(channel, Optional.empty());
    }

    /**
     * The acquisition source is this channel and this campaign (both case-sensitive).
     *
     * @param channel the channel, not blank
     * @param campaign the acquisition campaign, not blank
     * @return the condition
     * @throws IllegalArgumentException if {@code channel} or {@code campaign} is blank
     */
    public static AcquiredFrom acquiredFrom(String channel, String campaign) {
        return new AcquiredFrom(channel, Optional.of(campaign));
    }

    /**
     * The customer's consent for the channel stands at {@code now}: given at or before it and not withdrawn
     * since. See {@link HasConsent}.
     *
     * @param channel the channel
     * @return the condition
     */
    public static HasConsent consentGiven(Channel channel) {
        return new HasConsent(channel);
    }

    // ---------------------------------------------------------------- custom events

    /**
     * Custom events with this name (case-sensitive):
     * {@code customEvents("review_written").with("rating", "5").within(days(30)).atLeast(1)}.
     *
     * @param name the event name, not blank
     * @return the step that takes attribute filters and the window
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public static CustomEventStep customEvents(String name) {
        return new CustomEventStep(name, java.util.Map.of());
    }

    // ---------------------------------------------------------------- combinators

    /**
     * Every one of the conditions holds (logical and); {@link Segment#and} builds the same thing.
     *
     * @param conditions the conditions, at least one
     * @return the condition
     * @throws IllegalArgumentException if {@code conditions} is empty or the tree gets too deep
     */
    public static AllOf allOf(Condition... conditions) {
        return new AllOf(List.of(conditions));
    }

    /**
     * At least one of the conditions holds (logical or).
     *
     * @param conditions the conditions, at least one
     * @return the condition
     * @throws IllegalArgumentException if {@code conditions} is empty or the tree gets too deep
     */
    public static AnyOf anyOf(Condition... conditions) {
        return new AnyOf(List.of(conditions));
    }

    /**
     * The condition does not hold.
     *
     * @param condition the condition to negate
     * @return the condition
     * @throws IllegalArgumentException if the tree gets deeper than {@link Condition#MAX_DEPTH}
     */
    public static Not not(Condition condition) {
        return new Not(condition);
    }

    /**
     * {@code atLeast(2).of(a, b, c)}: at least two of the three hold.
     *
     * @param k how many must hold; checked against the number of conditions in {@link AtLeastStep#of}
     * @return the step that takes the conditions
     */
    public static AtLeastStep atLeast(int k) {
        return new AtLeastStep(k);
    }

    /** The step of {@code atLeast(k).of(...)}. */
    public static final class AtLeastStep {
        private final int k;

        private AtLeastStep(int k) {
            this.k = k;
        }

        /**
         * At least {@code k} of these conditions hold.
         *
         * @param conditions the conditions, at least {@code k}
         * @return the condition
         * @throws IllegalArgumentException if {@code k} is below 1 or above the number of conditions
         */
        public AtLeastOf of(Condition... conditions) {
            return new AtLeastOf(k, List.of(conditions));
        }
    }
}
