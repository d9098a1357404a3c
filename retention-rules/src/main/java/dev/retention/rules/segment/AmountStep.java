package dev.retention.rules.segment;

import static java.util.Objects.requireNonNull;

import dev.retention.core.Money;
import java.util.function.Function;

/**
 * The step of a chain that sets a money threshold: {@code spendEver().above(Money.of(100, "USD"))}.
 * The threshold's currency is the currency the spend is counted in.
 *
 * @param <C> the condition the threshold completes
 */
public final class AmountStep<C extends Condition> {
    private final Function<MoneyBound, C> complete;

    AmountStep(Function<MoneyBound, C> complete) {
        this.complete = requireNonNull(complete, "complete");
    }

    /**
     * Strictly more than {@code amount}, compared exactly in minor units.
     *
     * @param amount the threshold; its currency is the one spend is counted in
     * @return the completed condition
     */
    public C above(Money amount) {
        return complete.apply(new MoneyBound(Comparison.MORE_THAN, amount));
    }

    /**
     * At least {@code amount} (equal counts), compared exactly in minor units.
     *
     * @param amount the threshold; its currency is the one spend is counted in
     * @return the completed condition
     */
    public C atLeast(Money amount) {
        return complete.apply(new MoneyBound(Comparison.AT_LEAST, amount));
    }

    /**
     * Strictly less than {@code amount}. For net spend, a customer who spent nothing in that currency is
     * below any positive amount; an average order value needs at least one order to match at all.
     *
     * @param amount the threshold; its currency is the one spend is counted in
     * @return the completed condition
     */
    public C below(Money amount) {
        return complete.apply(new MoneyBound(Comparison.LESS_THAN, amount));
    }

    /**
     * At most {@code amount} (equal counts), compared exactly in minor units.
     *
     * @param amount the threshold; its currency is the one spend is counted in
     * @return the completed condition
     */
    public C atMost(Money amount) {
        return complete.apply(new MoneyBound(Comparison.AT_MOST, amount));
    }
}
