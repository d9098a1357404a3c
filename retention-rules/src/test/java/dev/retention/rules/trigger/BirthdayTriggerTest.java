package dev.retention.rules.trigger;

import static dev.retention.rules.testing.Shop.customer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BirthdayTriggerTest {
    private static final CustomerId C = customer("c");
    private static final BirthdayTrigger TRIGGER = BirthdayTrigger.onTheDay();

    private static CustomerProfile born(MonthDay day, ZoneId zone) {
        return CustomerProfile.builder(C).birthday(day).zone(zone).build();
    }

    private static boolean fires(CustomerProfile profile, String instant) {
        return TRIGGER.evaluate(CustomerHistory.empty(C), profile, Instant.parse(instant)).isPresent();
    }

    @Test
    void followsTheCustomersTimeZone() {
        CustomerProfile berlin = born(MonthDay.of(3, 14), ZoneId.of("Europe/Berlin"));
        CustomerProfile utc = born(MonthDay.of(3, 14), ZoneOffset.UTC);

        // 23:30 UTC on the 13th is 00:30 on the 14th in Berlin (UTC+1 in March before DST)
        assertThat(fires(berlin, "2026-03-13T23:30:00Z")).isTrue();
        assertThat(fires(utc, "2026-03-13T23:30:00Z")).isFalse();
        assertThat(fires(berlin, "2026-03-14T22:59:59Z")).isTrue();
        assertThat(fires(berlin, "2026-03-14T23:00:00Z")).isFalse();
    }

    @Test
    void leapDayBirthdaysAreCelebratedOnTheTwentyEighthInCommonYears() {
        CustomerProfile leap = born(MonthDay.of(2, 29), ZoneOffset.UTC);

        assertThat(fires(leap, "2027-02-28T12:00:00Z")).isTrue();
        assertThat(fires(leap, "2028-02-28T12:00:00Z")).isFalse();
        assertThat(fires(leap, "2028-02-29T12:00:00Z")).isTrue();
    }

    @Test
    void customersWithoutABirthdayNeverFire() {
        assertThat(fires(CustomerProfile.unknown(C), "2026-03-14T12:00:00Z")).isFalse();
    }

    @Test
    void eachYearIsANewEpisodeAndDaysBeforeShiftsTheDay() {
        CustomerProfile profile = born(MonthDay.of(3, 14), ZoneOffset.UTC);
        String y2026 = TRIGGER.evaluate(CustomerHistory.empty(C), profile, Instant.parse("2026-03-14T09:00:00Z"))
                .orElseThrow().episode();
        String y2027 = TRIGGER.evaluate(CustomerHistory.empty(C), profile, Instant.parse("2027-03-14T09:00:00Z"))
                .orElseThrow().episode();

        assertThat(y2026).isNotEqualTo(y2027);
        assertThat(TRIGGER.evaluate(CustomerHistory.empty(C), profile, Instant.parse("2026-03-14T09:00:00Z"))
                .orElseThrow().payload().keySet()).isEqualTo(TRIGGER.payloadFields());
        assertThat(BirthdayTrigger.daysBefore(3).evaluate(CustomerHistory.empty(C), profile,
                Instant.parse("2026-03-11T09:00:00Z"))).isPresent();
    }
}
