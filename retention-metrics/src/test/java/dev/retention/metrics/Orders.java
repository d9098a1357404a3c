package dev.retention.metrics;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds small event lists for tests: {@code new Orders().order("a", "2026-01-05", "10.00")}. */
final class Orders {
    private final List<CustomerEvent> events = new ArrayList<>();
    private int sequence;

    static Instant day(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static ReportingPeriod period(String from, String to) {
        return ReportingPeriod.of(LocalDate.parse(from), LocalDate.parse(to));
    }

    Orders order(String customer, String date, String amount) {
        return order(customer, day(date), amount, "USD");
    }

    Orders order(String customer, Instant at, String amount, String currency) {
        sequence++;
        events.add(new OrderPlaced("o" + sequence, CustomerId.of(customer), at, OrderId.of("T" + sequence), List.of(),
                Money.parse(amount, currency)));
        return this;
    }

    Orders refund(String customer, String date, String amount, String currency) {
        sequence++;
        events.add(new OrderRefunded("r" + sequence, CustomerId.of(customer), day(date), OrderId.of("T" + sequence),
                Money.parse(amount, currency)));
        return this;
    }

    List<CustomerEvent> events() {
        return List.copyOf(events);
    }

    OrderLog log() {
        return OrderLog.of(events);
    }
}
