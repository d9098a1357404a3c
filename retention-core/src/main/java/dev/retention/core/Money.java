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
 */
public record Money(long minorUnits, Currency currency) implements Comparable<Money> {
    private static final java.util.regex.Pattern PLAIN_DECIMAL = java.util.regex.Pattern.compile(
            "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** Digits of {@link Long#MAX_VALUE}: no more significant digits can fit. */
    private static final int MAX_LONG_DIGITS = 19;

    public Money {
        requireNonNull(currency, "currency");
    }

    /** The amount of {@code minorUnits} minor units, e.g. {@code ofMinor(1250, usd)} is 12.50 USD. */
    public static Money ofMinor(long minorUnits, Currency currency) {
        return new Money(minorUnits, currency);
    }

    /** A whole number of major units, e.g. {@code of(30, "USD")} is 30.00 USD. */
    public static Money of(long majorUnits, String currencyCode) {
        Currency currency = currency(currencyCode);
        return new Money(Math.multiplyExact(majorUnits, factor(currency)), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /** Parses a plain decimal like {@code "12.50"} or {@code "-3"} in the currency given by its ISO code. */
    public static Money parse(String amount, String currencyCode) {
        return parse(amount, currency(currencyCode));
    }

    /**
     * Parses a plain decimal amount like {@code "12.50"}, {@code "12.5"} or {@code "-3"}. Leading
     * zeros and trailing fraction zeros are allowed; the work is linear in the text's length, since
     * an amount with more significant digits than a {@code long} of minor units holds (19) is
     * refused before any arithmetic.
     *
     * @throws IllegalArgumentException if the text is not a plain decimal number, has more
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

    /** Parses a decimal in the given currency, rounding to the currency's minor unit with {@code mode}. */
    public static Money of(BigDecimal amount, Currency currency, RoundingMode mode) {
        requireNonNull(amount, "amount");
        requireNonNull(mode, "mode");
        return new Money(amount.setScale(fractionDigits(currency), mode).unscaledValue().longValueExact(), currency);
    }

    public Money plus(Money other) {
        checkSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        checkSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    /** This amount times a quantity, e.g. a unit price times the units on an order line. */
    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minorUnits, quantity), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    public boolean isPositive() {
        return minorUnits > 0;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isAtLeast(Money other) {
        return compareTo(other) >= 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** The exact decimal amount in major units, e.g. {@code 12.50}. */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(minorUnits, fractionDigits(currency));
    }

    /** Compares amounts of the same currency; different currencies are not comparable and throw. */
    @Override
    public int compareTo(Money other) {
        checkSameCurrency(other);
        return Long.compare(minorUnits, other.minorUnits);
    }

    /** The amount and currency code, e.g. {@code "12.50 USD"}. */
    @Override
    public String toString() {
        return toBigDecimal().toPlainString() + " " + currency.getCurrencyCode();
    }

    /** The number of fraction digits the currency's minor unit has (2 for USD, 0 for JPY and pseudo currencies). */
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
