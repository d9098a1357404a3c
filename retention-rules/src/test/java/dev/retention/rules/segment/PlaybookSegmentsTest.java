package dev.retention.rules.segment;

import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.noOrderWithin;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static dev.retention.rules.segment.Conditions.ordersWithin;
import static dev.retention.rules.segment.Conditions.products;
import static dev.retention.rules.segment.Conditions.spendEver;
import static dev.retention.rules.segment.Conditions.viewedWithoutBuying;
import static dev.retention.rules.segment.Shop.NOW;
import static dev.retention.rules.segment.Shop.anna;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.Money;
import dev.retention.core.profile.CustomerProfile;
import org.junit.jupiter.api.Test;

/** The four segments of the Convead playbook, each one chain, exactly as docs/segments.md shows them. */
class PlaybookSegmentsTest {

    // 1. "viewed product cards X, Y, Z and did not buy"
    static final Segment ABANDONED_VIEW = Segment.named("abandoned-view")
            .where(viewedWithoutBuying(products("X", "Y", "Z")).within(days(7)));

    // 2. "made at least X purchases for a total of more than N"
    static final Segment LOYALTY_THRESHOLD = Segment.named("loyalty-threshold")
            .where(ordersEver().atLeast(3))
            .and(spendEver().above(Money.of(100, "USD")));

    // 3. "made more than 5 purchases in the last N days"
    static final Segment RISING_FREQUENCY = Segment.named("rising-frequency")
            .where(ordersWithin(days(30)).moreThan(5));

    // 4. "made at least X purchases in the past" and "has not bought for T"
    static final Segment WIN_BACK = Segment.named("win-back")
            .where(ordersEver().atLeast(3))
            .and(noOrderWithin(days(90)));

    private static boolean member(Segment segment, Shop shop) {
        return segment.test(shop.history(), CustomerProfile.unknown(Shop.ANNA), NOW);
    }

    @Test
    void abandonedViewTakesViewersOfTheCardsWhoDidNotBuyThem() {
        assertThat(member(ABANDONED_VIEW, anna().view(NOW.minus(days(1)), "Y"))).isTrue();
        assertThat(member(ABANDONED_VIEW, anna().view(NOW.minus(days(2)), "Y").order(NOW.minus(days(1)), "20", "Y")))
                .isFalse();
        assertThat(member(ABANDONED_VIEW, anna().view(NOW.minus(days(1)), "W"))).isFalse();
        assertThat(member(ABANDONED_VIEW, anna().view(NOW.minus(days(8)), "X"))).isFalse();
    }

    @Test
    void loyaltyThresholdNeedsBothTheOrdersAndTheNetTotal() {
        Shop three = anna().order(NOW.minus(days(50)), "40").order(NOW.minus(days(40)), "40")
                .order(NOW.minus(days(30)), "20.01");
        assertThat(member(LOYALTY_THRESHOLD, three)).isTrue();
        // exactly 100 is not "more than 100"
        assertThat(member(LOYALTY_THRESHOLD, anna().order(NOW.minus(days(50)), "40").order(NOW.minus(days(40)), "40")
                .order(NOW.minus(days(30)), "20"))).isFalse();
        // a refund takes the total below the threshold
        assertThat(member(LOYALTY_THRESHOLD, three.refundLast(NOW.minus(days(1)), "0.01"))).isFalse();
        assertThat(member(LOYALTY_THRESHOLD, anna().order(NOW.minus(days(50)), "500").order(NOW.minus(days(40)), "5")))
                .isFalse();
    }

    @Test
    void risingFrequencyNeedsSixOrdersInThirtyDays() {
        Shop six = anna();
        for (int i = 0; i < 6; i++) {
            six.order(NOW.minus(days(30)).plus(days(i)), "10");
        }
        assertThat(member(RISING_FREQUENCY, six)).isTrue();
        Shop fiveInWindow = anna().order(NOW.minus(days(30)).minusNanos(1), "10");
        for (int i = 1; i < 6; i++) {
            fiveInWindow.order(NOW.minus(days(i)), "10");
        }
        assertThat(member(RISING_FREQUENCY, fiveInWindow)).isFalse();
    }

    @Test
    void winBackTakesLoyalCustomersWhoStoppedBuying() {
        Shop lapsed = anna().order(NOW.minus(days(200)), "10").order(NOW.minus(days(150)), "10")
                .order(NOW.minus(days(90)).minusNanos(1), "10");
        assertThat(member(WIN_BACK, lapsed)).isTrue();
        assertThat(member(WIN_BACK, lapsed.order(NOW.minus(days(90)), "10"))).isFalse();
        assertThat(member(WIN_BACK, anna().order(NOW.minus(days(200)), "10").order(NOW.minus(days(150)), "10")))
                .isFalse();
    }

    @Test
    void explanationShowsObservedValuesAgainstThresholds() {
        Shop lapsed = anna().order(NOW.minus(days(200)), "10").order(NOW.minus(days(150)), "10")
                .order(NOW.minus(days(100)), "10");
        Explanation why = WIN_BACK.explain(lapsed.history(), CustomerProfile.unknown(Shop.ANNA), NOW);
        assertThat(why.render()).isEqualTo("""
                all of: yes
                  orders ever: 3 >= 3: yes
                  orders in the last 90 days: 0 = 0: yes
                """);
    }

    @Test
    void explanationOfAFailingLeafSaysNo() {
        Shop shop = anna();
        for (int i = 1; i <= 6; i++) {
            shop.order(NOW.minus(days(i)), "10");
        }
        Segment fiveOrMore = Segment.named("busy").where(ordersWithin(days(30)).atLeast(5));
        assertThat(fiveOrMore.explain(shop.history(), CustomerProfile.unknown(Shop.ANNA), NOW).line())
                .isEqualTo("orders in the last 30 days: 6 >= 5: yes");
        Segment sevenOrMore = Segment.named("busier").where(ordersWithin(days(30)).atLeast(7));
        assertThat(sevenOrMore.explain(shop.history(), CustomerProfile.unknown(Shop.ANNA), NOW).line())
                .isEqualTo("orders in the last 30 days: 6 >= 7: no");
    }

    @Test
    void segmentsDescribeThemselvesAsTheMarketersSentence() {
        assertThat(WIN_BACK.describe()).isEqualTo("win-back: orders ever >= 3 and orders in the last 90 days = 0");
        assertThat(LOYALTY_THRESHOLD.toString())
                .isEqualTo("loyalty-threshold: orders ever >= 3 and net spend ever > 100.00 USD");
        assertThat(ABANDONED_VIEW.describe())
                .isEqualTo("abandoned-view: viewed products X, Y, Z in the last 7 days and did not buy since");
    }

    @Test
    void userConditionsComposeWithBuiltIns() {
        UserCondition vip = context -> context.profile().attribute("vip").isPresent();
        Segment vipWinBack = WIN_BACK.and(vip);
        Shop lapsed = anna().order(NOW.minus(days(200)), "10").order(NOW.minus(days(150)), "10")
                .order(NOW.minus(days(100)), "10");
        CustomerProfile plain = CustomerProfile.unknown(Shop.ANNA);
        CustomerProfile gold = CustomerProfile.builder(Shop.ANNA).attribute("vip", "gold").build();
        assertThat(vipWinBack.test(lapsed.history(), plain, NOW)).isFalse();
        assertThat(vipWinBack.test(lapsed.history(), gold, NOW)).isTrue();
        assertThat(vipWinBack.condition()).isInstanceOf(AllOf.class);
        assertThat(((AllOf) vipWinBack.condition()).conditions()).hasSize(3);
    }
}
