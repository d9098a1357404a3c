package dev.retention.testkit.backtest;

import static dev.retention.rules.segment.Conditions.ordersEver;
import static dev.retention.testkit.backtest.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.rules.loyalty.QualificationWindow;
import dev.retention.rules.loyalty.TierBenefits;
import dev.retention.rules.loyalty.TierPolicy;
import dev.retention.rules.segment.Segment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffTest {
    static final Instant JAN = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant MAR = Instant.parse("2024-03-01T00:00:00Z");

    // a: 1 order, b: 2 orders, c: 3 orders (the third after the diff instant)
    static final List<CustomerEvent> LOG = List.of(
            order("a", "2024-01-02T10:00:00Z", 100),
            order("b", "2024-01-02T10:00:00Z", 200), order("b", "2024-01-04T10:00:00Z", 200),
            order("c", "2024-01-02T10:00:00Z", 700), order("c", "2024-01-03T10:00:00Z", 10),
            order("c", "2024-02-10T10:00:00Z", 10));
    static final Instant AT = Instant.parse("2024-02-01T00:00:00Z");

    @Test
    void segmentDiffListsWhoEntersAndWhoLeavesAtTheInstant() {
        Segment twoOrMore = Segment.named("repeat").where(ordersEver().atLeast(2));
        Segment threeOrMore = Segment.named("repeat").where(ordersEver().atLeast(3));
        Segment anyOrder = Segment.named("repeat").where(ordersEver().atLeast(1));

        SegmentDiff.Result stricter = Diff.of(twoOrMore, threeOrMore).over(LOG).at(AT);
        SegmentDiff.Result looser = Diff.of(twoOrMore, anyOrder).over(LOG).at(AT);

        // c's third order is after the instant, so the stricter segment has no member yet
        assertThat(stricter.before()).isEqualTo(2);
        assertThat(stricter.after()).isZero();
        assertThat(stricter.left()).containsExactly(CustomerId.of("b"), CustomerId.of("c"));
        assertThat(stricter.entered()).isEmpty();
        assertThat(looser.entered()).containsExactly(CustomerId.of("a"));
        assertThat(looser.left()).isEmpty();
    }

    @Test
    void tierDiffListsEveryCustomerWhoseTierChanges() {
        TierPolicy silverAt500 = tiers(500);
        TierPolicy silverAt300 = tiers(300);

        TierDiff.Result r = Diff.of(silverAt500, silverAt300).over(LOG).at(AT);

        // b spent 400: Member under the old policy, Silver under the new; c (710) is Silver under both
        assertThat(r.moves()).containsExactly(new TierDiff.Move(CustomerId.of("b"), "Member", "Silver"));
        assertThat(r.entered("Silver")).containsExactly(CustomerId.of("b"));
        assertThat(r.left("Member")).containsExactly(CustomerId.of("b"));
        assertThat(r.before()).containsEntry("Member", 2).containsEntry("Silver", 1);
        assertThat(r.after()).containsEntry("Member", 1).containsEntry("Silver", 2);
    }

    @Test
    void campaignDiffListsTheMessagesAddedAndDropped() {
        CampaignDiff.Result r = Diff.of(BacktestTest.winBack(10), BacktestTest.winBack(20)).over(LOG).from(JAN).to(MAR);

        // b lapses after its 2024-01-04 order: day 10 -> tick 2024-01-15, day 20 -> tick 2024-01-25
        // c orders again on 2024-02-10: 10 days after 2024-01-03 it is lapsed, 20 days after it is too (01-23 < 02-10)
        CustomerId b = CustomerId.of("b");
        assertThat(r.dropped()).contains(new CampaignDiff.Sent(b, 0, "we-miss-you", Instant.parse("2024-01-15T00:00:00Z")));
        assertThat(r.added()).contains(new CampaignDiff.Sent(b, 0, "we-miss-you", Instant.parse("2024-01-25T00:00:00Z")));
        assertThat(r.before().campaign("win-back").orElseThrow().entries()).isEqualTo(2);
        assertThat(r.after().campaign("win-back").orElseThrow().entries()).isEqualTo(2);
        assertThat(r.added()).hasSameSizeAs(r.dropped());
    }

    static TierPolicy tiers(long silver) {
        return TierPolicy.builder().spend("USD").window(QualificationWindow.rollingMonths(12))
                .baseTier("Member", TierBenefits.none())
                .tier("Silver", Money.of(silver, "USD"), TierBenefits.none())
                .build();
    }
}
