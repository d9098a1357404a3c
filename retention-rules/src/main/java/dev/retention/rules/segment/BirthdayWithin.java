package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The customer's next birthday is within {@code days} days, counted in whole calendar days in the
 * customer's time zone: today (in that zone) is day 0, so {@code birthdayWithin(0)} means "birthday
 * today" and {@code 7} covers today and the next 7 days. A 29 February birthday falls on 28 February
 * in other years. A profile without a birthday never matches.
 *
 * @param days how many days ahead, 0 (today only) to 366
 */
public record BirthdayWithin(int days) implements Condition {

    /**
     * Validates the component.
     *
     * @param days how many days ahead, 0 (today only) to 366
     * @throws IllegalArgumentException if {@code days} is outside 0 to 366
     */
    public BirthdayWithin {
        checkArgument(days >= 0 && days <= 366, "birthday days must be between 0 and 366, got %s", days);
    }

    @Override
    public boolean test(EvaluationContext context) {
        return daysUntil(context).filter(d -> d <= days).isPresent();
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Optional<Long> until = daysUntil(context);
        return Explanation.leaf("days until birthday", until.map(String::valueOf).orElse("unknown"), "<= " + days,
                until.filter(d -> d <= days).isPresent());
    }

    private static Optional<Long> daysUntil(EvaluationContext context) {
        Optional<MonthDay> birthday = context.profile().birthday();
        if (birthday.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.ofInstant(context.now(), context.profile().zone());
        LocalDate next = birthday.get().atYear(today.getYear());
        if (next.isBefore(today)) {
            next = birthday.get().atYear(today.getYear() + 1);
        }
        return Optional.of(ChronoUnit.DAYS.between(today, next));
    }

    @Override
    public String describe() {
        return "birthday within the next " + days + (days == 1 ? " day" : " days");
    }

    @Override
    public String toString() {
        return describe();
    }
}
