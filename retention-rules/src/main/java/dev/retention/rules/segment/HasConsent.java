package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.profile.Channel;

/**
 * The customer's consent for the channel stands at {@code now}: given at or before {@code now} and
 * not withdrawn since (as {@link dev.retention.core.profile.CustomerProfile#hasConsent} decides).
 *
 * @param channel the channel the consent is for
 */
public record HasConsent(Channel channel) implements Condition {

    /**
     * Validates the component.
     *
     * @param channel the channel the consent is for
     * @throws NullPointerException if {@code channel} is null
     */
    public HasConsent {
        requireNonNull(channel, "channel");
    }

    @Override
    public boolean test(EvaluationContext context) {
        return context.profile().hasConsent(channel, context.now());
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        boolean given = test(context);
        return Explanation.leaf("consent for " + channel, given ? "given" : "not given", "", given);
    }

    @Override
    public String describe() {
        return "consent given for " + channel;
    }

    @Override
    public String toString() {
        return describe();
    }
}
