package dev.retention.rules.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class ConditionPropertiesTest {

    @Provide
    Arbitrary<Condition> conditions() {
        return SegmentArbitraries.conditions();
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

    @Property(tries = 200)
    void everyExplanationNodeAgreesWithItsOwnCondition(@ForAll("conditions") Condition a,
            @ForAll("conditions") Condition b, @ForAll("contexts") EvaluationContext context) {
        Explanation both = new AllOf(List.of(a, b)).explain(context);
        assertThat(both.children()).extracting(Explanation::verdict).containsExactly(a.test(context), b.test(context));
    }

    @Property(tries = 200)
    void notOfAllIsAnyOfNots(@ForAll("conditions") Condition a, @ForAll("conditions") Condition b,
            @ForAll("contexts") EvaluationContext context) {
        boolean left = new Not(new AllOf(List.of(a, b))).test(context);
        boolean right = new AnyOf(List.of(new Not(a), new Not(b))).test(context);
        assertThat(left).isEqualTo(right);
    }

    @Property(tries = 200)
    void notOfAnyIsAllOfNots(@ForAll("conditions") Condition a, @ForAll("conditions") Condition b,
            @ForAll("contexts") EvaluationContext context) {
        boolean left = new Not(new AnyOf(List.of(a, b))).test(context);
        boolean right = new AllOf(List.of(new Not(a), new Not(b))).test(context);
        assertThat(left).isEqualTo(right);
    }

    @Property(tries = 200)
    void doubleNegationIsIdentity(@ForAll("conditions") Condition a, @ForAll("contexts") EvaluationContext context) {
        assertThat(a.negate().negate().test(context)).isEqualTo(a.test(context));
        assertThat(a.negate().test(context)).isNotEqualTo(a.test(context));
    }

    @Property(tries = 200)
    void atLeastOfCountsTheConditionsThatHold(@ForAll("conditions") Condition a, @ForAll("conditions") Condition b,
            @ForAll("conditions") Condition c, @ForAll("contexts") EvaluationContext context) {
        int held = (a.test(context) ? 1 : 0) + (b.test(context) ? 1 : 0) + (c.test(context) ? 1 : 0);
        for (int k = 1; k <= 3; k++) {
            assertThat(new AtLeastOf(k, List.of(a, b, c)).test(context)).isEqualTo(held >= k);
        }
    }

    @Property(tries = 100)
    void conditionsIgnoreEventsAfterNow(@ForAll("conditions") Condition condition,
            @ForAll("contexts") EvaluationContext context) {
        var past = context.history().events().stream().filter(e -> !e.occurredAt().isAfter(context.now())).toList();
        var truncated = new EvaluationContext(dev.retention.core.event.CustomerHistory.of(
                context.history().customerId(), past), context.profile(), context.now(), context.catalog());
        assertThat(condition.test(truncated)).isEqualTo(condition.test(context));
    }
}
