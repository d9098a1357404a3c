package dev.retention.testkit;

import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerHistory;
import dev.retention.rules.loyalty.TierPolicy;
import dev.retention.rules.loyalty.TierStatus;
import java.time.Instant;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a loyalty {@link TierPolicy}:
 *
 * <pre>{@code
 * assertThat(tiers).tierOf(history).at(now).is("Gold");
 * }</pre>
 *
 * A failure shows the customer's {@link TierStatus#explanation()} (what they spent in which
 * window, what is missing for the next tier) and their latest events.
 */
public final class TierPolicyAssert extends AbstractAssert<TierPolicyAssert, TierPolicy> {

    TierPolicyAssert(TierPolicy actual) {
        super(actual, TierPolicyAssert.class);
    }

    /**
     * The tier of a customer by their orders (spend or order-count policies); say when with {@code at}.
     *
     * @param history the customer's history
     * @return the check, to complete with {@link TierOf#at}
     */
    public TierOf tierOf(CustomerHistory history) {
        isNotNull();
        requireNonNull(history, "history");
        return new TierOf(this, history);
    }

    /** The second and third parts of {@code tierOf(history).at(now).is("Gold")}. */
    public static final class TierOf {
        private final TierPolicyAssert owner;
        private final CustomerHistory history;

        private TierOf(TierPolicyAssert owner, CustomerHistory history) {
            this.owner = owner;
            this.history = history;
        }

        /**
         * The customer's tier at {@code at} (inclusive).
         *
         * @param at the instant
         * @return the computed status, to compare with {@link Tiered#is}
         */
        public Tiered at(Instant at) {
            requireNonNull(at, "at");
            return new Tiered(owner, history, at, owner.actual.tierOf(history, at));
        }
    }

    /** A computed tier status, to compare with the expected tier name. */
    public static final class Tiered {
        private final TierPolicyAssert owner;
        private final CustomerHistory history;
        private final Instant at;
        private final TierStatus status;

        private Tiered(TierPolicyAssert owner, CustomerHistory history, Instant at, TierStatus status) {
            this.owner = owner;
            this.history = history;
            this.at = at;
            this.status = status;
        }

        /**
         * The tier is the one named {@code tierName}.
         *
         * @param tierName the expected tier's name
         * @return the tier policy assertion, to chain another check
         */
        public TierPolicyAssert is(String tierName) {
            requireNonNull(tierName, "tierName");
            if (!status.tier().name().equals(tierName)) {
                owner.failWithMessage("%nExpecting %s to be in tier %s at %s, but the tier is %s.%n"
                        + "Why: %s%nRecent events of %s:%n%s", history.customerId().value(), tierName, at,
                        status.tier().name(), status.explanation(), history.customerId().value(),
                        RecentEvents.render(history, at));
            }
            return owner;
        }

        /**
         * The status itself, for checks the kit does not offer.
         *
         * @return the status the policy computed
         */
        public TierStatus status() {
            return status;
        }
    }
}
