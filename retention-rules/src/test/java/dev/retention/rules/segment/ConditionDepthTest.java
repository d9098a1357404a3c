package dev.retention.rules.segment;

import static dev.retention.rules.segment.Conditions.ordersEver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.profile.CustomerProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Test, explain, describe, JSON and {@code hashCode} all recurse over the tree, so a tree built in
 * Java must not be deeper than the stack can take; JSON input is bounded by its own reader.
 */
class ConditionDepthTest {
    private static final Condition LEAF = ordersEver().atLeast(1);
    private static final CustomerId ANNA = CustomerId.of("anna");
    private static final EvaluationContext EMPTY = EvaluationContext.of(CustomerHistory.empty(ANNA),
            CustomerProfile.builder(ANNA).build(), Shop.NOW);

    @Test
    void fiftyThousandNotsAreRefusedAtConstructionNamingTheLimit() {
        assertThatThrownBy(() -> {
            Condition condition = LEAF;
            for (int i = 0; i < 50_000; i++) {
                condition = condition.negate();
            }
        }).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not").hasMessageContaining("257 levels deep")
                .hasMessageContaining("at most " + Condition.MAX_DEPTH);
    }

    @Test
    void everyCombinatorCountsTowardsTheLimit() {
        Condition deepest = tree(Condition.MAX_DEPTH);
        assertThatThrownBy(() -> new AllOf(List.of(LEAF, deepest))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all of");
        assertThatThrownBy(() -> new AnyOf(List.of(deepest))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("any of");
        assertThatThrownBy(() -> new AtLeastOf(1, List.of(deepest, LEAF)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least");
        assertThatThrownBy(() -> Segment.named("deep").where(deepest).or(LEAF))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDeepestTreeAllowedWorksEverywhere() {
        Condition deepest = tree(Condition.MAX_DEPTH);
        Segment segment = Segment.named("deep").where(deepest);
        assertThat(segment.test(EMPTY)).isEqualTo(segment.explain(EMPTY).verdict());
        assertThat(segment.explain(EMPTY).render()).isNotBlank();
        assertThat(segment.describe()).isNotBlank();
        assertThat(deepest.hashCode()).isEqualTo(tree(Condition.MAX_DEPTH).hashCode());
        SegmentJson json = SegmentJson.standard();
        assertThat(json.read(json.write(segment))).isEqualTo(segment);
    }

    @Test
    void flatChainsOfAndAreNotDeep() {
        Segment segment = Segment.named("long").where(LEAF);
        for (int i = 0; i < 2_000; i++) {
            segment = segment.and(ordersEver().atLeast(i));
        }
        assertThat(segment.test(EMPTY)).isFalse();
    }

    @Test
    void jsonDeeperThanTheLimitIsRefusedWithItsPath() {
        String json = "{\"name\": \"deep\", \"condition\": "
                + "{\"type\": \"not\", \"not\": ".repeat(300) + "{\"type\": \"orders\", \"window\": \"ever\", \"atLeast\": 1}"
                + "}".repeat(300) + "}";
        assertThatThrownBy(() -> SegmentJson.standard().read(json)).isInstanceOf(InvalidSegmentJsonException.class)
                .hasMessageContaining("$.condition.not").hasMessageContaining("at most " + Condition.MAX_DEPTH);
    }

    /** A tree {@code depth} levels deep that uses every combinator, the leaf at the bottom. */
    private static Condition tree(int depth) {
        Condition condition = LEAF;
        for (int level = 2; level <= depth; level++) {
            condition = switch (level % 4) {
                case 0 -> new Not(condition);
                case 1 -> new AllOf(List.of(condition, LEAF));
                case 2 -> new AnyOf(List.of(LEAF, condition));
                default -> new AtLeastOf(1, List.of(condition, LEAF));
            };
        }
        return condition;
    }
}
