package dev.retention.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.retention.core.Money;
import dev.retention.core.io.EventCsvReader;
import dev.retention.core.store.InMemoryEventStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The metrics on the real CDNOW log, checked against figures verifiable by hand and against an
 * independent computation: the CSV split by commas, plain loops over dates and cents.
 */
class CdnowMetricsTest {
    private static OrderLog log;
    private static List<Row> rows;

    /** One CSV row, parsed without the library. */
    record Row(LocalDate date, String customer, long cents) {}

    @BeforeAll
    static void load() throws IOException {
        Path file = Path.of(System.getProperty("retention.data", "../data"), "cdnow", "orders.csv");
        assertThat(file).as("the CDNOW log (set -Dretention.data)").exists();
        InMemoryEventStore store = new InMemoryEventStore();
        EventCsvReader.strict().importInto(store, file);
        log = OrderLog.of(store);
        rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("occurred_at,customer_id,type,product_id,order_id,amount,currency,quantity");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            rows.add(new Row(LocalDate.parse(f[0]), f[1], cents(f[5])));
        }
    }

    private static long cents(String amount) {
        String[] parts = amount.split("\\.");
        String fraction = parts.length > 1 ? (parts[1] + "00").substring(0, 2) : "00";
        return Long.parseLong(parts[0]) * 100 + Long.parseLong(fraction);
    }

    @Test
    void wholeLogHasTheDocumentedOrdersCustomersAndRevenue() {
        ReportingPeriod all = Orders.period("1997-01-01", "1998-07-01");
        AverageOrderValue aov = AverageOrderValue.of(log, all).get(0);

        assertThat(log.orderCount()).isEqualTo(69_659);
        assertThat(log.customerCount()).isEqualTo(23_570);
        assertThat(AverageOrderValue.of(log, all)).hasSize(1);
        assertThat(aov.orders()).isEqualTo(69_659);
        assertThat(aov.revenue()).isEqualTo(Money.parse("2500315.63", "USD"));
        // 250031563 cents / 69659 orders = 3589.36... cents
        assertThat(aov.aov()).hasValue(Money.parse("35.89", "USD"));
        assertThat(RetentionRate.of(log, all)).isEqualTo(new RetentionRate(0, 23_570, 23_570, 0));
    }

    @Test
    void everyCustomerFirstBoughtInTheFirstQuarterOf1997() {
        RetentionRate afterQ1 = RetentionRate.of(log, Orders.period("1997-04-01", "1998-07-01"));

        assertThat(afterQ1.newCustomers()).isZero();
        assertThat(afterQ1.customersAtStart()).isEqualTo(23_570);
        assertThat(afterQ1.retained()).isEqualTo(afterQ1.customersAtEnd());
        assertThat(CohortMatrix.of(log, CohortGranularity.MONTH, Orders.day("1998-07-01")).cohorts())
                .extracting(c -> c.start().toString(), c -> c.active().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1997-01-01", 18),
                        org.assertj.core.groups.Tuple.tuple("1997-02-01", 17),
                        org.assertj.core.groups.Tuple.tuple("1997-03-01", 16));
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @CsvSource({
            "1997-01-01, 1997-02-01",
            "1997-02-15, 1997-03-15",
            "1997-04-01, 1998-01-01",
            "1997-10-01, 1998-07-01",
            "1998-01-01, 1998-07-01",
            "1998-06-30, 1998-07-01"})
    void periodMetricsMatchAPlainComputationOverTheCsv(String fromText, String toText) {
        LocalDate from = LocalDate.parse(fromText);
        LocalDate to = LocalDate.parse(toText);
        Map<String, LocalDate> first = new HashMap<>();
        Map<String, List<LocalDate>> inPeriod = new TreeMap<>();
        long orders = 0;
        long cents = 0;
        for (Row r : rows) {
            first.merge(r.customer(), r.date(), (a, b) -> a.isBefore(b) ? a : b);
            if (!r.date().isBefore(from) && r.date().isBefore(to)) {
                orders++;
                cents += r.cents();
                inPeriod.computeIfAbsent(r.customer(), k -> new ArrayList<>()).add(r.date());
            }
        }
        long s = 0;
        long n = 0;
        long retained = 0;
        for (Map.Entry<String, LocalDate> e : first.entrySet()) {
            LocalDate f = e.getValue();
            if (f.isBefore(from)) {
                s++;
                if (inPeriod.containsKey(e.getKey())) {
                    retained++;
                }
            } else if (f.isBefore(to)) {
                n++;
            }
        }
        long repeat = 0;
        List<Long> gaps = new ArrayList<>();
        for (List<LocalDate> dates : inPeriod.values()) {
            if (dates.size() >= 2) {
                repeat++;
            }
            dates.sort(null);
            for (int i = 1; i < dates.size(); i++) {
                gaps.add(dates.get(i).toEpochDay() - dates.get(i - 1).toEpochDay());
            }
        }
        ReportingPeriod period = ReportingPeriod.of(from, to);

        assertThat(RetentionRate.of(log, period)).isEqualTo(new RetentionRate(s, n, inPeriod.size(), retained));
        assertThat(RepeatPurchaseRate.of(log, period)).isEqualTo(new RepeatPurchaseRate(repeat, inPeriod.size()));
        AverageOrderValue aov = AverageOrderValue.of(log, period).get(0);
        assertThat(aov.orders()).isEqualTo(orders);
        assertThat(aov.revenue()).isEqualTo(Money.ofMinor(cents, aov.currency()));
        assertThat(aov.aov()).hasValue(Money.ofMinor(
                BigDecimal.valueOf(cents).divide(BigDecimal.valueOf(orders), 0, RoundingMode.HALF_EVEN).longValue(),
                aov.currency()));
        PurchaseFrequency frequency = PurchaseFrequency.of(log, period);
        assertThat(frequency.frequency().getAsDouble()).isCloseTo((double) orders / inPeriod.size(), within(1e-12));
        assertThat(frequency.intervals()).isEqualTo(gaps.size());
        if (!gaps.isEmpty()) {
            gaps.sort(null);
            long days = 0;
            for (long g : gaps) {
                days += g;
            }
            assertThat(frequency.meanInterval().orElseThrow().toNanos())
                    .isEqualTo(java.math.BigInteger.valueOf(days).multiply(java.math.BigInteger.valueOf(86_400_000_000_000L))
                            .divide(java.math.BigInteger.valueOf(gaps.size())).longValueExact());
            long lower = gaps.get((gaps.size() - 1) / 2);
            long upper = gaps.get(gaps.size() / 2);
            assertThat(frequency.medianInterval()).hasValue(Duration.ofHours(12 * (lower + upper)));
        }
    }

    @Test
    void monthlyCohortsMatchAPlainComputationOverTheCsv() {
        Map<String, LocalDate> first = new HashMap<>();
        for (Row r : rows) {
            first.merge(r.customer(), r.date(), (a, b) -> a.isBefore(b) ? a : b);
        }
        // cohort month index (0 = January 1997) -> month offset -> distinct customers
        Map<Integer, Map<Integer, Set<String>>> active = new TreeMap<>();
        for (Row r : rows) {
            LocalDate f = first.get(r.customer());
            int cohort = (f.getYear() - 1997) * 12 + f.getMonthValue() - 1;
            int month = (r.date().getYear() - 1997) * 12 + r.date().getMonthValue() - 1;
            active.computeIfAbsent(cohort, k -> new TreeMap<>()).computeIfAbsent(month - cohort, k -> new HashSet<>())
                    .add(r.customer());
        }

        CohortMatrix matrix = CohortMatrix.of(log, CohortGranularity.MONTH, Orders.day("1998-07-01"));

        assertThat(matrix.cohorts()).hasSize(active.size());
        long total = 0;
        for (CohortMatrix.Cohort cohort : matrix.cohorts()) {
            int index = (cohort.start().getYear() - 1997) * 12 + cohort.start().getMonthValue() - 1;
            Map<Integer, Set<String>> expected = active.get(index);
            assertThat(cohort.customers()).isEqualTo(expected.get(0).size());
            for (int k = 0; k < cohort.active().size(); k++) {
                Set<String> who = expected.get(k);
                assertThat(cohort.active().get(k)).as("cohort %s offset %s", cohort.start(), k)
                        .isEqualTo(who == null ? 0 : who.size());
            }
            total += cohort.customers();
        }
        assertThat(total).isEqualTo(23_570);
    }

    @Test
    void rfmFrequencyScoresMatchAPlainRankingOfOrderCounts() {
        Map<String, Integer> counts = new HashMap<>();
        for (Row r : rows) {
            if (r.date().isBefore(LocalDate.parse("1998-01-01"))) {
                counts.merge(r.customer(), 1, Integer::sum);
            }
        }
        int n = counts.size();
        // how many customers have each order count, then how many have fewer orders than each count
        TreeMap<Integer, Integer> histogram = new TreeMap<>();
        for (int c : counts.values()) {
            histogram.merge(c, 1, Integer::sum);
        }
        Map<Integer, Integer> fewer = new HashMap<>();
        int below = 0;
        for (Map.Entry<Integer, Integer> e : histogram.entrySet()) {
            fewer.put(e.getKey(), below);
            below += e.getValue();
        }
        Map<String, Integer> expected = new HashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            expected.put(e.getKey(), 1 + (int) (5L * fewer.get(e.getValue()) / n));
        }

        List<RfmScore> scores = RfmAnalysis.of(log, Orders.day("1998-01-01"), java.util.Currency.getInstance("USD"));

        assertThat(scores).hasSize(n);
        for (RfmScore score : scores) {
            assertThat(score.frequency()).isEqualTo((long) counts.get(score.customerId().value()));
            assertThat(score.frequencyScore()).as("customer %s", score.customerId())
                    .isEqualTo(expected.get(score.customerId().value()));
        }
    }

    @Test
    void upliftCountsOrdersWithinThirtyDaysOfTheDecisionLikeAPlainScan() {
        LocalDate decided = LocalDate.parse("1997-06-01");
        LocalDate until = decided.plusDays(30);
        Set<String> customers = new java.util.TreeSet<>();
        Set<String> converted = new HashSet<>();
        for (Row r : rows) {
            customers.add(r.customer());
            if (!r.date().isBefore(decided) && r.date().isBefore(until)) {
                converted.add(r.customer());
            }
        }
        List<UpliftAssignment> assignments = new ArrayList<>();
        long[] size = new long[2];
        long[] hits = new long[2];
        for (String c : customers) {
            boolean treated = Integer.parseInt(c) % 3 != 0;
            int g = treated ? 0 : 1;
            size[g]++;
            if (converted.contains(c)) {
                hits[g]++;
            }
            assignments.add(new UpliftAssignment(dev.retention.core.CustomerId.of(c),
                    treated ? UpliftGroup.TREATED : UpliftGroup.HOLDOUT, Orders.day("1997-06-01")));
        }

        CampaignUplift uplift = CampaignUplift.of(log, assignments, Duration.ofDays(30));

        assertThat(uplift.treated()).isEqualTo(new CampaignUplift.Conversion(size[0], hits[0]));
        assertThat(uplift.holdout()).isEqualTo(new CampaignUplift.Conversion(size[1], hits[1]));
        assertThat(uplift.interval95().contains(uplift.difference())).isTrue();
    }
}
