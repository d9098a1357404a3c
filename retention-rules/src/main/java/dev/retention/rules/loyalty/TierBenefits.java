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
 */
public record TierBenefits(BigDecimal pointsMultiplier, boolean freeShipping, boolean earlyAccess, Set<String> flags) {

    public TierBenefits {
        requireNonNull(pointsMultiplier, "pointsMultiplier");
        checkArgument(pointsMultiplier.signum() >= 0, "pointsMultiplier must not be negative, got %s",
                pointsMultiplier);
        flags = Set.copyOf(requireNonNull(flags, "flags"));
        flags.forEach(f -> checkArgument(!f.isBlank(), "flags must not be blank"));
    }

    /** 1x points, nothing else. */
    public static TierBenefits none() {
        return new TierBenefits(BigDecimal.ONE, false, false, Set.of());
    }

    public static TierBenefits multiplier(String pointsMultiplier) {
        return none().withPointsMultiplier(new BigDecimal(pointsMultiplier));
    }

    public TierBenefits withPointsMultiplier(BigDecimal multiplier) {
        return new TierBenefits(multiplier, freeShipping, earlyAccess, flags);
    }

    public TierBenefits withFreeShipping() {
        return new TierBenefits(pointsMultiplier, true, earlyAccess, flags);
    }

    public TierBenefits withEarlyAccess() {
        return new TierBenefits(pointsMultiplier, freeShipping, true, flags);
    }

    public TierBenefits withFlag(String flag) {
        Set<String> more = new TreeSet<>(flags);
        more.add(requireNonNull(flag, "flag"));
        return new TierBenefits(pointsMultiplier, freeShipping, earlyAccess, more);
    }
}
