package dev.retention.rules.loyalty;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a tier gives: a points multiplier (applied through
 * {@link PointsProgram.Builder#tierMultipliers(TierPolicy)}), free shipping, early access, and
 * custom flags the shop interprets (e.g. {@code "birthday-gift"}).
 *
 * @param pointsMultiplier the factor on points earned by orders, not negative
 * @param freeShipping whether the tier ships for free
 * @param earlyAccess whether the tier gets early access to sales
 * @param flags the shop's own benefits, none blank
 */
public record TierBenefits(BigDecimal pointsMultiplier, boolean freeShipping, boolean earlyAccess, Set<String> flags) {

    /**
     * Validates the components and copies {@code flags}.
     *
     * @param pointsMultiplier the factor on points earned by orders, not negative
     * @param freeShipping whether the tier ships for free
     * @param earlyAccess whether the tier gets early access to sales
     * @param flags the shop's own benefits, none blank
     * @throws IllegalArgumentException if {@code pointsMultiplier} is negative or a flag is blank
     * @throws NullPointerException if a component or a flag is null
     */
    public TierBenefits {
        requireNonNull(pointsMultiplier, "pointsMultiplier");
        checkArgument(pointsMultiplier.signum() >= 0, "pointsMultiplier must not be negative, got %s",
                pointsMultiplier);
        flags = Set.copyOf(requireNonNull(flags, "flags"));
        flags.forEach(f -> checkArgument(!f.isBlank(), "flags must not be blank"));
    }

    /**
     * 1x points, nothing else.
     *
     * @return the benefits
     */
    public static TierBenefits none() {
        return new TierBenefits(BigDecimal.ONE, false, false, Set.of());
    }

    /**
     * A points multiplier and nothing else: {@code TierBenefits.multiplier("1.25")}.
     *
     * @param pointsMultiplier the factor as a decimal string
     * @return the benefits
     * @throws NumberFormatException if the string is not a decimal number
     * @throws IllegalArgumentException if the factor is negative
     */
    public static TierBenefits multiplier(String pointsMultiplier) {
        return none().withPointsMultiplier(new BigDecimal(pointsMultiplier));
    }

    /**
     * A copy with another points multiplier.
     *
     * @param multiplier the factor, not negative
     * @return the copy
     * @throws IllegalArgumentException if {@code multiplier} is negative
     */
    public TierBenefits withPointsMultiplier(BigDecimal multiplier) {
        return new TierBenefits(multiplier, freeShipping, earlyAccess, flags);
    }

    /**
     * A copy with free shipping.
     *
     * @return the copy
     */
    public TierBenefits withFreeShipping() {
        return new TierBenefits(pointsMultiplier, true, earlyAccess, flags);
    }

    /**
     * A copy with early access.
     *
     * @return the copy
     */
    public TierBenefits withEarlyAccess() {
        return new TierBenefits(pointsMultiplier, freeShipping, true, flags);
    }

    /**
     * A copy with one more custom flag.
     *
     * @param flag the flag, e.g. {@code "birthday-gift"}; not blank
     * @return the copy
     * @throws IllegalArgumentException if {@code flag} is blank
     */
    public TierBenefits withFlag(String flag) {
        Set<String> more = new TreeSet<>(flags);
        more.add(requireNonNull(flag, "flag"));
        return new TierBenefits(pointsMultiplier, freeShipping, earlyAccess, more);
    }
}
