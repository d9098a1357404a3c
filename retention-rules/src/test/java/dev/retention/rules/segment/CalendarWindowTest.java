package dev.retention.rules.segment;

import static dev.retention.rules.segment.Shop.anna;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** "Bought in the last 3 months": windows of calendar months and years, counted back from now in UTC. */
class CalendarWindowTest {
    private static final SegmentJson JSON = SegmentJson.standard();
    /** The last day of May: three calendar months back is the last day of February. */
    private static final Instant END_OF_MAY = Instant.parse("2026-05-31T12:00:00Z");
    private static final Instant END_OF_FEBRUARY = Instant.parse("2026-02-28T12:00:00Z");

    private static Condition ordersInTheLast(String window) {
        return JSON.readCondition("{\"type\": \"orders\", \"window\": \"" + window + "\", \"atLeast\": 1}");
    }

    @Test
    void threeMonthsBackStartsAtTheSameTimeOfDayThreeCalendarMonthsEarlierInUtc() {
        Condition condition = ordersInTheLast("P3M");
        assertThat(anna().order(END_OF_FEBRUARY, "10").test(condition, END_OF_MAY)).isTrue();
        assertThat(anna().order(END_OF_FEBRUARY.minusNanos(1), "10").test(condition, END_OF_MAY)).isFalse();
        assertThat(anna().order(END_OF_MAY, "10").test(condition, END_OF_MAY)).isTrue();
        assertThat(anna().order(END_OF_MAY.plusNanos(1), "10").test(condition, END_OF_MAY)).isFalse();
    }

    @Test
    void aYearBackFromALeapDayIsTheTwentyEighthOfFebruary() {
        Condition condition = ordersInTheLast("P1Y");
        Instant leapDay = Instant.parse("2028-02-29T00:00:00Z");
        assertThat(anna().order(Instant.parse("2027-02-28T00:00:00Z"), "10").test(condition, leapDay)).isTrue();
        assertThat(anna().order(Instant.parse("2027-02-27T23:59:59Z"), "10").test(condition, leapDay)).isFalse();
    }

    @Test
    void explainSaysTheWindowAsTheMarketerWroteIt() {
        Condition condition = ordersInTheLast("P3M");
        assertThat(condition.describe()).isEqualTo("orders in the last 3 months >= 1");
        assertThat(condition.explain(EvaluationContext.of(anna().order(END_OF_FEBRUARY, "10").history(),
                dev.retention.core.profile.CustomerProfile.unknown(Shop.ANNA), END_OF_MAY)).line())
                .isEqualTo("orders in the last 3 months: 1 >= 1: yes");
        assertThat(ordersInTheLast("P1Y2M").describe()).isEqualTo("orders in the last 1 year 2 months >= 1");
    }

    @Test
    void theDslWritesCalendarWindowsWithMonthsAndYears() {
        assertThat(Conditions.ordersWithin(Conditions.months(3)).atLeast(1)).isEqualTo(ordersInTheLast("P3M"));
        assertThat(Conditions.spendWithin(Conditions.years(1)).above(Shop.usd("100")).describe())
                .isEqualTo("net spend in the last 1 year > 100.00 USD");
        assertThat(Conditions.viewsOf(Conditions.anyProduct()).within(Conditions.months(2)).atLeast(1))
                .isEqualTo(JSON.readCondition("{\"type\": \"views\", \"products\": \"any\", \"window\": \"P2M\", "
                        + "\"atLeast\": 1}"));
        // six months before 31 May 12:00 is 30 November 12:00: an order then is within, a second earlier is not
        Condition quietHalfYear = Conditions.noOrderWithin(Conditions.months(6));
        assertThat(anna().order(Instant.parse("2025-11-30T12:00:00Z"), "10").test(quietHalfYear, END_OF_MAY)).isFalse();
        assertThat(anna().order(Instant.parse("2025-11-30T11:59:59Z"), "10").test(quietHalfYear, END_OF_MAY)).isTrue();
        // days only are plain days, whichever way they are written
        assertThat(Window.last(java.time.Period.ofDays(7))).isEqualTo(Window.last(Conditions.days(7)));
        assertThat(JSON.writeCondition(Conditions.ordersWithin(java.time.Period.ofWeeks(1)).atLeast(1)))
                .contains("\"P7D\"");
    }

    @Test
    void negativeOrHugeCalendarWindowsAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> Conditions.ordersWithin(java.time.Period.ofMonths(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-1M");
        assertThatThrownBy(() -> Window.last(java.time.Period.ofYears(1_001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P1001Y");
    }

    @Test
    void conditionsOverOrdersRefuseSinceLastOrderInJavaToo() {
        assertThatThrownBy(() -> new OrderCount(Window.sinceLastOrder(), new CountBound(Comparison.AT_LEAST, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("since-last-order");
        assertThatThrownBy(() -> Conditions.bought(Conditions.anyProduct()).sinceLastOrder())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("since-last-order");
        // where it means something, it stays
        assertThat(Conditions.viewsOf(Conditions.anyProduct()).sinceLastOrder().atLeast(1).describe())
                .isEqualTo("views of any product since the last order >= 1");
    }
}
