package dev.retention.metrics;

import static dev.retention.metrics.Orders.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.retention.core.CustomerId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunnelAndUpliftTest {

    @Test
    void funnelConvertsFromThePreviousAndFromTheFirstStage() {
        Funnel funnel = Funnel.builder().stage("visitors", 1000).stage("interested", 80).stage("carted", 20)
                .stage("paid", 5).stage("bought again", 2).build();

        List<Funnel.Step> steps = funnel.steps();

        assertThat(steps.get(0).fromPrevious()).isEmpty();
        assertThat(steps.get(0).fromFirst()).hasValue(1.0);
        assertThat(steps.get(1).fromPrevious()).hasValue(0.08);
        assertThat(steps.get(3).fromPrevious()).hasValue(0.25);
        assertThat(steps.get(4).fromPrevious()).hasValue(0.4);
        assertThat(steps.get(4).fromFirst()).hasValue(0.002);
        assertThat(funnel.overallConversion()).hasValue(0.002);
    }

    @Test
    void funnelRejectsAStageLargerThanTheOneBefore() {
        assertThatThrownBy(() -> Funnel.builder().stage("visitors", 10).stage("paid", 11).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'paid' counts 11, more than the stage before it, 'visitors' (10)");
    }

    @Test
    void funnelAfterAnEmptyStageHasNoConversion() {
        Funnel funnel = Funnel.builder().stage("visitors", 0).stage("paid", 0).build();

        assertThat(funnel.steps().get(1).fromPrevious()).isEmpty();
        assertThat(funnel.overallConversion()).isEmpty();
    }

    @Test
    void upliftCountsOrdersFromTheDecisionUntilTheWindowEnds() {
        OrderLog log = new Orders()
                .order("t1", "2026-01-10", "1.00")   // at the decision: converted
                .order("t2", "2026-01-16", "1.00")   // 6 days after: converted
                .order("t3", "2026-01-17", "1.00")   // exactly 7 days after: outside the window
                .order("t4", "2026-01-09", "1.00")   // before the decision: not converted
                .order("h1", "2026-01-12", "1.00")
                .log();
        List<UpliftAssignment> assignments = List.of(
                UpliftAssignment.treated(CustomerId.of("t1"), day("2026-01-10")),
                UpliftAssignment.treated(CustomerId.of("t2"), day("2026-01-10")),
                UpliftAssignment.treated(CustomerId.of("t3"), day("2026-01-10")),
                UpliftAssignment.treated(CustomerId.of("t4"), day("2026-01-10")),
                UpliftAssignment.holdout(CustomerId.of("h1"), day("2026-01-10")),
                UpliftAssignment.holdout(CustomerId.of("never-ordered"), day("2026-01-10")));

        CampaignUplift uplift = CampaignUplift.of(log, assignments, Duration.ofDays(7));

        assertThat(uplift.treated()).isEqualTo(new CampaignUplift.Conversion(4, 2));
        assertThat(uplift.holdout()).isEqualTo(new CampaignUplift.Conversion(2, 1));
        assertThat(uplift.difference()).isEqualTo(0.0);
        assertThat(uplift.interval95().contains(0.0)).isTrue();
    }

    @Test
    void upliftRejectsACustomerInTwoAssignmentsAndAnEmptyGroup() {
        OrderLog log = new Orders().log();
        CustomerId a = CustomerId.of("a");
        assertThatThrownBy(() -> CampaignUplift.of(log, List.of(UpliftAssignment.treated(a, day("2026-01-01")),
                UpliftAssignment.holdout(a, day("2026-01-02"))), Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer a appears");
        assertThatThrownBy(() -> CampaignUplift.of(log, List.of(UpliftAssignment.treated(a, day("2026-01-01"))),
                Duration.ofDays(7))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holdout group is empty");
    }

    @Test
    void newcombeHybridScoreIntervalMatchesThePublishedExample() {
        // Newcombe (1998), Statistics in Medicine 17:873-890, example (a), method 10
        CampaignUplift uplift = CampaignUplift.of(new CampaignUplift.Conversion(70, 56),
                new CampaignUplift.Conversion(80, 48), Duration.ofDays(30));

        assertThat(uplift.difference()).isCloseTo(0.2, within(1e-12));
        assertThat(uplift.interval95().lower()).isCloseTo(0.0524, within(0.00005));
        assertThat(uplift.interval95().upper()).isCloseTo(0.3339, within(0.00005));
    }

    @Test
    void newcombeIntervalAtTheBoundariesMatchesHandComputation() {
        // Wilson for 0/10 is [0, z²/(10 + z²)] = [0, 0.2775]; for 10/10 it is [10/(10 + z²), 1] = [0.7225, 1]
        ConfidenceInterval none = ConfidenceInterval.newcombeDifference(0, 10, 0, 10, ConfidenceInterval.Z_95);
        ConfidenceInterval all = ConfidenceInterval.newcombeDifference(10, 10, 0, 10, ConfidenceInterval.Z_95);

        assertThat(none.lower()).isCloseTo(-0.2775, within(0.00005));
        assertThat(none.upper()).isCloseTo(0.2775, within(0.00005));
        assertThat(all.lower()).isCloseTo(0.6075, within(0.00005));
        assertThat(all.upper()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void wilsonIntervalMatchesNewcombesSingleProportionExample() {
        // Newcombe (1998), Statistics in Medicine 17:857-872, 81/263 by method 3 (Wilson score)
        ConfidenceInterval interval = ConfidenceInterval.wilson(81, 263, ConfidenceInterval.Z_95);

        assertThat(interval.lower()).isCloseTo(0.2553, within(0.00005));
        assertThat(interval.upper()).isCloseTo(0.3662, within(0.00005));
    }
}
