package dev.retention.rules.loyalty;

import static dev.retention.rules.loyalty.Fixtures.ANNA;
import static dev.retention.rules.loyalty.Fixtures.line;
import static dev.retention.rules.loyalty.Fixtures.order;
import static dev.retention.rules.loyalty.Fixtures.realistic;
import static dev.retention.rules.loyalty.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PointsProgramTest {
    private static final Optional<String> NO_TIER = Optional.empty();

    @Test
    void baseRateRoundsDownByDefault() {
        // 12.99 * 1 / 1.00 = 12.99 points, rounded down
        assertThat(realistic().build().pointsFor(order(ANNA, "o", "2025-01-01", "12.99"), NO_TIER)).isEqualTo(12);
    }

    @Test
    void roundingModeIsConfigurable() {
        PointsProgram halfUp = realistic().earnRounding(RoundingMode.HALF_UP).build();
        PointsProgram up = realistic().earnRounding(RoundingMode.UP).build();

        assertThat(halfUp.pointsFor(order(ANNA, "o", "2025-01-01", "12.49"), NO_TIER)).isEqualTo(12);
        assertThat(halfUp.pointsFor(order(ANNA, "o", "2025-01-01", "12.50"), NO_TIER)).isEqualTo(13);
        assertThat(up.pointsFor(order(ANNA, "o", "2025-01-01", "12.01"), NO_TIER)).isEqualTo(13);
    }

    @Test
    void aRateThatIsNotADecimalFractionRoundsOnceOnTheExactValue() {
        // 1 point per 3.00: 9.00 earns exactly 3, not 2.99999 rounded down to 2
        PointsProgram program = realistic().earn(1, usd("3.00")).build();

        assertThat(program.pointsFor(order(ANNA, "o", "2025-01-01", "9.00"), NO_TIER)).isEqualTo(3);
        assertThat(program.pointsFor(order(ANNA, "o", "2025-01-01", "8.99"), NO_TIER)).isEqualTo(2);
    }

    @Test
    void productMultiplierAddsTheExtraShareOfItsLine() {
        PointsProgram program = realistic().productMultiplier(ProductId.of("espresso"), new BigDecimal("2")).build();

        // base = 50.00 + 20.00 * (2 - 1) = 70.00 -> 70 points
        long points = program.pointsFor(order(ANNA, "o", "2025-01-01", line("espresso", "20.00"),
                line("filter", "30.00")), NO_TIER);

        assertThat(points).isEqualTo(70);
    }

    @Test
    void categoryMultiplierComesFromTheLookupAndProductMultiplierWins() {
        PointsProgram program = realistic()
                .categories(product -> product.value().startsWith("book") ? Optional.of("books") : Optional.empty())
                .categoryMultiplier("books", new BigDecimal("3"))
                .productMultiplier(ProductId.of("book-sale"), BigDecimal.ONE)
                .build();

        // book-1: 10.00 * 3 = 30; book-sale keeps 1x: 10; mug 5.00: 5 -> 45
        long points = program.pointsFor(order(ANNA, "o", "2025-01-01", line("book-1", "10.00"),
                line("book-sale", "10.00"), line("mug", "5.00")), NO_TIER);

        assertThat(points).isEqualTo(45);
    }

    @Test
    void multiplierZeroExcludesAProduct() {
        PointsProgram program = realistic().productMultiplier(ProductId.of("gift-card"), BigDecimal.ZERO).build();

        // 40.00 - 25.00 = 15.00 earnable
        assertThat(program.pointsFor(order(ANNA, "o", "2025-01-01", line("gift-card", "25.00"),
                line("scarf", "15.00")), NO_TIER)).isEqualTo(15);
    }

    @Test
    void ordersBelowTheMinimumEarnNothing() {
        PointsProgram program = realistic().minimumOrder(usd("20.00")).build();

        assertThat(program.pointsFor(order(ANNA, "o", "2025-01-01", "19.99"), NO_TIER)).isZero();
        assertThat(program.pointsFor(order(ANNA, "o", "2025-01-01", "20.00"), NO_TIER)).isEqualTo(20);
    }

    @Test
    void perOrderCapLimitsOneOrder() {
        PointsProgram program = realistic().maxPointsPerOrder(100).build();

        assertThat(program.pointsFor(order(ANNA, "o", "2025-01-01", "250.00"), NO_TIER)).isEqualTo(100);
    }

    @Test
    void tierMultiplierScalesBeforeRounding() {
        PointsProgram program = realistic().tierMultipliers(Fixtures.realisticTiers().build()).build();

        // 12.99 * 1.5 = 19.485 -> 19; Silver 1.25: 16.2375 -> 16; unknown tier: 1x -> 12
        assertThat(program.pointsFor(order(ANNA, "o", "2025-01-01", "12.99"), Optional.of("Gold"))).isEqualTo(19);
        assertThat(program.pointsFor(order(ANNA, "o", "2025-01-01", "12.99"), Optional.of("Silver"))).isEqualTo(16);
        assertThat(program.pointsFor(order(ANNA, "o", "2025-01-01", "12.99"), Optional.of("Tin"))).isEqualTo(12);
    }

    @Test
    void ordersInAnotherCurrencyAreRefused() {
        var euroOrder = new dev.retention.core.event.OrderPlaced("e", ANNA, Instant.parse("2025-01-01T00:00:00Z"),
                OrderId.of("o-eur"), List.of(), Money.parse("10.00", "EUR"));

        assertThatThrownBy(() -> realistic().build().pointsFor(euroOrder, NO_TIER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("o-eur").hasMessageContaining("EUR").hasMessageContaining("USD");
    }

    @Test
    void discountIsPointsAtTheRateRoundedDownToTheCent() {
        PointsProgram program = realistic().build();

        // 100 points = 5.00, so 1 point = 0.05
        assertThat(program.discountFor(100)).isEqualTo(usd("5.00"));
        assertThat(program.discountFor(150)).isEqualTo(usd("7.50"));
        assertThat(program.discountFor(101)).isEqualTo(usd("5.05"));
        // 100 points = 3.00 -> 1 point = 0.03, 33 points = 0.99
        assertThat(realistic().redeem(100, usd("3.00")).build().discountFor(33)).isEqualTo(usd("0.99"));
        // 3 points = 1.00 -> 1 point = 0.333.. rounds down to 0.33
        assertThat(realistic().redeem(3, usd("1.00")).build().discountFor(1)).isEqualTo(usd("0.33"));
    }

    @Test
    void pointsToCoverRoundsUpToAWholePoint() {
        // 12.34 / 0.05 = 246.8 -> 247 points
        assertThat(realistic().build().pointsToCover(usd("12.34"))).isEqualTo(247);
    }

    @Test
    void expiryIsMonthsAfterEarningInTheProgramZone() {
        assertThat(realistic().build().expiryOf(Instant.parse("2025-01-31T10:00:00Z")))
                .contains(Instant.parse("2026-01-31T10:00:00Z"));
        assertThat(realistic().expireAfterMonths(0).build().expiryOf(Instant.parse("2025-01-31T10:00:00Z"))).isEmpty();
    }

    @Test
    void buildNamesTheInvalidSettingAndValue() {
        assertThatThrownBy(() -> realistic().maxPointsPerOrder(-1).build())
                .hasMessage("maxPointsPerOrder must not be negative, got -1");
        assertThatThrownBy(() -> realistic().earnRounding(RoundingMode.UNNECESSARY).build())
                .hasMessage("earnRounding must round, got UNNECESSARY");
        assertThatThrownBy(() -> realistic().minimumRedemption(0).build())
                .hasMessage("minimumRedemption must be at least 1, got 0");
        assertThatThrownBy(() -> realistic().earn(1, Money.parse("1.00", "EUR")).build())
                .hasMessage("earn per must be a positive amount in USD, got 1.00 EUR");
        assertThatThrownBy(() -> PointsProgram.builder().currency("USD").redeem(100, usd("5.00")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("earn rate must be set");
        assertThatThrownBy(() -> realistic().productMultiplier(ProductId.of("p"), new BigDecimal("-1")).build())
                .hasMessage("productMultiplier for p must not be negative, got -1");
    }
}
