package dev.retention.testkit;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.rules.loyalty.LedgerStatement;
import dev.retention.rules.loyalty.PointsLedger;
import dev.retention.rules.loyalty.Posting;
import java.time.Instant;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractLongAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on a loyalty {@link PointsLedger}:
 *
 * <pre>{@code
 * assertThat(ledger).balanceOf(anna).at(now).isEqualTo(120);       // spendable points
 * assertThat(ledger).pendingOf(anna).at(now).isEqualTo(40);        // still in the return window
 * }</pre>
 *
 * The number checked is described with the customer's statement at that instant (balance and
 * every posting with its source), so a wrong balance shows where the points came from.
 */
public final class LedgerAssert extends AbstractAssert<LedgerAssert, PointsLedger> {

    LedgerAssert(PointsLedger actual) {
        super(actual, LedgerAssert.class);
    }

    /**
     * The customer's active (spendable) points; say when with {@code at}.
     *
     * @param customer the customer
     * @return the points, to check {@link Points#at at} an instant
     */
    public Points balanceOf(CustomerId customer) {
        isNotNull();
        return new Points(actual, requireNonNull(customer, "customer"), true);
    }

    /**
     * The customer's pending points (earned, still inside the return window); say when with {@code at}.
     *
     * @param customer the customer
     * @return the points, to check {@link Points#at at} an instant
     */
    public Points pendingOf(CustomerId customer) {
        isNotNull();
        return new Points(actual, requireNonNull(customer, "customer"), false);
    }

    /** The second half of {@code balanceOf(customer).at(now)}. */
    public static final class Points {
        private final PointsLedger ledger;
        private final CustomerId customer;
        private final boolean active;

        private Points(PointsLedger ledger, CustomerId customer, boolean active) {
            this.ledger = ledger;
            this.customer = customer;
            this.active = active;
        }

        /**
         * The points at {@code at} (inclusive), as a long assertion described by the statement.
         *
         * @param at the instant
         * @return an AssertJ assertion on the points; its failure shows the customer's statement
         */
        public AbstractLongAssert<?> at(Instant at) {
            requireNonNull(at, "at");
            LedgerStatement statement = ledger.statement(customer, at);
            long points = active ? statement.balance().active() : statement.balance().pending();
            return Assertions.assertThat(points).as("%s points of %s at %s%n%s", active ? "active" : "pending",
                    customer.value(), at, describe(statement));
        }

        private static String describe(LedgerStatement statement) {
            StringBuilder out = new StringBuilder("Statement: ").append(statement.balance()).append('\n');
            if (statement.postings().isEmpty()) {
                out.append("  (no postings)\n");
            }
            for (Posting p : statement.postings()) {
                out.append("  ").append(p.at()).append(' ').append(p.kind()).append(' ').append(p.source())
                        .append(' ').append(p.points() > 0 ? "+" : "").append(p.points()).append(" -> ")
                        .append(p.balanceAfter()).append('\n');
            }
            return out.toString();
        }
    }
}
