package dev.retention.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Currency;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void parsesHonouringTheCurrencysFractionDigits() {
        assertThat(Money.parse("12.50", "USD").minorUnits()).isEqualTo(1250);
        assertThat(Money.parse("12.5", "USD").minorUnits()).isEqualTo(1250);
        assertThat(Money.parse("12", "USD").minorUnits()).isEqualTo(1200);
        assertThat(Money.parse("-0.07", "USD").minorUnits()).isEqualTo(-7);
        assertThat(Money.parse("1500", "JPY").minorUnits()).isEqualTo(1500);
        assertThat(Money.parse("1.234", "BHD").minorUnits()).isEqualTo(1234);
        assertThat(Money.parse("12.500", "USD").minorUnits()).isEqualTo(1250);
    }

    @Test
    void refusesMoreFractionDigitsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.parse("1.234", "USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1.234'").hasMessageContaining("USD");
        assertThatThrownBy(() -> Money.parse("1.5", "JPY"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JPY");
    }

    @Test
    void refusesAMillionDigitAmountBeforeAnyArithmetic() {
        String huge = "9".repeat(1_000_000);
        // a hang guard, not a speed measurement: the quadratic parse took minutes
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> Money.parse(huge, "USD"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("too large").hasMessageContaining("1000000 characters")
                    .hasMessageContaining("USD");
            assertThatThrownBy(() -> Money.parse("0." + huge, "USD"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction digits");
        });
    }

    @Test
    void theLargestAmountsALongHoldsParseAndOneMoreDigitIsRefused() {
        assertThat(Money.parse("92233720368547758.07", "USD").minorUnits()).isEqualTo(Long.MAX_VALUE);
        assertThat(Money.parse("-92233720368547758.08", "USD").minorUnits()).isEqualTo(Long.MIN_VALUE);
        assertThat(Money.parse("9223372036854775807", "JPY").minorUnits()).isEqualTo(Long.MAX_VALUE);
        assertThat(Money.parse("000000000000000000000000012.5000000000000000000000", "USD").minorUnits()).isEqualTo(1250);
        assertThat(Money.parse("+0000000000000000000000000", "USD").minorUnits()).isZero();
        for (String tooLarge : new String[] {"92233720368547758.08", "-92233720368547758.09", "100000000000000000",
                "9223372036854775808", "99999999999999999999"}) {
            assertThatThrownBy(() -> Money.parse(tooLarge, "USD"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
        }
    }

    @Test
    void refusesTextThatIsNotAPlainDecimal() {
        for (String bad : new String[] {"", " ", "1e3", "12,50", "$12", "abc", "1.2.3"}) {
            assertThatThrownBy(() -> Money.parse(bad, "USD")).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Money.parse("1", "XYZ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XYZ");
        assertThatThrownBy(() -> Money.parse("99999999999999999999", "USD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
    }

    @Test
    void arithmeticIsExact() {
        Money price = Money.parse("0.10", "USD");
        Money sum = Money.zero(USD);
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(price);
        }
        assertThat(sum).isEqualTo(Money.of(1, "USD"));
        assertThat(Money.parse("12.50", "USD").times(3)).isEqualTo(Money.parse("37.50", "USD"));
        assertThat(Money.parse("5", "USD").minus(Money.parse("7.25", "USD"))).isEqualTo(Money.parse("-2.25", "USD"));
        assertThat(Money.parse("2.25", "USD").negate().isNegative()).isTrue();
    }

    @Test
    void mixingCurrenciesThrows() {
        Money dollars = Money.of(1, "USD");
        Money yen = Money.of(1, "JPY");
        assertThatThrownBy(() -> dollars.plus(yen)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.00 USD").hasMessageContaining("1 JPY");
        assertThatThrownBy(() -> dollars.compareTo(yen)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dollars.isGreaterThan(yen)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowThrowsInsteadOfWrapping() {
        Money huge = Money.ofMinor(Long.MAX_VALUE, USD);
        assertThatThrownBy(() -> huge.plus(Money.ofMinor(1, USD))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> huge.times(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void comparesAndPrints() {
        assertThat(Money.parse("10", "USD").isGreaterThan(Money.parse("9.99", "USD"))).isTrue();
        assertThat(Money.parse("10", "USD").isAtLeast(Money.parse("10.00", "USD"))).isTrue();
        assertThat(Money.parse("10", "USD").isLessThan(Money.parse("9.99", "USD"))).isFalse();
        assertThat(Money.parse("12.5", "USD")).hasToString("12.50 USD");
        assertThat(Money.of(1500, "JPY")).hasToString("1500 JPY");
        assertThat(Money.of(new BigDecimal("2.345"), USD, RoundingMode.HALF_EVEN)).isEqualTo(Money.parse("2.34", "USD"));
        assertThat(Money.ofMinor(5, JPY).toBigDecimal()).isEqualByComparingTo("5");
    }

    @Property(tries = 300)
    void printingAndParsingRoundTrips(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long minor) {
        Money money = Money.ofMinor(minor, USD);
        assertThat(Money.parse(money.toBigDecimal().toPlainString(), USD)).isEqualTo(money);
    }

    @Property(tries = 300)
    void additionAndSubtractionAreInverse(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long a,
            @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long b) {
        Money x = Money.ofMinor(a, USD);
        Money y = Money.ofMinor(b, USD);
        assertThat(x.plus(y).minus(y)).isEqualTo(x);
        assertThat(x.plus(y).compareTo(x)).isEqualTo(Long.signum(b));
    }
}
