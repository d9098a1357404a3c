package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.event.CustomerEvent;
import dev.retention.testkit.backtest.Backtest;
import dev.retention.testkit.backtest.BacktestResult;
import dev.retention.testkit.backtest.CampaignOutcome;
import dev.retention.core.io.EventCsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backtests campaigns over the real CDNOW log (69,659 orders) and checks the counts against a
 * recount done with plain loops over the CSV rows, independent of the library.
 */
class PlaybookBacktestCdnowTest {
    static final LocalDate FROM = LocalDate.of(1997, 1, 1);
    static final LocalDate TO = LocalDate.of(1998, 7, 1);
    // the playbook's settings, restated here so the recount does not read them from the code under test
    static final int WIN_BACK_MIN_ORDERS = 3;
    static final int WIN_BACK_QUIET_DAYS = 90;
    static final int FEEDBACK_AFTER_DAYS = 7;
    static final int LOYALTY_MIN_ORDERS = 3;
    static final long LOYALTY_ABOVE_CENTS = 100_00;
    static final int RISING_MORE_THAN = 5;
    static final int RISING_WINDOW_DAYS = 30;

    static Path csv;
    static BacktestResult result;
    /** customer id -> (order date -> [orders that day, cents that day]), from the raw CSV. */
    static Map<String, TreeMap<LocalDate, long[]>> byCustomer;

    @BeforeAll
    static void replayOnce() throws IOException {
        csv = ProjectData.file("cdnow/orders.csv");
        List<CustomerEvent> events = EventCsvReader.strict().read(csv).events();
        result = Backtest.of(PlaybookCampaigns.all())
                .over(events)
                .from(FROM.atStartOfDay(ZoneOffset.UTC).toInstant())
                .to(TO.atStartOfDay(ZoneOffset.UTC).toInstant());
        byCustomer = readRows(csv);
    }

    static Map<String, TreeMap<LocalDate, long[]>> readRows(Path file) throws IOException {
        Map<String, TreeMap<LocalDate, long[]>> out = new TreeMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String[] amount = f[5].split("\\.");
            long cents = Long.parseLong(amount[0]) * 100 + Long.parseLong(amount[1]);
            long[] day = out.computeIfAbsent(f[1], k -> new TreeMap<>())
                    .computeIfAbsent(LocalDate.parse(f[0]), k -> new long[2]);
            day[0]++;
            day[1] += cents;
        }
        return out;
    }

    @Test
    void winBackEntersEachCustomerAtTheFirstMidnightTheyAreLapsed() {
        int entries = 0;
        int feedbackSent = 0;
        for (TreeMap<LocalDate, long[]> days : byCustomer.values()) {
            List<LocalDate> dates = new ArrayList<>(days.keySet());
            long orders = 0;
            for (int j = 0; j < dates.size(); j++) {
                orders += days.get(dates.get(j))[0];
                LocalDate lapsed = dates.get(j).plusDays(WIN_BACK_QUIET_DAYS);
                boolean nextOrderLater = j + 1 == dates.size() || dates.get(j + 1).isAfter(lapsed);
                if (orders >= WIN_BACK_MIN_ORDERS && nextOrderLater) {
                    if (lapsed.isBefore(TO)) {
                        entries++;
                        LocalDate feedback = lapsed.plusDays(FEEDBACK_AFTER_DAYS);
                        boolean orderedMeanwhile = j + 1 < dates.size() && !dates.get(j + 1).isAfter(feedback);
                        if (feedback.isBefore(TO) && !orderedMeanwhile) {
                            feedbackSent++;
                        }
                    }
                    break;
                }
            }
        }
        CampaignOutcome outcome = result.campaign("win-back").orElseThrow();
        assertThat(entries).isGreaterThan(1000);
        assertThat(outcome.entries()).isEqualTo(entries);
        assertThat(outcome.customersReached()).isEqualTo(entries);
        assertThat(outcome.messagesSent()).isEqualTo(entries + feedbackSent);
        assertThat(outcome.heldOutCustomers()).isZero();
        assertThat(outcome.uplift()).isEmpty();
    }

    @Test
    void loyaltyThresholdEntersEachCustomerOnTheDayTheyCrossIt() {
        int reached = 0;
        for (TreeMap<LocalDate, long[]> days : byCustomer.values()) {
            long orders = 0;
            long cents = 0;
            for (Map.Entry<LocalDate, long[]> day : days.entrySet()) {
                orders += day.getValue()[0];
                cents += day.getValue()[1];
                if (orders >= LOYALTY_MIN_ORDERS && cents > LOYALTY_ABOVE_CENTS) {
                    if (day.getKey().isBefore(TO)) {
                        reached++;
                    }
                    break;
                }
            }
        }
        CampaignOutcome outcome = result.campaign("loyalty-threshold").orElseThrow();
        assertThat(reached).isGreaterThan(1000);
        assertThat(outcome.entries()).isEqualTo(reached);
        assertThat(outcome.messagesSent()).isEqualTo(reached);
        assertThat(outcome.customersReached()).isEqualTo(reached);
    }

    @Test
    void abandonedViewNeverFiresOnALogWithoutViews() {
        assertThat(result.campaign("abandoned-view").orElseThrow().entries()).isZero();
    }

    @Test
    void playbookSettingsAreTheOnesRecounted() {
        assertThat(PlaybookCampaigns.WIN_BACK_MIN_ORDERS).isEqualTo(WIN_BACK_MIN_ORDERS);
        assertThat(PlaybookCampaigns.WIN_BACK_QUIET.toDays()).isEqualTo(WIN_BACK_QUIET_DAYS);
        assertThat(PlaybookCampaigns.FEEDBACK_AFTER.toDays()).isEqualTo(FEEDBACK_AFTER_DAYS);
        assertThat(PlaybookCampaigns.LOYALTY_MIN_ORDERS).isEqualTo(LOYALTY_MIN_ORDERS);
        assertThat(PlaybookCampaigns.LOYALTY_ABOVE.minorUnits()).isEqualTo(LOYALTY_ABOVE_CENTS);
        assertThat(PlaybookCampaigns.RISING_MORE_THAN).isEqualTo(RISING_MORE_THAN);
        assertThat(PlaybookCampaigns.RISING_WINDOW.toDays()).isEqualTo(RISING_WINDOW_DAYS);
    }

    @Test
    void campaignWithHoldoutReportsTreatedAgainstHoldoutConversion() {
        CampaignOutcome outcome = result.campaign("rising-frequency").orElseThrow();
        assertThat(outcome.heldOutCustomers()).isPositive();
        assertThat(outcome.uplift()).isPresent();
        assertThat(outcome.uplift().get().holdout().customers()).isEqualTo(outcome.heldOutCustomers());
        assertThat(outcome.uplift().get().treated().customers()).isEqualTo(outcome.customersReached());
    }
}
