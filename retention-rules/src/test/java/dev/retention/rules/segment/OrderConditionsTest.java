package dev.retention.rules.segment;

import static dev.retention.rules.segment.Conditions.averageOrderValue;
import static dev.retention.rules.segment.Conditions.averageOrderValueWithin;
import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.daysSinceLastOrder;
import static dev.retention.rules.segment.Conditions.firstOrderBefore;
import static dev.retention.rules.segment.Conditions.firstOrderWithin;
import static dev.retention.rules.segment.Conditions.hours;
import static dev.retention.rules.segment.Conditions.lastOrderOlderThan;
import static dev.retention.rules.segment.Conditions.lastOrderWithin;
import static dev.retention.rules.segment.Conditions.noOrderWithin;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static dev.retention.rules.segment.Conditions.ordersWithin;
import static dev.retention.rules.segment.Conditions.spendEver;
import static dev.retention.rules.segment.Conditions.spendWithin;
import static dev.retention.rules.segment.Shop.NOW;
import static dev.retention.rules.segment.Shop.anna;
import static dev.retention.rules.segment.Shop.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderConditionsTest {
    private static final Instant THIRTY_DAYS_AGO = NOW.minus(days(30));

    @Test
    void orderExactlyAtWindowStartCounts() {
        assertThat(anna().order(THIRTY_DAYS_AGO, "10").test(ordersWithin(days(30)).atLeast(1))).isTrue();
    }

    @Test
    void orderOneNanosecondBeforeWindowStartDoesNotCount() {
        assertThat(anna().order(THIRTY_DAYS_AGO.minusNanos(1), "10").test(ordersWithin(days(30)).atLeast(1)))
                .isFalse();
    }

    @Test
    void orderAtNowCountsAndOrderAfterNowDoesNot() {
        Shop shop = anna().order(NOW, "10").order(NOW.plusNanos(1), "10");
        assertThat(shop.test(ordersWithin(hours(1)).exactly(1))).isTrue();
        assertThat(shop.test(ordersEver().exactly(1))).isTrue();
    }

    @Test
    void emptyHistoryHasZeroOrdersAndNoSpend() {
        Shop nobody = anna();
        assertThat(nobody.test(ordersEver().exactly(0))).isTrue();
        assertThat(nobody.test(noOrderWithin(days(1)))).isTrue();
        assertThat(nobody.test(spendEver().atMost(Money.zero(usd("0").currency())))).isTrue();
        assertThat(nobody.test(spendEver().above(usd("0")))).isFalse();
    }

    @Test
    void customerWithOnlyViewsHasNoOrders() {
        Shop viewer = anna().view(NOW.minus(days(1)), "p1").view(NOW.minus(days(2)), "p2");
        assertThat(viewer.test(ordersEver().atLeast(1))).isFalse();
        assertThat(viewer.test(lastOrderOlderThan(days(1)))).isFalse();
        assertThat(viewer.test(daysSinceLastOrder().atLeast(0))).isFalse();
        assertThat(viewer.test(averageOrderValue().atLeast(usd("0")))).isFalse();
    }

    @Test
    void countComparisonsAreStrictOrInclusiveAsNamed() {
        Shop three = anna().order(NOW.minus(days(3)), "1").order(NOW.minus(days(2)), "1").order(NOW.minus(days(1)), "1");
        assertThat(three.test(ordersEver().atLeast(3))).isTrue();
        assertThat(three.test(ordersEver().moreThan(3))).isFalse();
        assertThat(three.test(ordersEver().atMost(3))).isTrue();
        assertThat(three.test(ordersEver().lessThan(3))).isFalse();
        assertThat(three.test(ordersEver().exactly(3))).isTrue();
    }

    @Test
    void refundsLowerNetSpend() {
        // 60 + 50 = 110 spent, 20 refunded: 90 net
        Shop shop = anna().order(NOW.minus(days(10)), "60").order(NOW.minus(days(5)), "50")
                .refundLast(NOW.minus(days(4)), "20");
        assertThat(shop.test(spendEver().atLeast(usd("90")))).isTrue();
        assertThat(shop.test(spendEver().above(usd("90")))).isFalse();
    }

    @Test
    void refundInWindowOfAnEarlierOrderCountsInThatWindow() {
        // the 100 order is outside the 7-day window, its 30 refund inside: 10 - 30 = -20 in the window
        Shop shop = anna().order(NOW.minus(days(40)), "100").refundLast(NOW.minus(days(2)), "30")
                .order(NOW.minus(days(1)), "10");
        assertThat(shop.test(spendWithin(days(7)).below(usd("0")))).isTrue();
        assertThat(shop.test(spendEver().atLeast(usd("80")))).isTrue();
    }

    @Test
    void spendInAnotherCurrencyDoesNotCount() {
        Shop shop = anna().orderIn(NOW.minus(days(1)), Money.of(500, "EUR"));
        assertThat(shop.test(spendEver().above(usd("0")))).isFalse();
        assertThat(shop.test(spendEver().above(Money.of(499, "EUR")))).isTrue();
    }

    @Test
    void averageOrderValueIsComparedExactly() {
        // 10.00 + 10.01 = 20.01 over 2 orders: 10.005, above 10.00 and below 10.01
        Shop shop = anna().order(NOW.minus(days(2)), "10.00").order(NOW.minus(days(1)), "10.01");
        assertThat(shop.test(averageOrderValue().above(usd("10.00")))).isTrue();
        assertThat(shop.test(averageOrderValue().below(usd("10.01")))).isTrue();
        assertThat(shop.test(averageOrderValueWithin(days(1)).atLeast(usd("10.01")))).isTrue();
    }

    @Test
    void firstOrderWithinAndBeforeSplitAtTheEdge() {
        Shop atEdge = anna().order(THIRTY_DAYS_AGO, "1").order(NOW, "1");
        assertThat(atEdge.test(firstOrderWithin(days(30)))).isTrue();
        assertThat(atEdge.test(firstOrderBefore(days(30)))).isFalse();
        Shop older = anna().order(THIRTY_DAYS_AGO.minusNanos(1), "1");
        assertThat(older.test(firstOrderWithin(days(30)))).isFalse();
        assertThat(older.test(firstOrderBefore(days(30)))).isTrue();
    }

    @Test
    void firstOrderAfterNowIsNoOrderYet() {
        Shop future = anna().order(NOW.plusSeconds(1), "1");
        assertThat(future.test(firstOrderWithin(days(30)))).isFalse();
        assertThat(future.test(firstOrderBefore(days(30)))).isFalse();
    }

    @Test
    void lastOrderOlderThanIsStrictAndIgnoresOrdersAfterNow() {
        Shop shop = anna().order(THIRTY_DAYS_AGO, "1").order(NOW.plusSeconds(1), "1");
        assertThat(shop.test(lastOrderWithin(days(30)))).isTrue();
        assertThat(shop.test(lastOrderOlderThan(days(30)))).isFalse();
        assertThat(shop.test(lastOrderOlderThan(days(29)))).isTrue();
    }

    @Test
    void daysSinceLastOrderRoundsDown() {
        Shop shop = anna().order(NOW.minus(hours(47)), "1");
        assertThat(shop.test(daysSinceLastOrder().exactly(1))).isTrue();
        Shop twoDays = anna().order(NOW.minus(hours(48)), "1");
        assertThat(twoDays.test(daysSinceLastOrder().exactly(2))).isTrue();
    }

    @Test
    void refundedOrdersStillCountAsPlaced() {
        Shop shop = anna().order(NOW.minus(days(1)), "10").refundLast(NOW, "10");
        assertThat(shop.test(ordersEver().exactly(1))).isTrue();
        assertThat(shop.test(spendEver().atMost(usd("0")))).isTrue();
    }
}
