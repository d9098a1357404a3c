package dev.retention.predictive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class PredictionProperties {

    @Provide
    Arbitrary<BgNbdModel> models() {
        return Combinators.combine(
                Arbitraries.doubles().between(0.01, 10), Arbitraries.doubles().between(0.1, 100),
                Arbitraries.doubles().between(0.05, 10), Arbitraries.doubles().between(0.05, 10))
                .as(BgNbdModel::new);
    }

    @Provide
    Arbitrary<CustomerSummary> customers() {
        return Combinators.combine(Arbitraries.longs().between(0, 200), Arbitraries.doubles().between(0, 500),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(1, 500))
                .as((x, age, share, value) -> new CustomerSummary(CustomerId.of("c"), x, x == 0 ? 0 : age * share, age,
                        x == 0 ? 0 : value));
    }

    @Property(tries = 300)
    void pAliveIsAProbability(@ForAll("models") BgNbdModel model, @ForAll("customers") CustomerSummary customer) {
        assertThat(model.probabilityAlive(customer)).isBetween(0.0, 1.0);
    }

    @Property(tries = 100)
    void withoutRepeatPurchasesACustomerIsAlive(@ForAll("models") BgNbdModel model,
            @ForAll @DoubleRange(min = 0, max = 1e6) double age) {
        assertThat(model.probabilityAlive(new CustomerSummary(CustomerId.of("c"), 0, 0, age, 0))).isEqualTo(1.0);
    }

    @Property(tries = 200)
    void expectedOrdersDoNotDecreaseWithTheHorizon(@ForAll("models") BgNbdModel model,
            @ForAll("customers") CustomerSummary customer,
            @ForAll @DoubleRange(min = 0, max = 1000) double t1, @ForAll @DoubleRange(min = 0, max = 1000) double t2) {
        double shorter = model.expectedOrders(customer, Math.min(t1, t2));
        double longer = model.expectedOrders(customer, Math.max(t1, t2));
        assertThat(shorter).isFinite().isGreaterThanOrEqualTo(0);
        assertThat(longer).isFinite().isGreaterThanOrEqualTo(shorter - 1e-9 * Math.max(1, shorter));
    }

    @Property(tries = 10)
    void theFitDoesNotDependOnTheOrderOfCustomers(@ForAll("shops") List<CustomerSummary> shop, @ForAll long seed) {
        List<CustomerSummary> shuffled = new ArrayList<>(shop);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(BgNbdModel.fit(shuffled)).isEqualTo(BgNbdModel.fit(shop));
    }

    @Provide
    Arbitrary<List<CustomerSummary>> shops() {
        return customers().list().ofMinSize(1).ofMaxSize(40);
    }
}
