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
     * Parses a plain decimal amount like {@code "12.50"}, {@code "12.5"} or {@code "-3"}.
     *
     * @throws IllegalArgumentException if the text is not a plain decimal number, or has more
     *     fraction digits than the currency (e.g. {@code "1.234"} USD or {@code "1.5"} JPY)
     */
    public static Money parse(String amount, Currency currency) {
        requireNonNull(currency, "currency");
        checkArgument(amount != null && !amount.isBlank(), "amount must not be blank, got %s",
                amount == null ? "null" : "'" + amount + "'");
        String text = amount.strip();
        checkArgument(PLAIN_DECIMAL.matcher(text).matches(),
                "amount must be a plain decimal number like 12.50, got '%s'", amount);
        BigDecimal value = new BigDecimal(text);
        int digits = fractionDigits(currency);
        checkArgument(value.stripTrailingZeros().scale() <= digits,
                "amount '%s' has more fraction digits than %s allows (%s)", amount, currency, digits);
        try {
            return new Money(value.movePointRight(digits).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("amount '" + amount + "' is too large", e);
        }
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
