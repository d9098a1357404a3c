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

    @Test
    void spendInACurrencyTheCustomerNeverUsedSaysSo() {
        Shop euros = anna().orderIn(NOW.minus(days(3)), dev.retention.core.Money.parse("80.00", "EUR"));
        EvaluationContext context = EvaluationContext.of(euros.history(), CustomerProfile.unknown(ANNA), NOW);
        assertThat(spendWithin(days(30)).above(usd("50")).explain(context).line())
                .isEqualTo("net spend in the last 30 days: 0.00 USD (no orders in USD; orders in EUR) > 50.00 USD: no");
        assertThat(Conditions.averageOrderValue().atLeast(usd("10")).explain(context).line())
                .isEqualTo("average order value ever: no orders in USD (orders in EUR) >= 10.00 USD: no");
        // a customer who did pay in the currency gets the plain figure
        Shop dollars = anna().order(NOW.minus(days(3)), "20");
        assertThat(spendWithin(days(30)).above(usd("50")).explain(EvaluationContext.of(dollars.history(),
                CustomerProfile.unknown(ANNA), NOW)).line())
                .isEqualTo("net spend in the last 30 days: 20.00 USD > 50.00 USD: no");
    }
}
