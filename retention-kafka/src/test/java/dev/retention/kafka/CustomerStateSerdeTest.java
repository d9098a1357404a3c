package dev.retention.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.Channel;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.campaign.DecisionCause;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.loyalty.EntryKind;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.loyalty.LedgerSnapshot;
import dev.retention.rules.loyalty.Source;
import dev.retention.rules.loyalty.SourceType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class CustomerStateSerdeTest {
    static final CustomerId ANNA = CustomerId.of("anna");
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    /** Every kind of event, a full profile, a decision with every kind of value, a ledger entry. */
    static CustomerState sample() {
        List<CustomerEvent> events = List.of(
                new ProductViewed("v-1", ANNA, T, ProductId.of("sneaker-42")),
                new CartUpdated("c-1", ANNA, T.plusSeconds(60),
                        List.of(new LineItem(ProductId.of("sneaker-42"), 2, Money.parse("89.90", "EUR")))),
                new OrderPlaced("order:o-1", ANNA, T.plusSeconds(120), OrderId.of("o-1"),
                        List.of(new LineItem(ProductId.of("sneaker-42"), 2, Money.parse("89.90", "EUR"))),
                        Money.parse("94.80", "EUR")),
                new OrderRefunded("refund:o-1", ANNA, T.plusSeconds(180), OrderId.of("o-1"), Money.parse("44.95", "EUR")),
                new CustomEvent("x-1", ANNA, T.plusSeconds(240), "newsletter-signup", Map.of("list", "weekly")));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "hello");
        fields.put("count", 3);
        fields.put("days", 91L);
        fields.put("share", new BigDecimal("0.25"));
        fields.put("vip", true);
        fields.put("products", List.of("sneaker-42", "sock-7"));
        FireEntry decision = new FireEntry(new OutgoingMessage("win-back:1:0:abc", ANNA, "win-back", Channel.EMAIL,
                "we-miss-you", fields), 1, 0, "last-order:x", Optional.of("B"), "placed 3 orders", T,
                FireStatus.PENDING, DecisionCause.TRIGGERED, "due now", T, 0, T, Optional.of(T.plusSeconds(5)));
        LedgerEntry earn = new LedgerEntry(ANNA, Source.of(SourceType.ORDER, "o-1"), EntryKind.EARN,
                T.plusSeconds(120), T.plusSeconds(120), 94, Optional.of(OrderId.of("o-1")),
                Optional.of(Money.parse("94.80", "EUR")));
        return new CustomerState(ANNA, CustomerHistory.of(ANNA, events), Optional.of(Playbook.fullProfile(ANNA)),
                List.of(decision), new LedgerSnapshot(ANNA, 1, List.of(earn)));
    }

    @Test
    void aStateComesBackEqualInEveryPart() {
        CustomerState state = sample();
        CustomerState back = CustomerStateSerde.read(CustomerStateSerde.write(state));
        TopologyEquivalenceTest.assertSameState(back, state);
        assertThat(back.decisions().get(0).message().personalisation().get("count")).isInstanceOf(Integer.class);
        assertThat(back.decisions().get(0).message().personalisation().get("days")).isInstanceOf(Long.class);
    }

    /** A changelog written by the first release must stay readable by every later one. */
    @Test
    void readsTheV1BytesCheckedIntoTheTestResources() throws IOException {
        byte[] v1;
        try (InputStream in = getClass().getResourceAsStream("/customer-state-v1.bin")) {
            v1 = in.readAllBytes();
        }
        assertThat(v1[0]).isEqualTo(CustomerStateSerde.V1);
        TopologyEquivalenceTest.assertSameState(CustomerStateSerde.read(v1), sample());
    }

    @Test
    void anUnknownVersionFailsLoudly() {
        byte[] bytes = CustomerStateSerde.write(sample());
        bytes[0] = 9;
        assertThatThrownBy(() -> CustomerStateSerde.read(bytes)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("format version 9");
    }

    @Test
    void theStateSizeIsTheStoredValuesSize() {
        assertThat(RetentionTopology.stateBytes(sample())).isEqualTo(CustomerStateSerde.write(sample()).length)
                .isGreaterThan(500);
    }

    @Test
    void shopEventsAndProfilesComeBackEqualFromTheirJson() {
        for (CustomerEvent e : sample().history().events()) {
            assertThat(ShopEventJson.read(ShopEventJson.write(e))).isEqualTo(e);
        }
        assertThat(CustomerProfileJson.read(CustomerProfileJson.write(Playbook.fullProfile(ANNA))))
                .isEqualTo(Playbook.fullProfile(ANNA));
        OutgoingMessage m = sample().decisions().get(0).message();
        assertThat(OutboxMessageJson.read(OutboxMessageJson.write(m))).isEqualTo(m);
    }

    @Test
    void anOrderWithoutAmountTotalsItsLinesAndIdsAreDerivedAsTheCsvImportDerivesThem() {
        CustomerEvent order = ShopEventJson.read(("{\"customer_id\":\"anna\",\"type\":\"order\",\"order_id\":\"o-2\","
                + "\"currency\":\"EUR\",\"occurred_at\":\"2026-03-01\",\"lines\":[{\"product_id\":\"a\",\"amount\":\"1.50\"},"
                + "{\"product_id\":\"b\",\"amount\":\"2.25\",\"quantity\":3}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(order.eventId()).isEqualTo("order:o-2");
        assertThat(((OrderPlaced) order).total()).isEqualTo(Money.parse("3.75", "EUR"));
        assertThatThrownBy(() -> ShopEventJson.read("{\"customer_id\":\"anna\",\"type\":\"order\",\"order_id\":\"o\",\"currency\":\"EURO\",\"occurred_at\":\"2026-03-01\",\"amount\":\"1\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessageContaining("field currency").hasMessageContaining("'EURO'");
    }
}
