package dev.retention.testkit;

import static java.util.Objects.requireNonNull;

import dev.retention.core.CustomerId;
import dev.retention.rules.campaign.DecisionCause;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one decision of the campaign engine. Failures show the decision and every other
 * decision about the same customer, with their reasons.
 */
public final class FireEntryAssert extends AbstractAssert<FireEntryAssert, FireEntry> {
    private final List<FireEntry> customerLog;

    FireEntryAssert(FireEntry actual, List<FireEntry> customerLog) {
        super(actual, FireEntryAssert.class);
        this.customerLog = List.copyOf(customerLog);
    }

    /**
     * The decision has {@code status}; a failure lists the customer's decisions.
     *
     * @param status the expected status
     * @return this assertion
     */
    public FireEntryAssert hasStatus(FireStatus status) {
        requireNonNull(status, "status");
        isNotNull();
        if (actual.status() != status) {
            failWithMessage("%nExpecting the decision%n  %s%nto be %s, but it is %s.%n%s", line(actual), status,
                    actual.status(), describe(actual.customerId(), customerLog));
        }
        return this;
    }

    /**
     * The decision has {@code cause}, the machine-readable part of its reason.
     *
     * @param cause the expected cause
     * @return this assertion
     */
    public FireEntryAssert hasCause(DecisionCause cause) {
        requireNonNull(cause, "cause");
        isNotNull();
        if (actual.cause() != cause) {
            failWithMessage("%nExpecting the decision%n  %s%nto have cause %s, but it has %s.%n%s", line(actual), cause,
                    actual.cause(), describe(actual.customerId(), customerLog));
        }
        return this;
    }

    /**
     * Suppressed by a guard, for {@code cause} (consent, cooldown, frequency cap).
     *
     * @param cause the guard's cause, e.g. {@code NO_CONSENT} or {@code NO_CONTACT_POINT}
     * @return this assertion
     */
    public FireEntryAssert suppressedBecause(DecisionCause cause) {
        return hasStatus(FireStatus.SUPPRESSED).hasCause(cause);
    }

    /**
     * The human-readable reason contains {@code text}.
     *
     * @param text a part of the reason
     * @return this assertion
     */
    public FireEntryAssert reasonContains(String text) {
        requireNonNull(text, "text");
        isNotNull();
        if (!actual.reason().contains(text)) {
            failWithMessage("%nExpecting the reason of the decision%n  %s%nto contain \"%s\".%n%s", line(actual), text,
                    describe(actual.customerId(), customerLog));
        }
        return this;
    }

    /** The customer's decisions, one per line, for failure messages. */
    static String describe(CustomerId customer, List<FireEntry> entries) {
        StringBuilder out = new StringBuilder("Decisions about ").append(customer.value()).append(':').append('\n');
        if (entries.isEmpty()) {
            out.append("  (none)\n");
        }
        for (FireEntry e : entries) {
            out.append("  ").append(line(e)).append('\n');
        }
        return out.toString();
    }

    static String line(FireEntry e) {
        return e.campaignId() + " entry " + e.entry() + " step " + e.step() + " [" + e.message().templateId() + "]: "
                + e.status() + " (" + e.cause() + ") decided " + e.decidedAt() + ", due " + e.dueAt() + ": "
                + e.reason();
    }
}
