package dev.retention.testkit;

import static java.util.Objects.requireNonNull;

import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.rules.segment.Catalog;
import dev.retention.rules.segment.EvaluationContext;
import dev.retention.rules.segment.Explanation;
import dev.retention.rules.segment.Segment;
import java.time.Instant;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Segment}: does a customer belong to it at an instant?
 *
 * <pre>{@code
 * assertThat(winBack).matches(history).at(now);
 * assertThat(winBack).doesNotMatch(history, profile).at(now);
 * }</pre>
 *
 * A failure shows the segment, the explanation tree ({@link Explanation#render()}: every
 * condition with the observed value, the threshold and its verdict) and the customer's latest
 * events up to the instant, so the reader sees which condition decided it.
 */
public final class SegmentAssert extends AbstractAssert<SegmentAssert, Segment> {
    private Catalog catalog = Catalog.empty();

    SegmentAssert(Segment actual) {
        super(actual, SegmentAssert.class);
    }

    /**
     * Resolves product categories with {@code catalog} (default: none; a category condition then fails).
     *
     * @param catalog maps products to categories
     * @return this assertion
     */
    public SegmentAssert withCatalog(Catalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog");
        return this;
    }

    /**
     * The customer, with an unknown profile (no consent, no attributes), must be a member; say when
     * with {@code at}.
     *
     * @param history the customer's history
     * @return the check, to complete with {@link MembershipAssert#at}
     */
    public MembershipAssert matches(CustomerHistory history) {
        return matches(history, CustomerProfile.unknown(requireNonNull(history, "history").customerId()));
    }

    /**
     * The customer, with this profile, must be a member; say when with {@code at}.
     *
     * @param history the customer's history
     * @param profile the customer's profile, for consent, attribute and birthday conditions
     * @return the check, to complete with {@link MembershipAssert#at}
     */
    public MembershipAssert matches(CustomerHistory history, CustomerProfile profile) {
        isNotNull();
        return new MembershipAssert(this, history, profile, true);
    }

    /**
     * The customer, with an unknown profile, must not be a member; say when with {@code at}.
     *
     * @param history the customer's history
     * @return the check, to complete with {@link MembershipAssert#at}
     */
    public MembershipAssert doesNotMatch(CustomerHistory history) {
        return doesNotMatch(history, CustomerProfile.unknown(requireNonNull(history, "history").customerId()));
    }

    /**
     * The customer, with this profile, must not be a member; say when with {@code at}.
     *
     * @param history the customer's history
     * @param profile the customer's profile, for consent, attribute and birthday conditions
     * @return the check, to complete with {@link MembershipAssert#at}
     */
    public MembershipAssert doesNotMatch(CustomerHistory history, CustomerProfile profile) {
        isNotNull();
        return new MembershipAssert(this, history, profile, false);
    }

    /** The second half of {@code matches(history).at(now)}: checks membership at an instant. */
    public static final class MembershipAssert {
        private final SegmentAssert owner;
        private final CustomerHistory history;
        private final CustomerProfile profile;
        private final boolean expected;

        private MembershipAssert(SegmentAssert owner, CustomerHistory history, CustomerProfile profile,
                boolean expected) {
            this.owner = owner;
            this.history = requireNonNull(history, "history");
            this.profile = requireNonNull(profile, "profile");
            this.expected = expected;
        }

        /**
         * Checks membership at {@code now} (events after it do not count) and returns the segment assertion.
         *
         * @param now the instant of the verdict
         * @return the segment assertion, to chain another check
         */
        public SegmentAssert at(Instant now) {
            requireNonNull(now, "now");
            Segment segment = owner.actual;
            EvaluationContext context = new EvaluationContext(history, profile, now, owner.catalog);
            if (segment.test(context) != expected) {
                Explanation why = segment.explain(context);
                owner.failWithMessage("%nExpecting customer %s %s segment%n  %s%nat %s, but %s.%n"
                        + "Why (explanation tree):%n%s"
                        + "Recent events of %s:%n%s",
                        history.customerId().value(), expected ? "to match" : "not to match", segment.describe(), now,
                        expected ? "it does not" : "it does", why.render(),
                        history.customerId().value(), RecentEvents.render(history, now));
            }
            return owner;
        }
    }
}
