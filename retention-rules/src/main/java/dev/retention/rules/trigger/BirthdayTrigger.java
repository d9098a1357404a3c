package dev.retention.rules.trigger;

import static com.google.common.base.Preconditions.checkArgument;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fires during the customer's birthday (or {@code daysBefore} days ahead of it), from midnight to
 * midnight in the customer's own time zone ({@link CustomerProfile#zone()}). A 29 February
 * birthday is celebrated on 28 February in common years. Customers without a birthday never
 * fire. Each year is an episode, so use the re-entry policy "every new firing".
 *
 * <p>Payload: {@code birthday} (e.g. "--03-14") and {@code celebratedOn} (the local date).
 * Immutable and thread-safe.
 */
public final class BirthdayTrigger implements Trigger {
    private static final Set<String> PAYLOAD_FIELDS = Set.of("birthday", "celebratedOn");
    private final String name;
    private final int daysBefore;

    private BirthdayTrigger(String name, int daysBefore) {
        this.name = Durations.name(name);
        checkArgument(daysBefore >= 0 && daysBefore <= 30, "daysBefore must be within 0..30, got %s", daysBefore);
        this.daysBefore = daysBefore;
    }

    /**
     * Named "birthday", firing on the day.
     *
     * @return the trigger
     */
    public static BirthdayTrigger onTheDay() {
        return new BirthdayTrigger("birthday", 0);
    }

    /**
     * Named "birthday", firing {@code days} days ahead of it.
     *
     * @param days how many days ahead, 0 to 30
     * @return the trigger
     * @throws IllegalArgumentException if {@code days} is outside 0 to 30
     */
    public static BirthdayTrigger daysBefore(int days) {
        return new BirthdayTrigger("birthday", days);
    }

    /**
     * A copy with another name, e.g. for a reminder a week ahead beside the greeting on the day.
     *
     * @param newName the name, not blank
     * @return the copy
     * @throws IllegalArgumentException if {@code newName} is null or blank
     */
    public BirthdayTrigger named(String newName) {
        return new BirthdayTrigger(newName, daysBefore);
    }

    /**
     * The fields every firing carries: {@code birthday}, {@code celebratedOn}.
     *
     * @return the field names
     */
    @Override
    public Set<String> payloadFields() {
        return PAYLOAD_FIELDS;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Firing> evaluate(CustomerHistory history, CustomerProfile profile, Instant now) {
        if (profile.birthday().isEmpty()) {
            return Optional.empty();
        }
        MonthDay birthday = profile.birthday().get();
        ZoneId zone = profile.zone();
        LocalDate celebrated = LocalDate.ofInstant(now, zone).plusDays(daysBefore);
        if (!celebratedOn(birthday, celebrated)) {
            return Optional.empty();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("birthday", birthday.toString());
        payload.put("celebratedOn", celebrated.toString());
        String reason = (daysBefore == 0 ? "birthday today" : "birthday in " + daysBefore + " days") + " ("
                + celebrated + " in " + zone + ")";
        return Optional.of(new Firing(name, "year:" + celebrated.getYear(), reason, payload));
    }

    private static boolean celebratedOn(MonthDay birthday, LocalDate date) {
        if (birthday.equals(MonthDay.from(date))) {
            return true;
        }
        boolean leapDay = birthday.getMonth() == Month.FEBRUARY && birthday.getDayOfMonth() == 29;
        return leapDay && !date.isLeapYear() && date.getMonth() == Month.FEBRUARY && date.getDayOfMonth() == 28;
    }

    @Override
    public String toString() {
        return name + "[daysBefore=" + daysBefore + "]";
    }
}
