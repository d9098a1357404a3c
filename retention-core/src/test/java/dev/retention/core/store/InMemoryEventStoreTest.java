package dev.retention.core.store;

import static dev.retention.core.EventFixtures.cart;
import static dev.retention.core.EventFixtures.order;
import static dev.retention.core.EventFixtures.refund;
import static dev.retention.core.EventFixtures.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.Money;
import dev.retention.core.OrderId;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The in-memory store's own behaviour; retention-testkit's InMemoryEventStoreContractTest runs the contract. */
class InMemoryEventStoreTest {

    @Test
    void trimmingKeepsEverySnapshotAndLaterAppendsWork() {
        InMemoryEventStore store = new InMemoryEventStore();
        for (int i = 0; i < 10; i++) {
            store.append(view("c1", "2026-01-01T00:0" + i + ":00Z", "p" + i));
        }
        store.append(order("c1", "2026-01-02T00:00:00Z", "10.00", "p1"));
        CustomerHistory before = store.history(CustomerId.of("c1"));
        long untrimmed = store.columnBytes();
        store.trimToSize();
        assertThat(store.columnBytes()).isLessThan(untrimmed);
        store.append(view("c1", "2025-12-31T00:00:00Z", "early"));
        store.append(view("c1", "2026-01-03T00:00:00Z", "late"));
        assertThat(before.events()).hasSize(11);
        assertThat(store.history(CustomerId.of("c1")).events()).hasSize(13)
                .first().extracting(e -> ((ProductViewed) e).productId()).isEqualTo(ProductId.of("early"));
    }

    @Test
    void anOverflowIsRefusedNamingTheCustomerTheEventAndTheAmount() {
        InMemoryEventStore store = new InMemoryEventStore();
        Money half = Money.parse("50000000000000000.00", "USD");
        CustomerId whale = CustomerId.of("whale");
        store.append(new OrderPlaced("order:o1", whale, Instant.parse("2026-01-01T00:00:00Z"), OrderId.of("o1"),
                List.of(), half));
        OrderPlaced second = new OrderPlaced("order:o2", whale, Instant.parse("2026-01-02T00:00:00Z"),
                OrderId.of("o2"), List.of(), half);

        assertThatThrownBy(() -> store.append(second)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customer whale: event order:o2 of " + half + " would overflow");
    }

    @Test
    void idsStartingWithTheCustomerIdAreStoredShortButComeBackWhole() {
        InMemoryEventStore store = new InMemoryEventStore();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        CustomerId anna = CustomerId.of("anna");
        List<CustomerEvent> events = List.of(new ProductViewed("anna", anna, t, ProductId.of("p")),
                new ProductViewed("anna-1", anna, t, ProductId.of("p")),
                new ProductViewed("annabel-1", anna, t, ProductId.of("p")),
                new ProductViewed("-1", anna, t, ProductId.of("p")),
                new ProductViewed("\u00e9v\u00e9nement-\uD83D\uDE00", anna, t, ProductId.of("p")));
        assertThat(store.appendAll(events)).isEqualTo(5);
        assertThat(store.appendAll(events)).isZero();
        assertThat(store.history(anna).events()).extracting(CustomerEvent::eventId)
                .containsExactly("-1", "anna", "anna-1", "annabel-1", "\u00e9v\u00e9nement-\uD83D\uDE00");
    }

    @Test
    void eventIdsWithLoneSurrogatesAreRefusedSoThatTwoCannotBeStoredAlike() {
        CustomerId anna = CustomerId.of("anna");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThatThrownBy(() -> new ProductViewed("ev-\uD800", anna, t, ProductId.of("p")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventId")
                .hasMessageContaining("index 3");
        InMemoryEventStore store = new InMemoryEventStore();
        assertThat(store.append(new ProductViewed("ev-\uD83D\uDE00", anna, t, ProductId.of("p")))).isTrue();
        assertThat(store.append(new ProductViewed("ev-\uD83D\uDE01", anna, t, ProductId.of("p")))).isTrue();
    }

    @Test
    void columnBytesGrowWithTheEvents() {
        InMemoryEventStore store = new InMemoryEventStore();
        long empty = store.columnBytes();
        for (int i = 0; i < 1000; i++) {
            store.append(view("c" + (i % 10), "2026-01-01T00:00:00Z", "p" + (i % 50)));
        }
        assertThat(store.columnBytes()).isGreaterThan(empty + 1000 * 16);
    }

    /**
     * The id check walks a blob that holds event ids and order ids, elides the customer id prefix
     * and uses multi-byte headers for long ids: whatever the mix, an append is new exactly when no
     * event of the customer has its id, as a plain set says.
     */
    @Property(tries = 300)
    void anAppendIsNewExactlyWhenTheCustomersEventIdsLackIt(@ForAll("idSequences") List<String> ids) {
        appendEachAndCompareWithASet(ids);
    }

    /**
     * Customers with hundreds of events check ids in a hash index built when they pass 256 events
     * (and grown later): whatever the ids, the kinds, the order ids beside them in the blob and
     * trims between appends, an append is new exactly when the customer lacks its id, before and
     * after the index exists.
     */
    @Property(tries = 40)
    void aHeavyCustomersAppendIsNewExactlyWhenItsIdIsNew(@ForAll("heavyIdSequences") List<String> ids) {
        appendEachAndCompareWithASet(ids);
    }

    /**
     * Appends an event per id (views in and out of order; every third an order whose order id is
     * another id of the pool, which must not count as an event id; a trim every 97 appends) and
     * checks each verdict against a plain set.
     */
    private static void appendEachAndCompareWithASet(List<String> ids) {
        InMemoryEventStore store = new InMemoryEventStore();
        CustomerId anna = CustomerId.of("anna");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            CustomerEvent event = switch (i % 3) {
                case 0 -> new ProductViewed(id, anna, t.plusSeconds(i % 5), ProductId.of("p"));
                case 1 -> new ProductViewed(id, anna, t.minusSeconds(i), ProductId.of("q"));
                default -> new OrderPlaced(id, anna, t.plusSeconds(i % 5), OrderId.of(ids.get((i * 7) % ids.size())),
                        List.of(LineItem.of(ProductId.of("p"), 1, Money.of(1, "EUR"))), Money.of(1, "EUR"));
            };
            assertThat(store.append(event)).as("append %d of %s", i, id).isEqualTo(seen.add(id));
            if (i % 97 == 96) {
                store.trimToSize();
            }
        }
        assertThat(store.history(anna).events()).extracting(CustomerEvent::eventId).containsExactlyInAnyOrderElementsOf(seen);
    }

    /** Past 16 MB of ids a customer's rows lose their fingerprints; ids must still count once. */
    @Test
    void aCustomerWithMoreThanSixteenMegabytesOfIdsStillHasEachIdOnce() {
        InMemoryEventStore store = new InMemoryEventStore();
        CustomerId bot = CustomerId.of("bot");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String padding = "x".repeat(2000);
        int events = (16 << 20) / 2000 + 100;
        for (int i = 0; i < events; i++) {
            assertThat(store.append(new ProductViewed(padding + i, bot, t.plusSeconds(i), ProductId.of("p")))).isTrue();
        }
        for (int i : new int[] {0, 1, events / 2, events - 101, events - 100, events - 2, events - 1}) {
            assertThat(store.append(new ProductViewed(padding + i, bot, t, ProductId.of("q")))).as("repeat of %s", i).isFalse();
        }
        assertThat(store.append(new ProductViewed(padding + events, bot, t, ProductId.of("q")))).isTrue();
        assertThat(store.history(bot).eventCount()).isEqualTo(events + 1);
        assertThat(store.history(bot).events().get(events).eventId()).isEqualTo(padding + (events - 1));
    }

    /**
     * Snapshots share the live log's tables, which later appends copy before writing: whatever
     * appends (in and out of order, repeats, every kind), snapshots and trims follow, every history
     * handed out still holds exactly what a store fed only the events before it holds.
     */
    @Property(tries = 300)
    void everyHistoryKeepsWhatWasAppendedBeforeItWhateverFollows(@ForAll("operations") List<Integer> operations) {
        InMemoryEventStore store = new InMemoryEventStore();
        CustomerId anna = CustomerId.of("anna");
        List<CustomerEvent> appended = new ArrayList<>();
        List<CustomerHistory> histories = new ArrayList<>();
        List<Integer> appendedBefore = new ArrayList<>();
        for (int operation : operations) {
            String iso = String.format("2026-01-01T00:%02d:00Z", operation / 10 % 30);
            String product = "p" + operation / 300 % 4;
            CustomerEvent event = switch (operation % 10) {
                case 0, 1, 2 -> view("anna", iso, product);
                case 3 -> order("anna", iso, "10.00", product, "p9");
                case 4 -> cart("anna", iso, product);
                // 1.00 back from an order not yet wholly refunded (the store refuses more than its 10.00)
                case 5 -> appended.stream().filter(e -> e instanceof OrderPlaced)
                        .filter(o -> appended.stream().filter(e -> e instanceof OrderRefunded r
                                && r.orderId().equals(((OrderPlaced) o).orderId())).count() < 10)
                        .findFirst().map(o -> (CustomerEvent) refund((OrderPlaced) o, iso, "1.00")).orElse(null);
                case 6 -> appended.isEmpty() ? null : appended.get(operation / 10 % appended.size()); // a repeat
                default -> null;
            };
            if (event != null) {
                if (store.append(event)) {
                    appended.add(event);
                }
            } else if (operation % 10 == 9) {
                store.trimToSize();
            } else {
                histories.add(store.history(anna));
                appendedBefore.add(appended.size());
            }
        }
        for (int i = 0; i < histories.size(); i++) {
            InMemoryEventStore reference = new InMemoryEventStore();
            reference.appendAll(appended.subList(0, appendedBefore.get(i)));
            assertThat(histories.get(i).events()).as("history %d", i).isEqualTo(reference.history(anna).events());
        }
    }

    @Provide
    Arbitrary<List<Integer>> operations() {
        return Arbitraries.integers().between(0, 9_999).list().ofMinSize(1).ofMaxSize(60);
    }

    /** Up to 900 ids, a third of them repeats, in the shapes {@link #idSequences} mixes. */
    @Provide
    Arbitrary<List<String>> heavyIdSequences() {
        Arbitrary<String> id = Arbitraries.integers().between(0, 1_200).map(n -> switch (n % 4) {
            case 0 -> "anna-v" + n;
            case 1 -> "order-" + n;
            case 2 -> "\u00e9v\u00e9nement-" + n;
            default -> "x".repeat(70) + n;
        });
        return id.list().ofMinSize(200).ofMaxSize(900);
    }

    @Provide
    Arbitrary<List<String>> idSequences() {
        Arbitrary<String> tail = Arbitraries.strings().withCharRange('a', 'c').withChars('\u00e9', '\u4e2d')
                .ofMinLength(0).ofMaxLength(3);
        Arbitrary<String> id = Arbitraries.oneOf(
                tail.filter(x -> !x.isEmpty()),
                tail.map(x -> "anna" + x),
                tail.map(x -> "x".repeat(70) + x));
        return id.list().ofMinSize(1).ofMaxSize(40);
    }
}
