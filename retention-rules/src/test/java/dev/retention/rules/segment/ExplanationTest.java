package dev.retention.rules.segment;

import static dev.retention.rules.segment.Conditions.atLeast;
import static dev.retention.rules.segment.Conditions.attribute;
import static dev.retention.rules.segment.Conditions.consentGiven;
import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.not;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static dev.retention.rules.segment.Conditions.spendWithin;
import static dev.retention.rules.segment.Shop.ANNA;
import static dev.retention.rules.segment.Shop.NOW;
import static dev.retention.rules.segment.Shop.anna;
import static dev.retention.rules.segment.Shop.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.profile.Channel;
import dev.retention.core.profile.CustomerProfile;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    @Test
    void nestedCombinatorsRenderAsAnIndentedTree() {
        Condition condition = atLeast(2).of(
                ordersEver().atLeast(2),
                not(attribute("city").equalTo("Paris")),
                spendWithin(days(30)).above(usd("50")),
                consentGiven(Channel.EMAIL));
        Shop shop = anna().order(NOW.minus(days(40)), "30").order(NOW.minus(days(3)), "25.50");
        CustomerProfile paris = CustomerProfile.builder(ANNA).attribute("city", "Paris").build();
        Explanation why = condition.explain(EvaluationContext.of(shop.history(), paris, NOW));
        assertThat(why.render()).isEqualTo("""
                conditions met: 1 >= 2: no
                  orders ever: 2 >= 2: yes
                  not: no
                    attribute city: 'Paris' = 'Paris': yes
                  net spend in the last 30 days: 25.50 USD > 50.00 USD: no
                  consent for email: not given: no
                """);
        assertThat(why.verdict()).isFalse();
        assertThat(why.children().get(0).observed()).isEqualTo("2");
        assertThat(why.children().get(0).expected()).isEqualTo(">= 2");
    }

    @Test
    void userConditionsExplainThemselvesByName() {
        Explanation why = new VipCondition("gold").explain(EvaluationContext.of(anna().history(),
                CustomerProfile.builder(ANNA).attribute("vip", "gold").build(), NOW));
        assertThat(why.line()).isEqualTo("vip level gold: met: yes");
    }
}
