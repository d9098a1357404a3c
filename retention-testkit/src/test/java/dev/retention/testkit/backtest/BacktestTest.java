package dev.retention.testkit.backtest;

import static dev.retention.testkit.backtest.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.metrics.UpliftAssignment;
import dev.retention.metrics.UpliftGroup;
import dev.retention.rules.campaign.Campaign;
import dev.retention.rules.campaign.ExitCondition;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.campaign.Message;
import dev.retention.rules.campaign.ReEntry;
import dev.retention.rules.trigger.LoyaltyThresholdTrigger;
import dev.retention.rules.trigger.WinBackTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {
    static final Instant JAN = Instant.parse("2024-01-01T00:00:00Z");
    static final Instant MAR = Instant.parse("2024-03-01T00:00:00Z");

    static Campaign winBack(int quietDays) {
        return Campaign.builder("win-back")
                .trigger(WinBackTrigger.builder().atLeastOrders(2).noOrderFor(Duration.ofDays(quietDays)).build())
                .message(Message.email("we-miss-you"))
                .then(Duration.ofDays(7), Message.email("tell-us-why"))
                .exitWhen(ExitCondition.CUSTOMER_ORDERED)
                .reEntry(ReEntry.once())
                .build();
    }

    static Campaign loyalty(double holdout) {
        Campaign.Builder b = Campaign.builder("loyalty")
                .trigger(LoyaltyThresholdTrigger.of(2, Money.of(10, "USD")))
                .message(Message.email("join"))
                .reEntry(ReEntry.once());
        return holdout > 0 ? b.holdout(holdout).build() : b.build();
    }

    @Test
    void winBackFiresAtTheFirstMidnightAfterTheCustomerLapsed() {
        List<CustomerEvent> log = List.of(order("a", "2024-01-01T10:00:00Z", 20), order("a", "2024-01-05T10:00:00Z", 20));

        BacktestResult r = Backtest.of(winBack(10)).over(log).from(JAN).to(MAR);

        // lapsed at 2024-01-15T10:00, so the tick at the next midnight finds it; the feedback form follows a week later
        List<FireEntry> sent = r.decisions("win-back", FireStatus.SENT);
        assertThat(sent).extracting(FireEntry::step).containsExactly(0, 1);
        assertThat(sent.get(0).decidedAt()).isEqualTo(Instant.parse("2024-01-16T00:00:00Z"));
        assertThat(sent.get(1).updatedAt()).isEqualTo(Instant.parse("2024-01-23T00:00:00Z"));
        assertThat(r.campaign("win-back").orElseThrow())
                .extracting(CampaignOutcome::entries, CampaignOutcome::messagesSent, CampaignOutcome::customersReached)
                .containsExactly(1, 2, 1);
    }

    @Test
    void anOrderAfterTheFirstLetterCancelsTheFeedbackForm() {
        List<CustomerEvent> log = List.of(order("a", "2024-01-01T10:00:00Z", 20), order("a", "2024-01-05T10:00:00Z", 20),
                order("a", "2024-01-18T09:00:00Z", 20));

        BacktestResult r = Backtest.of(winBack(10)).over(log).from(JAN).to(MAR);

        assertThat(r.decisions("win-back", FireStatus.SENT)).hasSize(1);
        assertThat(r.decisions("win-back", FireStatus.CANCELLED)).extracting(FireEntry::step).containsExactly(1);
    }

    @Test
    void eventsBeforeTheStartAreHistoryAndDecideNothingUntilTheStart() {
        List<CustomerEvent> log = List.of(order("a", "2023-11-01T10:00:00Z", 20), order("a", "2023-12-01T10:00:00Z", 20));

        BacktestResult r = Backtest.of(loyalty(0)).over(log).from(JAN).to(MAR);

        assertThat(r.decisions()).singleElement().satisfies(e -> {
            assertThat(e.decidedAt()).isEqualTo(JAN);
            assertThat(e.status()).isEqualTo(FireStatus.SENT);
        });
    }

    @Test
    void aStoreOrAStreamReplaysLikeTheListOfItsEvents() {
        List<CustomerEvent> log = List.of(order("a", "2024-01-01T10:00:00Z", 20), order("a", "2024-01-05T10:00:00Z", 20),
                order("b", "2024-01-02T10:00:00Z", 20), order("b", "2024-01-03T10:00:00Z", 20));
        InMemoryEventStore store = new InMemoryEventStore();
        store.appendAll(log);

        BacktestResult fromList = Backtest.of(winBack(10), loyalty(0)).over(log).from(JAN).to(MAR);
        BacktestResult fromStore = Backtest.of(winBack(10), loyalty(0)).over(store).from(JAN).to(MAR);
        BacktestResult fromStream = Backtest.of(winBack(10), loyalty(0)).over(log.stream()).from(JAN).to(MAR);

        // each customer: the loyalty letter, the win-back letter and the feedback form a week later
        assertThat(fromList.decisions()).hasSize(6);
        assertThat(fromStore.decisions()).containsExactlyInAnyOrderElementsOf(fromList.decisions());
        assertThat(fromStream.decisions()).containsExactlyElementsOf(fromList.decisions());
    }

    @Test
    void eventsAtOrAfterTheEndAreNotReplayed() {
        List<CustomerEvent> log = List.of(order("a", "2024-01-10T10:00:00Z", 20), order("a", "2024-03-01T00:00:00Z", 20));

        assertThat(Backtest.of(loyalty(0)).over(log).from(JAN).to(MAR).decisions()).isEmpty();
    }

    @Test
    void conversionComparesTreatedWithHeldOutAndIgnoresTheTriggeringOrder() {
        List<CustomerEvent> log = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String c = "c" + i;
            log.add(order(c, "2024-01-02T10:00:00Z", 10));
            log.add(order(c, "2024-01-03T10:00:00Z", 10));   // crosses the threshold: decision at this instant
            if (i % 3 == 0) {
                log.add(order(c, "2024-01-10T10:00:00Z", 10));   // within 14 days: converts
            } else if (i % 3 == 1) {
                log.add(order(c, "2024-01-20T10:00:00Z", 10));   // after the window
            }
        }

        BacktestResult r = Backtest.of(loyalty(0.3)).over(log).from(JAN).to(MAR);

        CampaignOutcome outcome = r.campaign("loyalty").orElseThrow();
        List<FireEntry> sent = r.decisions("loyalty", FireStatus.SENT);
        List<FireEntry> held = r.decisions("loyalty", FireStatus.HELD_OUT);
        assertThat(sent.size() + held.size()).isEqualTo(200);
        assertThat(held).isNotEmpty();
        assertThat(outcome.heldOutCustomers()).isEqualTo(held.size());
        assertThat(outcome.customersReached()).isEqualTo(sent.size());
        long treatedConverted = sent.stream().filter(e -> Integer.parseInt(e.customerId().value().substring(1)) % 3 == 0).count();
        long heldConverted = held.stream().filter(e -> Integer.parseInt(e.customerId().value().substring(1)) % 3 == 0).count();
        var uplift = outcome.uplift().orElseThrow();
        assertThat(uplift.treated().customers()).isEqualTo(sent.size());
        assertThat(uplift.treated().converted()).isEqualTo(treatedConverted);
        assertThat(uplift.holdout().customers()).isEqualTo(held.size());
        assertThat(uplift.holdout().converted()).isEqualTo(heldConverted);
        assertThat(uplift.window()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void upliftAssignmentsTakeEachCustomersFirstSentOrHeldOutEntry() {
        List<CustomerEvent> log = List.of(order("a", "2024-01-02T10:00:00Z", 20), order("a", "2024-01-03T10:00:00Z", 20));
        BacktestResult r = Backtest.of(loyalty(0)).over(log).from(JAN).to(MAR);

        List<UpliftAssignment> assignments = UpliftAssignments.of(r.decisions(), "loyalty");

        assertThat(assignments).containsExactly(new UpliftAssignment(CustomerId.of("a"), UpliftGroup.TREATED,
                Instant.parse("2024-01-03T10:00:00.000000001Z")));
        assertThat(UpliftAssignments.of(r.decisions(), "other")).isEmpty();
    }

    @Test
    void refusesAnEndNotAfterTheStartAndAMissingLog() {
        List<CustomerEvent> log = List.of(order("a", "2024-01-02T10:00:00Z", 20));
        assertThatThrownBy(() -> Backtest.of(loyalty(0)).over(log).from(MAR).to(JAN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be after from");
        assertThatThrownBy(() -> Backtest.of(loyalty(0)).from(JAN).to(MAR))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over(");
        assertThatThrownBy(() -> Backtest.of(loyalty(0), loyalty(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loyalty");
    }
}
