package dev.retention.metrics;

import static dev.retention.metrics.Orders.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CohortMatrixTest {

    private final OrderLog log = new Orders()
            .order("a", "2026-01-05", "1.00").order("a", "2026-01-20", "1.00").order("a", "2026-03-02", "1.00")
            .order("b", "2026-01-31", "1.00").order("b", "2026-02-01", "1.00")
            .order("c", "2026-01-10", "1.00")
            .order("d", "2026-02-14", "1.00").order("d", "2026-03-31", "1.00")
            .log();

    @Test
    void monthlyCohortsCountDistinctActiveCustomersPerLaterMonth() {
        CohortMatrix matrix = CohortMatrix.of(log, CohortGranularity.MONTH, day("2026-04-01"));

        assertThat(matrix.cohorts()).containsExactly(
                new CohortMatrix.Cohort(LocalDate.parse("2026-01-01"), 3, java.util.List.of(3L, 1L, 1L)),
                new CohortMatrix.Cohort(LocalDate.parse("2026-02-01"), 1, java.util.List.of(1L, 1L)));
        assertThat(matrix.cohorts().get(0).shares()).containsExactly(1.0, 1.0 / 3, 1.0 / 3);
    }

    @Test
    void periodsAfterTheLastOrderUpToAsOfAreZeroColumns() {
        CohortMatrix matrix = CohortMatrix.of(log, CohortGranularity.MONTH, day("2026-05-01"));

        assertThat(matrix.cohorts()).extracting(CohortMatrix.Cohort::active).containsExactly(
                java.util.List.of(3L, 1L, 1L, 0L), java.util.List.of(1L, 1L, 0L));
    }

    @Test
    void ordersFromAsOfOnAreIgnoredAndThePartialLastPeriodIsAColumn() {
        CohortMatrix matrix = CohortMatrix.of(log, CohortGranularity.MONTH, day("2026-02-02"));

        assertThat(matrix.cohorts()).containsExactly(
                new CohortMatrix.Cohort(LocalDate.parse("2026-01-01"), 3, java.util.List.of(3L, 1L)));
    }

    @Test
    void weeklyCohortsStartOnMonday() {
        // 2026-01-05 is a Monday; 2026-01-10 the Saturday of that week
        CohortMatrix matrix = CohortMatrix.of(log, CohortGranularity.WEEK, day("2026-01-19"));

        assertThat(matrix.cohorts()).containsExactly(
                new CohortMatrix.Cohort(LocalDate.parse("2026-01-05"), 2, java.util.List.of(2L, 0L)));
    }

    @Test
    void tableShowsEachCohortWithItsSizeAndPercentages() {
        String table = CohortTable.render(CohortMatrix.of(log, CohortGranularity.MONTH, day("2026-04-01")));

        assertThat(table.lines()).containsExactly(
                "cohort     customers     +0     +1     +2",
                "2026-01-01         3 100.0%  33.3%  33.3%",
                "2026-02-01         1 100.0% 100.0%");
    }

    @Test
    void emptyLogHasNoCohorts() {
        assertThat(CohortMatrix.of(new Orders().log(), CohortGranularity.WEEK, day("2026-01-01")).cohorts())
                .isEmpty();
    }
}
