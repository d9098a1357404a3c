package dev.retention.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An exact amount of money: a whole number of the currency's minor units (cents for USD, yen for
 * JPY) and the {@link Currency}.
 *
 * <p>Arithmetic and comparisons refuse to mix currencies ({@link IllegalArgumentException}) and
 * refuse to overflow ({@link ArithmeticException}); nothing is ever rounded silently. Pseudo
 * currencies without a default number of fraction digits (such as XAU) count in whole units.
 *
 * <pre>{@code
 * Money price = Money.parse("12.50", "USD");
 * Money line = price.times(3);                       // 37.50 USD
 * boolean big = line.isGreaterThan(Money.of(30, "USD"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; every operation is pure and returns a new value. Two amounts are
 * {@link #equals equal} when their minor units and currency are, so {@code 12.50 USD} parsed from
 * {@code "12.5"} equals one parsed from {@code "12.50"}.
 *
 * @param minorUnits the amount in the currency's minor units (cents, yen), negative for a debit or
 *     refund; any {@code long}
 * @param currency the currency, not null
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {
    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile(
            "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** Digits of {@link Long#MAX_VALUE}: no more significant digits can fit. */
    private static final int MAX_LONG_DIGITS = 19;

    /**
     * An amount of {@code minorUnits} minor units; the same as {@link #ofMinor(long, Currency)}.
     *
     * @param minorUnits the amount in the currency's minor units, any {@code long}
     * @param currency the currency
     * @throws NullPointerException if {@code currency} is null
     */
    public Money {
        requireNonNull(currency, "currency");
    }

    /**
     * The amount of {@code minorUnits} minor units, e.g. {@code ofMinor(1250, usd)} is 12.50 USD and
     * {@code ofMinor(1250, jpy)} is 1250 JPY. The form to use when amounts come from a database
     * column of minor units.
     *
     * @param minorUnits the amount in minor units, any {@code long}
     * @param currency the currency
     * @return the amount
     * @throws NullPointerException if {@code currency} is null
     */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(minorUnits, currency);
    }

    /**
     * A whole number of major units, e.g. {@code of(30, "USD")} is 30.00 USD (3000 minor units).
     *
     * @param majorUnits the amount in major units (dollars, euros), may be negative
     * @param currencyCode an ISO 4217 code like {@code "EUR"}; surrounding spaces are ignored
     * @return the amount
     * @throws IllegalArgumentException if {@code currencyCode} is null or not an ISO 4217 code
     * @throws ArithmeticException if the amount in minor units overflows a {@code long}
     */
    public static Money of(long majorUnits, String currencyCode) {
        Currency currency = currency(currencyCode);
        return new Money(Math.multiplyExact(majorUnits, factor(currency)), currency);
    }

    /**
     * Nothing, in a currency: the start of a sum.
     *
     * @param currency the currency
     * @return 0 minor units of {@code currency}
     * @throws NullPointerException if {@code currency} is null
     */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a plain decimal like {@code "12.50"} or {@code "-3"} in the currency given by its ISO
     * code; as {@link #parse(String, Currency)}.
     *
     * @param amount the amount in major units, a plain decimal without exponent or grouping
     * @param currencyCode an ISO 4217 code like {@code "EUR"}; surrounding spaces are ignored
     * @return the exact amount
     * @throws IllegalArgumentException if the currency code is null or unknown, or the amount is
     *     refused as {@link #parse(String, Currency)} says
     */
    public static Money parse(String amount, String currencyCode) {
        return parse(amount, currency(currencyCode));
    }

    /**
     * Parses a plain decimal amount like {@code "12.50"}, {@code "12.5"} or {@code "-3"}. Leading
     * zeros and trailing fraction zeros are allowed; the work is linear in the text's length, since
     * an amount with more significant digits than a {@code long} of minor units holds (19) is
     * refused before any arithmetic. Surrounding spaces are ignored; exponents ({@code "1e3"}),
     * grouping ({@code "1,000"}) and currency symbols are refused. Nothing is rounded.
     *
     * @param amount the amount in major units
     * @param currency the currency, which fixes how many fraction digits are allowed
     * @return the exact amount
     * @throws NullPointerException if {@code currency} is null
     * @throws IllegalArgumentException if the text is null, blank, not a plain decimal number, has more
     *     fraction digits than the currency (e.g. {@code "1.234"} USD or {@code "1.5"} JPY), or is
     *     too large for a {@code long} of minor units
     */
    public static Money parse(String amount, Currency currency) {
        requireNonNull(currency, "currency");
        checkArgument(amount != null && !amount.isBlank(), "amount must not be blank, got %s",
                amount == null ? "null" : "'" + amount + "'");
        String text = amount.strip();
        checkArgument(PLAIN_DECIMAL.matcher(text).matches(),
                "amount must be a plain decimal number like 12.50, got %s", quoted(amount));
        // BigDecimal and BigInteger parse in time quadratic in the digits: cut the text down to its
        // significant digits first, which a long of minor units bounds
        int digits = fractionDigits(currency);
        int point = text.indexOf('.');
        int integerEnd = point < 0 ? text.length() : point;
        int integerStart = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
        while (integerStart < integerEnd && text.charAt(integerStart) == '0') {
            integerStart++;
        }
        int fractionEnd = text.length();
        while (point >= 0 && fractionEnd > point + 1 && text.charAt(fractionEnd - 1) == '0') {
            fractionEnd--;
        }
        int fractionLength = point < 0 ? 0 : fractionEnd - point - 1;
        checkArgument(fractionLength <= digits,
                "amount %s has more fraction digits than %s allows (%s)", quoted(amount), currency, digits);
        checkArgument(integerEnd - integerStart + digits <= MAX_LONG_DIGITS,
                "amount %s is too large for %s (at most %s digits before the point)", quoted(amount), currency,
                MAX_LONG_DIGITS - digits);
        String significant = text.substring(integerStart, integerEnd)
                + (fractionLength > 0 ? text.substring(point + 1, fractionEnd) : "");
        BigDecimal value = significant.isEmpty() ? BigDecimal.ZERO
                : new BigDecimal((text.charAt(0) == '-' ? "-" : "") + significant).movePointLeft(fractionLength);
        try {
            return new Money(value.movePointRight(digits).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount " + quoted(amount) + " is too large for " + currency, e);
        }
    }

    /** The text in quotes for a message, cut short when long (an amount can be megabytes of hostile input). */
    private static String quoted(String text) {
        return text.length() <= 40 ? "'" + text + "'"
                : "'" + text.substring(0, 20) + "...' (" + text.length() + " characters)";
    }

    /**
     * Converts a decimal amount in major units, rounding to the currency's minor unit with
     * {@code mode}: the one place where money is rounded, and only as the caller asks, e.g. for a
     * percentage discount.
     *
     * @param amount the amount in major units, e.g. {@code 12.345}
     * @param currency the currency, which fixes the minor unit
     * @param mode how to round digits beyond the minor unit; {@link RoundingMode#UNNECESSARY}
     *     refuses any rounding
     * @return the rounded amount, e.g. {@code 12.35 USD} for {@code 12.345} and
     *     {@link RoundingMode#HALF_UP}
     * @throws NullPointerException if an argument is null
     * @throws ArithmeticException if the rounded amount does not fit a {@code long} of minor units,
     *     or {@code mode} is {@link RoundingMode#UNNECESSARY} and rounding is needed
     */
    public static Money of(BigDecimal amount, Currency currency, RoundingMode mode) {
        requireNonNull(amount, "amount");
        requireNonNull(mode, "mode");
        return new Money(amount.setScale(fractionDigits(currency), mode).unscaledValue().longValueExact(), currency);
    }

    /**
     * The sum, exact.
     *
     * @param other an amount in the same currency
     * @return this amount plus {@code other}
     * @throws IllegalArgumentException if {@code other} is in another currency
     * @throws ArithmeticException if the sum overflows a {@code long} of minor units
     */
    public Money plus(Money other) {
        checkSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /**
     * The difference, exact; negative when {@code other} is larger.
     *
     * @param other an amount in the same currency
     * @return this amount minus {@code other}
     * @throws IllegalArgumentException if {@code other} is in another currency
     * @throws ArithmeticException if the difference overflows a {@code long} of minor units
     */
    public Money minus(Money other) {
        checkSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    /**
     * This amount times a quantity, e.g. a unit price times the units on an order line.
     *
     * @param quantity the factor, may be zero or negative
     * @return the product, exact, in this currency
     * @throws ArithmeticException if the product overflows a {@code long} of minor units
     */
    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minorUnits, quantity), currency);
    }

    /**
     * The amount with the sign flipped, e.g. to book a refund as a debit.
     *
     * @return {@code -this}, in this currency
     * @throws ArithmeticException for {@code Long.MIN_VALUE} minor units, which has no positive
     *     counterpart
     */
    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    /**
     * Whether the amount is nothing.
     *
     * @return true for 0 minor units
     */
    public boolean isZero() {
        return minorUnits == 0;
    }

    /**
     * Whether the amount is more than nothing.
     *
     * @return true for more than 0 minor units (zero is not positive)
     */
    public boolean isPositive() {
        return minorUnits > 0;
    }

    /**
     * Whether the amount is below nothing, e.g. a net spend after refunds of earlier orders.
     *
     * @return true for fewer than 0 minor units
     */
    public boolean isNegative() {
        return minorUnits < 0;
    }

    /**
     * Whether this amount is strictly more than {@code other}.
     *
     * @param other an amount in the same currency
     * @return true if {@code this &gt; other}
     * @throws IllegalArgumentException if {@code other} is in another currency
     */
    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /**
     * Whether this amount is at least {@code other}.
     *
     * @param other an amount in the same currency
     * @return true if {@code this &ge; other}
     * @throws IllegalArgumentException if {@code other} is in another currency
     */
    public boolean isAtLeast(Money other) {
        return compareTo(other) >= 0;
    }

    /**
     * Whether this amount is strictly less than {@code other}.
     *
     * @param other an amount in the same currency
     * @return true if {@code this &lt; other}
     * @throws IllegalArgumentException if {@code other} is in another currency
     */
    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /**
     * The larger of two amounts, e.g. to floor a net spend at zero.
     *
     * @param other an amount in the same currency
     * @return the larger amount; this one if they are equal
     * @throws IllegalArgumentException if {@code other} is in another currency
     */
    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * The smaller of two amounts, e.g. to cap a discount at the order total.
     *
     * @param other an amount in the same currency
     * @return the smaller amount; this one if they are equal
     * @throws IllegalArgumentException if {@code other} is in another currency
     */
    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /**
     * The exact decimal amount in major units, for display or for arithmetic the caller rounds
     * itself.
     *
     * @return the amount with the currency's scale, e.g. {@code 12.50} for 1250 cents and
     *     {@code 1250} for 1250 yen
     */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(minorUnits, fractionDigits(currency));
    }

    /**
     * Compares amounts of the same currency; different currencies are not comparable and throw, so
     * sort a list of mixed currencies by currency first.
     *
     * @param other an amount in the same currency
     * @return negative, zero or positive as this amount is less than, equal to or more than
     *     {@code other}
     * @throws IllegalArgumentException if {@code other} is in another currency
     * @throws NullPointerException if {@code other} is null
     */
    @Override
    public int compareTo(Money other) {
        checkSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    /**
     * The amount and currency code, e.g. {@code "12.50 USD"} or {@code "-3.00 EUR"}; the amount part
     * is a plain decimal that {@link #parse(String, String)} reads back.
     *
     * @return the amount in major units, a space and the ISO code
     */
    @Override
    public String toString() {
        return toBigDecimal().toPlainString() + " " + currency.getCurrencyCode();
    }

    /**
     * The number of fraction digits the currency's minor unit has.
     *
     * @param currency the currency
     * @return 2 for USD, 0 for JPY and for pseudo currencies without a minor unit (such as XAU), 3
     *     for KWD
     * @throws NullPointerException if {@code currency} is null
     */
    public static int fractionDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    private static long factor(Currency currency) {
        return BigDecimal.ONE.movePointRight(fractionDigits(currency)).longValueExact();
    }

    private static Currency currency(String code) {
        checkArgument(code != null, "currency code must not be null");
        try {
            return Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code like USD, got '" + code + "'", e);
        }
    }

    private void checkSameCurrency(Money other) {
        requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "cannot combine " + this + " with " + other + ": different currencies");
        }
    }
}
