package dev.retention.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The segment DSL's laws, each checked against {@link PlainConditions}, an evaluation that shares
 * no code with the library's; {@link #explainAlwaysAgreesWithTest} covers every built-in leaf.
 */
class ConditionPropertiesTest {

    @Provide
    Arbitrary<Condition> conditions() {
        return SegmentArbitraries.conditions();
    }

    @Provide
    Arbitrary<Condition> plainConditions() {
        return SegmentArbitraries.plainConditions();
    }

    @Provide
    Arbitrary<EvaluationContext> contexts() {
        return SegmentArbitraries.contexts();
    }

    @Property(tries = 300)
    void explainAlwaysAgreesWithTest(@ForAll("conditions") Condition condition,
            @ForAll("contexts") EvaluationContext context) {
        Explanation explanation = condition.explain(context);
        assertThat(explanation.verdict()).isEqualTo(condition.test(context));
        assertThat(explanation.render()).isNotBlank();
        Statistics.label("verdict").collect(explanation.verdict());
        Statistics.label("verdict").coverage(coverage -> {
            coverage.check(true).percentage(p -> p > 15);
            coverage.check(false).percentage(p -> p > 15);
        });
    }

    @Property(tries = 400)
    void conditionsAgreeWithAPlainJavaEvaluation(@ForAll("plainConditions") Condition condition,
            @ForAll("contexts") EvaluationContext context) {
        boolean expected = plain(condition, context);
        assertThat(condition.test(context)).isEqualTo(expected);
        assertThat(condition.explain(context).verdict()).isEqualTo(expected);
        Statistics.label("verdict").collect(expected);
        Statistics.label("verdict").coverage(coverage -> {
            coverage.check(true).percentage(p -> p > 15);
            coverage.check(false).percentage(p -> p > 15);
        });
    }

    @Property(tries = 200)
    void everyExplanationNodeAgreesWithItsOwnCondition(@ForAll("plainConditions") Condition a,
            @ForAll("plainConditions") Condition b, @ForAll("contexts") EvaluationContext context) {
        Explanation both = new AllOf(List.of(a, b)).explain(context);
        assertThat(both.children()).extracting(Explanation::verdict).containsExactly(plain(a, context), plain(b, context));
        assertThat(both.verdict()).isEqualTo(plain(a, context) && plain(b, context));
    }

    @Property(tries = 200)
    void notOfAllIsAnyOfNots(@ForAll("plainConditions") Condition a, @ForAll("plainConditions") Condition b,
            @ForAll("contexts") EvaluationContext context) {
        boolean expected = !(plain(a, context) && plain(b, context));
        assertThat(new Not(new AllOf(List.of(a, b))).test(context)).isEqualTo(expected);
        assertThat(new AnyOf(List.of(new Not(a), new Not(b))).test(context)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void notOfAnyIsAllOfNots(@ForAll("plainConditions") Condition a, @ForAll("plainConditions") Condition b,
            @ForAll("contexts") EvaluationContext context) {
        boolean expected = !(plain(a, context) || plain(b, context));
        assertThat(new Not(new AnyOf(List.of(a, b))).test(context)).isEqualTo(expected);
        assertThat(new AllOf(List.of(new Not(a), new Not(b))).test(context)).isEqualTo(expected);
    }

    @Property(tries = 200)
    void doubleNegationIsIdentity(@ForAll("plainConditions") Condition a, @ForAll("contexts") EvaluationContext context) {
        boolean expected = plain(a, context);
        assertThat(a.negate().negate().test(context)).isEqualTo(expected);
        assertThat(a.negate().test(context)).isEqualTo(!expected);
    }

    @Property(tries = 200)
    void atLeastOfCountsTheConditionsThatHold(@ForAll("plainConditions") Condition a,
            @ForAll("plainConditions") Condition b, @ForAll("plainConditions") Condition c,
            @ForAll("contexts") EvaluationContext context) {
        int held = (plain(a, context) ? 1 : 0) + (plain(b, context) ? 1 : 0) + (plain(c, context) ? 1 : 0);
        for (int k = 1; k <= 3; k++) {
            assertThat(new AtLeastOf(k, List.of(a, b, c)).test(context)).isEqualTo(held >= k);
        }
    }

    @Property(tries = 100)
    void conditionsIgnoreEventsAfterNow(@ForAll("plainConditions") Condition condition,
            @ForAll("contexts") EvaluationContext context) {
        var past = context.history().events().stream().filter(e -> !e.occurredAt().isAfter(context.now())).toList();
        var truncated = new EvaluationContext(dev.retention.core.event.CustomerHistory.of(
                context.history().customerId(), past), context.profile(), context.now(), context.catalog());
        // the plain evaluation drops later events itself
        assertThat(condition.test(truncated)).isEqualTo(plain(condition, context));
        assertThat(condition.test(context)).isEqualTo(plain(condition, context));
    }

    private static boolean plain(Condition condition, EvaluationContext context) {
        return PlainConditions.holds(condition, context.history().events(), context.profile().attributes(),
                context.now(), SegmentArbitraries.CATEGORIES);
    }
}
