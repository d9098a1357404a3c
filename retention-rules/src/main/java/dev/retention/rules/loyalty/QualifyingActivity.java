package dev.retention.rules.loyalty;

import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * A customer's activity as a {@link TierPolicy} measures it. Implementations are snapshots: they
 * must answer the same for the same arguments.
 */
public interface QualifyingActivity {

    /**
     * The measured value in {@code [from, to)}: minor units of spend, orders, or points.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the value; spend may be negative if refunds in the window exceed orders
     */
    long valueIn(Instant from, Instant to);

    /**
     * The instants in {@code [from, to)} at which the value may rise (orders, earnings), in time order.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the instants
     */
    List<Instant> increasesIn(Instant from, Instant to);

    /**
     * Net spend in {@code currency}: orders placed in the window minus refunds made in it.
     *
     * @param history the customer's history
     * @param currency the currency counted; other currencies are ignored
     * @return the activity, in minor units
     */
    static QualifyingActivity spend(CustomerHistory history, Currency currency) {
        requireNonNull(history, "history");
        requireNonNull(currency, "currency");
        return new QualifyingActivity() {
            @Override
            public long valueIn(Instant from, Instant to) {
                return history.netSpend(currency, from, to).minorUnits();
            }

            @Override
            public List<Instant> increasesIn(Instant from, Instant to) {
                return history.orders(from, to).stream().map(OrderPlaced::occurredAt).toList();
            }
        };
    }

    /**
     * Orders placed in the window.
     *
     * @param history the customer's history
     * @return the activity, in orders
     */
    static QualifyingActivity orders(CustomerHistory history) {
        requireNonNull(history, "history");
        return new QualifyingActivity() {
            @Override
            public long valueIn(Instant from, Instant to) {
                return history.orderCount(from, to);
            }

            @Override
            public List<Instant> increasesIn(Instant from, Instant to) {
                return history.orders(from, to).stream().map(OrderPlaced::occurredAt).toList();
            }
        };
    }

    /**
     * Points earned in the window (earn postings minus clawbacks), from a statement taken at or
     * after the latest instant asked.
     *
     * @param statement the customer's ledger statement
     * @return the activity, in points
     */
    static QualifyingActivity pointsEarned(LedgerStatement statement) {
        requireNonNull(statement, "statement");
        return new QualifyingActivity() {
            @Override
            public long valueIn(Instant from, Instant to) {
                long sum = 0;
                for (Posting p : statement.postings()) {
                    if (!p.at().isBefore(from) && p.at().isBefore(to)
                            && (p.kind() == PostingKind.EARN || p.kind() == PostingKind.CLAWBACK)) {
                        sum += p.points();
                    }
                }
                return sum;
            }

            @Override
            public List<Instant> increasesIn(Instant from, Instant to) {
                return statement.postings().stream()
                        .filter(p -> p.kind() == PostingKind.EARN && !p.at().isBefore(from) && p.at().isBefore(to))
                        .map(Posting::at).toList();
            }
        };
    }
}
