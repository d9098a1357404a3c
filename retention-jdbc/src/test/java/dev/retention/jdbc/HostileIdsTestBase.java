package dev.retention.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.Channel;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.send.OutgoingMessage;
import dev.retention.rules.campaign.DecisionCause;
import dev.retention.rules.campaign.FireEntry;
import dev.retention.rules.campaign.FireStatus;
import dev.retention.rules.customer.CustomerState;
import dev.retention.rules.customer.Erasure;
import dev.retention.rules.loyalty.EntryKind;
import dev.retention.rules.loyalty.LedgerEntry;
import dev.retention.rules.loyalty.Source;
import dev.retention.rules.loyalty.SourceType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ids that break SQL built by concatenation, or a careless column type, go through every method of
 * every view and of the seam and come back as they went in: quotes, semicolons with a statement
 * after them, a comment, backslashes, 10,000 characters, right-to-left text, emoji. The NUL
 * character is stored where the database can (SQLite) and refused with an error naming the field
 * where it cannot (PostgreSQL's text), while reads of such an id answer as for an unknown one.
 */
abstract class HostileIdsTestBase {
    static final Instant T = Instant.parse("2026-01-01T08:00:00Z");
    static final List<String> HOSTILE = List.of(
            "o'brien\"; DROP TABLE retention_events; --",
            "semi;colon;SELECT 1",
            "back\\slash\\' OR '1'='1",
            "x".repeat(10_000),
            "\u05e9\u05dc\u05d5\u05dd \u0627\u0644\u0633\u0644\u0627\u0645",
            "\ud83d\ude00\ud83c\uddea\ud83c\uddfa emoji",
            "%_wild*card?");
    static final String NUL = "nul\0inside";

    abstract JdbcCustomerStateStore newStore();

    abstract boolean storesNul();

    @Test
    void hostileIdsGoThroughEveryMethodAndComeBackUnchanged() {
        JdbcCustomerStateStore store = newStore();
        for (String id : HOSTILE) {
            roundTrip(store, id);
        }
        assertThat(store.events().customerCount()).as("each hostile customer erased again").isZero();
    }

    @Test
    void anIdWithANulCharacterIsStoredOrRefusedNamingTheField() {
        JdbcCustomerStateStore store = newStore();
        if (storesNul()) {
            roundTrip(store, NUL);
            return;
        }
        CustomerId nul = CustomerId.of(NUL);
        assertThatThrownBy(() -> store.events().append(view(nul, "e")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerId")
                .hasMessageContaining("NUL");
        assertThatThrownBy(() -> store.events().append(view(CustomerId.of("fine"), NUL)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventId");
        assertThatThrownBy(() -> store.profiles().put(CustomerProfile.builder(nul).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerId");
        assertThatThrownBy(() -> store.fireLog().record(entry(CustomerId.of("fine"), NUL)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> store.ledger().append(earn(CustomerId.of("fine"), NUL)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
        assertThatThrownBy(() -> store.update(nul, () -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer");
        // reads of an id the database cannot hold answer as for one never seen
        assertThat(store.read(nul).isEmpty()).isTrue();
        assertThat(store.fireLog().find(NUL)).isEmpty();
        assertThat(store.erase(nul).total()).isZero();
        assertThat(store.events().eventCount()).as("nothing of the refused writes stored").isZero();
        assertThat(store.fireLog().entries()).isEmpty();
    }

    private static void roundTrip(JdbcCustomerStateStore store, String id) {
        CustomerId customer = CustomerId.of(id);
        ProductViewed viewed = view(customer, id);
        OrderPlaced order = new OrderPlaced(id + "-o", customer, T.plusSeconds(1), OrderId.of(id),
                List.of(), Money.parse("10.00", "EUR"));
        OrderRefunded refund = new OrderRefunded(id + "-r", customer, T.plusSeconds(2), OrderId.of(id),
                Money.parse("4.00", "EUR"));
        assertThat(store.events().append(viewed)).isTrue();
        assertThat(store.events().append(viewed)).as("the same id again").isFalse();
        assertThat(store.events().appendAll(List.of(order, refund))).isEqualTo(2);
        assertThatThrownBy(() -> store.events().append(new OrderRefunded(id + "-r2", customer, T.plusSeconds(3),
                OrderId.of(id), Money.parse("6.01", "EUR")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(id + "-r2");
        List<CustomerEvent> expected = List.of(viewed, order, refund);
        assertThat(store.events().history(customer).events()).containsExactlyElementsOf(expected);
        assertThat(store.events().customerIds()).contains(customer);
        assertThat(store.events().histories().filter(h -> h.customerId().equals(customer))
                .map(CustomerHistory::events)).containsExactly(expected);

        CustomerProfile profile = CustomerProfile.builder(customer).email(id.replace("@", "") + "@example.com")
                .attribute(id, id).build();
        store.profiles().put(profile);
        assertThat(store.profiles().find(customer)).contains(profile);
        assertThat(store.profiles().profiles()).contains(profile);

        FireEntry entry = entry(customer, id);
        assertThat(store.fireLog().record(entry)).isTrue();
        assertThat(store.fireLog().record(entry)).isFalse();
        FireEntry claimed = entry.claim(T, T.plusSeconds(60));
        assertThat(store.fireLog().replace(entry, claimed)).isTrue();
        assertThat(store.fireLog().find(id)).contains(claimed);
        assertThat(store.fireLog().entries(customer)).containsExactly(claimed);
        assertThat(store.fireLog().due(T.plusSeconds(60))).contains(claimed);
        assertThat(store.fireLog().entries()).contains(claimed);

        LedgerEntry earned = earn(customer, id);
        assertThat(store.ledger().append(earned)).isTrue();
        long version = store.ledger().snapshot(customer).version();
        LedgerEntry redeemed = new LedgerEntry(customer, Source.of(SourceType.REDEMPTION, id), EntryKind.REDEEM, T, T,
                5, Optional.empty(), Optional.empty());
        assertThat(store.ledger().appendIfVersion(customer, version, List.of(redeemed))).isTrue();
        assertThat(store.ledger().entries(customer)).containsExactlyInAnyOrder(earned, redeemed);
        assertThat(store.ledger().customers()).contains(customer);

        int events = store.update(customer, () -> store.read(customer).history().eventCount());
        assertThat(events).isEqualTo(3);
        CustomerState state = store.read(customer);
        assertThat(state.history().events()).containsExactlyElementsOf(expected);
        assertThat(state.profile()).contains(profile);
        assertThat(state.decisions()).containsExactly(claimed);

        assertThat(store.erase(customer)).isEqualTo(new Erasure(3, 1, 1, 2));
        assertThat(store.read(customer).isEmpty()).isTrue();
        assertThat(store.fireLog().find(id)).isEmpty();
        assertThat(store.events().erase(customer)).isZero();
        assertThat(store.profiles().erase(customer)).isFalse();
        assertThat(store.fireLog().erase(customer)).isZero();
        assertThat(store.ledger().erase(customer)).isZero();
    }

    static ProductViewed view(CustomerId customer, String id) {
        return new ProductViewed(id, customer, T, ProductId.of(id));
    }

    static FireEntry entry(CustomerId customer, String key) {
        OutgoingMessage message = new OutgoingMessage(key, customer, key, Channel.EMAIL, key,
                Map.of(key, List.of(key, "p2"), "orderCount", 3));
        return new FireEntry(message, 1, 0, key, Optional.of(key), key, T, FireStatus.PENDING,
                DecisionCause.TRIGGERED, key, T, 0, T, Optional.empty());
    }

    static LedgerEntry earn(CustomerId customer, String key) {
        return new LedgerEntry(customer, Source.of(SourceType.ORDER, key), EntryKind.EARN, T, T, 10,
                Optional.of(OrderId.of(key)), Optional.of(Money.parse("10.00", "EUR")));
    }
}
