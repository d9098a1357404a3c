package dev.retention.predictive;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds {@link CustomerSummary customer summaries} from the orders in an {@link EventStore}, with
 * the conventions of the literature (Fader, Hardie and Lee 2005; the lifetimes library): frequency
 * counts repeat purchases only, recency and age are measured from the first purchase, the average
 * value is over the repeat purchases. Orders after {@code now} are left out; refunds are ignored.
 *
 * <pre>{@code
 * List<CustomerSummary> weekly = CustomerSummaries.builder()
 *         .timeUnit(Duration.ofDays(7))
 *         .sameDayOrdersAsOne(ZoneOffset.UTC)
 *         .build()
 *         .of(store, now);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CustomerSummaries {
    private final Duration timeUnit;
    private final Optional<ZoneId> sameDayZone;

    private CustomerSummaries(Builder builder) {
        this.timeUnit = builder.timeUnit;
        this.sameDayZone = builder.sameDayZone;
    }

    /**
     * A builder: time unit one day and every order a purchase of its own, unless set otherwise.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Summaries in days, every order a purchase of its own.
     *
     * @return the default summaries
     */
    public static CustomerSummaries ofDefaults() {
        return builder().build();
    }

    /**
     * The summary of every customer with an order at or before {@code now}, sorted by customer id.
     * All orders must be in one currency, the average value being in its major units.
     *
     * @param store the shop's events
     * @param now the end of the calibration period (inclusive)
     * @return the summaries, an immutable list
     * @throws IllegalArgumentException if the orders use more than one currency
     */
    public List<CustomerSummary> of(EventStore store, Instant now) {
        requireNonNull(store, "store");
        requireNonNull(now, "now");
        // one pass over the store, customers in parallel; sorted and checked for one currency after
        Summarised[] all = store.histories().parallel().map(history -> summarise(history, now))
                .flatMap(Optional::stream).toArray(Summarised[]::new);
        Arrays.parallelSort(all, Comparator.comparing(s -> s.summary().customerId()));
        List<CustomerSummary> summaries = new ArrayList<>(all.length);
        Currency currency = all.length == 0 ? null : all[0].currency();
        for (Summarised s : all) {
            checkArgument(s.currency().equals(currency), "orders must be in one currency: %s and %s (customer %s)",
                    currency, s.currency(), s.summary().customerId());
            summaries.add(s.summary());
        }
        return Collections.unmodifiableList(summaries);
    }

    /**
     * One customer's summary as of {@code now}, as {@link #of(EventStore, Instant)} makes it: what a
     * fitted model scores the customer on at {@code now}, seeing no order after it.
     *
     * @param history the customer's events; orders after {@code now} are left out
     * @param now the end of the period (inclusive)
     * @return the summary, or empty if the customer has no order at or before {@code now}
     * @throws IllegalArgumentException if the customer's orders use more than one currency
     */
    public Optional<CustomerSummary> of(CustomerHistory history, Instant now) {
        requireNonNull(history, "history");
        requireNonNull(now, "now");
        return summarise(history, now).map(Summarised::summary);
    }

    private record Summarised(CustomerSummary summary, Currency currency) {}

    private Optional<Summarised> summarise(CustomerHistory history, Instant now) {
        // the end is exclusive: a nanosecond after now, so that an order at now counts
        List<OrderPlaced> orders = history.orders(Instant.MIN, now.equals(Instant.MAX) ? now : now.plusNanos(1));
        if (orders.isEmpty()) {
            return Optional.empty();
        }
        Currency currency = orders.get(0).total().currency();
        Instant first = orders.get(0).occurredAt();
        Instant last = first;
        long lastDay = day(first);
        long purchases = 1;
        long repeatMinor = 0;
        for (OrderPlaced order : orders.subList(1, orders.size())) {
            checkArgument(order.total().currency().equals(currency),
                    "orders must be in one currency: %s and %s (customer %s)", currency, order.total().currency(),
                    history.customerId());
            // a day's orders are one purchase at the day's first order, worth their sum; the first
            // purchase's value is left out, so only a repeat day's orders add up
            long day = day(order.occurredAt());
            if (sameDayZone.isEmpty() || day != lastDay) {
                purchases++;
                last = order.occurredAt();
                lastDay = day;
            }
            if (purchases > 1) {
                repeatMinor = Math.addExact(repeatMinor, order.total().minorUnits());
            }
        }
        long frequency = purchases - 1;
        // exact in minor units, then one correctly rounded division to major units
        double average = frequency == 0 ? 0
                : repeatMinor / Math.pow(10, Money.fractionDigits(currency)) / frequency;
        return Optional.of(new Summarised(new CustomerSummary(history.customerId(), frequency,
                units(Duration.between(first, last)), units(Duration.between(first, now)), average), currency));
    }

    /** The calendar day of an instant in the same-day zone, as a number; unused without one. */
    private long day(Instant at) {
        if (sameDayZone.isEmpty()) {
            return 0;
        }
        int offset = sameDayZone.get().getRules().getOffset(at).getTotalSeconds();
        return Math.floorDiv(at.getEpochSecond() + offset, 86_400);
    }

    /** The duration in this summary's time unit. */
    double units(Duration duration) {
        // seconds and nanos apart, so long spans in small units keep their precision
        double unitSeconds = timeUnit.getSeconds() + timeUnit.getNano() / 1e9;
        return (duration.getSeconds() + duration.getNano() / 1e9) / unitSeconds;
    }

    /**
     * The time unit of recency and age (one day unless set otherwise).
     *
     * @return the positive time unit
     */
    public Duration timeUnit() {
        return timeUnit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CustomerSummaries other && timeUnit.equals(other.timeUnit)
                && sameDayZone.equals(other.sameDayZone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeUnit, sameDayZone);
    }

    @Override
    public String toString() {
        return "CustomerSummaries[timeUnit=" + timeUnit + ", sameDayOrdersAsOne=" + sameDayZone + "]";
    }

    /** Configures {@link CustomerSummaries}; not thread-safe. */
    public static final class Builder {
        private Duration timeUnit = Duration.ofDays(1);
        private Optional<ZoneId> sameDayZone = Optional.empty();

        private Builder() {}

        /**
         * The unit of recency and age, e.g. {@code Duration.ofDays(7)} for weeks; one day by default.
         *
         * @param unit a positive duration
         * @return this builder
         */
        public Builder timeUnit(Duration unit) {
            requireNonNull(unit, "timeUnit");
            checkArgument(!unit.isNegative() && !unit.isZero(), "timeUnit must be positive: %s", unit);
            this.timeUnit = unit;
            return this;
        }

        /**
         * Counts a customer's orders on one calendar day in {@code zone} as one purchase (at the day's
         * first order, worth their sum), as the literature does with daily data.
         *
         * @param zone the zone whose calendar days count
         * @return this builder
         */
        public Builder sameDayOrdersAsOne(ZoneId zone) {
            this.sameDayZone = Optional.of(requireNonNull(zone, "zone"));
            return this;
        }

        /**
         * The configured summaries.
         *
         * @return a new immutable {@link CustomerSummaries}
         */
        public CustomerSummaries build() {
            return new CustomerSummaries(this);
        }
    }
}
