package dev.retention.metrics;

import java.time.LocalDate;
import java.time.YearMonth;

/** The length of a cohort period: calendar months or ISO weeks (Monday to Sunday), both in UTC. */
public enum CohortGranularity {
    /** Calendar months in UTC. */
    MONTH {
        @Override
        long bucket(long epochDay) {
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            return date.getYear() * 12L + date.getMonthValue() - 1;
        }

        @Override
        LocalDate start(long bucket) {
            return YearMonth.of((int) Math.floorDiv(bucket, 12), (int) Math.floorMod(bucket, 12) + 1).atDay(1);
        }
    },
    /** ISO weeks, Monday 00:00 UTC to the next Monday. */
    WEEK {
        // 1970-01-05, epoch day 4, is a Monday
        @Override
        long bucket(long epochDay) {
            return Math.floorDiv(epochDay - 4, 7);
        }

        @Override
        LocalDate start(long bucket) {
            return LocalDate.ofEpochDay(bucket * 7 + 4);
        }
    };

    /** The number of the period holding the day; consecutive periods have consecutive numbers. */
    abstract long bucket(long epochDay);

    /** The first day of the period. */
    abstract LocalDate start(long bucket);
}
