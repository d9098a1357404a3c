package dev.retention.rules.customer;

import static dev.retention.rules.customer.RetentionTest.ANNA;
import static dev.retention.rules.customer.RetentionTest.BOB;
import static dev.retention.rules.customer.RetentionTest.START;
import static dev.retention.rules.customer.RetentionTest.usd;
import static dev.retention.rules.testing.Shop.order;
import static dev.retention.rules.testing.Shop.orderWorth;
import static dev.retention.rules.testing.Shop.refund;
import static dev.retention.rules.testing.Shop.view;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.Consent;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.RecordingSender;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.testing.MutableClock;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** erase and export: every store of the seam, read back after. */
class CustomerRightsTest {
    /** The seam under test: the native in-memory one; a subclass runs the same tests over another. */
    CustomerStateStore newState() {
        return CustomerStateStore.inMemory();
    }

    final MutableClock clock = new MutableClock(START);
    final RecordingSender sender = new RecordingSender();
    final CustomerStateStore state = newState();
    final Retention retention = Retention.builder().state(state).campaign(RetentionTest.LOYALTY)
            .points(RetentionTest.program(true)).tiers(RetentionTest.TIERS).sender(sender).clock(clock).build();

    @BeforeEach
    void twoCustomersWithEverything() {
        for (CustomerId customer : List.of(ANNA, BOB)) {
            state.profiles().put(CustomerProfile.builder(customer).email(customer.value() + "@example.com")
                    .phone("+4930123456").attribute("city", "Berlin")
                    .consent(Consent.given(Channel.EMAIL, START.minus(Duration.ofDays(365)))).build());
            retention.onEvent(view(customer, "sneaker", START.minus(Duration.ofDays(3))));
            retention.onEvent(orderWorth(customer, START.minus(Duration.ofDays(2)), usd(600)));
            OrderPlaced second = order(customer, START.minus(Duration.ofDays(1)), "sneaker", "socks");
            retention.onEvent(second);
            retention.onEvent(refund(second, usd(10), START.minus(Duration.ofHours(1))));
        }
        assertThat(sender.sent()).hasSize(2);
    }

    @Test
    void eraseLeavesNoTraceOfTheCustomerInAnyStore() {
        Erasure erased = retention.erase(ANNA);

        assertThat(erased).isEqualTo(new Erasure(4, 1, 1, 3));
        // every store, read every way
        assertThat(state.events().history(ANNA).isEmpty()).isTrue();
        assertThat(state.events().customerIds()).containsExactly(BOB);
        assertThat(state.events().histories()).extracting(h -> h.customerId()).containsExactly(BOB);
        assertThat(state.events().eventCount()).isEqualTo(4);
        assertThat(state.profiles().find(ANNA)).isEmpty();
        assertThat(state.profiles().profiles()).extracting(CustomerProfile::customerId).containsExactly(BOB);
        assertThat(state.fireLog().entries(ANNA)).isEmpty();
        assertThat(state.fireLog().entries()).extracting(FireEntry::customerId).containsOnly(BOB);
        assertThat(state.fireLog().due(Instant.MAX)).extracting(FireEntry::customerId).doesNotContain(ANNA);
        assertThat(state.ledger().entries(ANNA)).isEmpty();
        assertThat(state.ledger().customers()).containsExactly(BOB);
        assertThat(retention.customer(ANNA).isEmpty()).isTrue();
        assertThat(retention.engine().decisions(ANNA)).isEmpty();
        // and nothing of Bob's went with it
        CustomerState bob = retention.customer(BOB);
        assertThat(bob.history().eventCount()).isEqualTo(4);
        assertThat(bob.profile()).isPresent();
        assertThat(bob.decisions()).hasSize(1);
        assertThat(bob.ledger().entries()).hasSize(3);
        assertThat(retention.erase(ANNA).total()).as("nothing left").isZero();
    }

    @Test
    void aLaterEventFromTheSameIdStartsANewCustomer() {
        retention.erase(ANNA);

        EventOutcome outcome = retention.onEvent(orderWorth(ANNA, START.minusSeconds(2), usd(600)));

        assertThat(outcome.stored()).isTrue();
        assertThat(outcome.tier()).as("no spend before: the base tier again").contains("Member");
        assertThat(retention.points().orElseThrow().entries(ANNA)).extracting(LedgerEntry::points)
                .containsExactly(600L);
        assertThat(state.events().history(ANNA).orderCount()).isEqualTo(1);
        assertThat(outcome.fireEntries()).as("one order is not the loyalty threshold").isEmpty();

        state.profiles().put(CustomerProfile.builder(ANNA).email("anna@example.com")
                .consent(Consent.given(Channel.EMAIL, START)).build());
        retention.onEvent(orderWorth(ANNA, START.minusSeconds(1), usd(10)));
        assertThat(sender.sentTo(ANNA)).as("the new customer is invited again: the re-entry memory went")
                .hasSize(2);
    }

    @Test
    void exportHoldsEveryStoresDataAsJson() throws Exception {
        CustomerState anna = retention.customer(ANNA);

        JsonNode json = new ObjectMapper().readTree(retention.export(ANNA));

        assertThat(json.get("customerId").asText()).isEqualTo("anna");
        assertThat(json.get("exportedAt").asText()).isEqualTo(START.toString());
        List<CustomerEvent> events = anna.history().events();
        assertThat(json.get("events")).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = json.get("events").get(i);
            assertThat(event.get("eventId").asText()).isEqualTo(events.get(i).eventId());
            assertThat(Instant.parse(event.get("occurredAt").asText())).isEqualTo(events.get(i).occurredAt());
        }
        assertThat(texts(json.get("events"), "type")).containsExactly("view", "order", "order", "refund");
        JsonNode order = json.get("events").get(2);
        assertThat(order.get("total").get("amount").asText()).isEqualTo("20.00");
        assertThat(order.get("total").get("currency").asText()).isEqualTo("USD");
        assertThat(texts(order.get("items"), "productId")).containsExactly("sneaker", "socks");
        assertThat(json.get("events").get(3).get("amount").get("amount").asText()).isEqualTo("10.00");

        JsonNode profile = json.get("profile");
        assertThat(profile.get("email").asText()).isEqualTo("anna@example.com");
        assertThat(profile.get("phone").asText()).isEqualTo("+4930123456");
        assertThat(profile.get("attributes").get("city").asText()).isEqualTo("Berlin");
        assertThat(profile.get("consents").get("email").get("granted").asBoolean()).isTrue();

        FireEntry decision = anna.decisions().get(0);
        JsonNode decided = json.get("decisions").get(0);
        assertThat(json.get("decisions")).hasSize(1);
        assertThat(decided.get("key").asText()).isEqualTo(decision.key());
        assertThat(decided.get("campaignId").asText()).isEqualTo("loyalty-invite");
        assertThat(decided.get("templateId").asText()).isEqualTo("join-loyalty");
        assertThat(decided.get("status").asText()).isEqualTo("SENT");
        assertThat(decided.get("reason").asText()).isEqualTo(decision.reason());

        List<LedgerEntry> ledger = anna.ledger().entries();
        JsonNode entries = json.get("ledger").get("entries");
        assertThat(json.get("ledger").get("version").asLong()).isEqualTo(anna.ledger().version());
        assertThat(entries).hasSize(ledger.size());
        for (int i = 0; i < ledger.size(); i++) {
            assertThat(entries.get(i).get("kind").asText()).isEqualTo(ledger.get(i).kind().name());
            assertThat(entries.get(i).get("points").asLong()).isEqualTo(ledger.get(i).points());
            assertThat(entries.get(i).get("sourceId").asText()).isEqualTo(ledger.get(i).source().id());
        }
        assertThat(retention.export(ANNA)).doesNotContain("bob");
    }

    @Test
    void theStreamedExportIsTheSameDocument() {
        assertThat(retention.customer(ANNA).ledger().entries()).as("the ledger has entries").isNotEmpty();
        assertThat(retention.customer(ANNA).decisions()).as("there are decisions").isNotEmpty();
        StringWriter out = new StringWriter();

        retention.export(ANNA, out);

        assertThat(out.toString()).isEqualTo(retention.export(ANNA));
    }

    @Test
    void theStreamedExportOfAnErasedCustomerIsTheSameDocument() {
        retention.erase(ANNA);
        StringWriter out = new StringWriter();

        retention.export(ANNA, out);

        assertThat(out.toString()).isEqualTo(retention.export(ANNA)).contains("\"events\" : [ ]");
    }

    @Test
    void theExportOfAnErasedCustomerIsEmpty() throws Exception {
        retention.erase(ANNA);

        JsonNode json = new ObjectMapper().readTree(retention.export(ANNA));

        assertThat(json.get("events")).isEmpty();
        assertThat(json.get("profile").isNull()).isTrue();
        assertThat(json.get("decisions")).isEmpty();
        assertThat(json.get("ledger").get("entries")).isEmpty();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

}
