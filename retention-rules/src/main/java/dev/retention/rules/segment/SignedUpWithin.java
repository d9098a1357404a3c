package dev.retention.rules.segment;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The customer signed up in {@code [now - within, now]} (both edges inclusive). A profile without a
 * sign-up time, or one signed up after {@code now}, never matches.
 *
 * @param within how far back from {@code now} the sign-up may be
 */
public record SignedUpWithin(Duration within) implements Condition {

    /**
     * Validates the component.
     *
     * @param within how far back from {@code now} the sign-up may be
     * @throws IllegalArgumentException if {@code within} is negative or longer than {@link Window#MAX_LENGTH}
     * @throws NullPointerException if {@code within} is null
     */
    public SignedUpWithin {
        requireNonNull(within, "within");
        checkArgument(!within.isNegative() && within.compareTo(Window.MAX_LENGTH) <= 0,
                "within must be between zero and %s, got %s", Window.MAX_LENGTH, within);
    }

    @Override
    public boolean test(EvaluationContext context) {
        return context.profile().signedUpAt().filter(t -> matches(t, context.now())).isPresent();
    }

    @Override
    public Explanation explain(EvaluationContext context) {
        Optional<Instant> at = context.profile().signedUpAt();
        return Explanation.leaf("signed up", at.map(Instant::toString).orElse("unknown"),
                Recency.WITHIN.describe(within), at.filter(t -> matches(t, context.now())).isPresent());
    }

    private boolean matches(Instant signedUp, Instant now) {
        return !signedUp.isAfter(now) && !signedUp.isBefore(now.minus(within));
    }

    @Override
    public String describe() {
        return "signed up " + Recency.WITHIN.describe(within);
    }

    @Override
    public String toString() {
        return describe();
    }
}
