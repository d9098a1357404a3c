package dev.retention.rules.segment;

import static dev.retention.rules.segment.Shop.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.CustomerHistory;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.OrderRefunded;
import dev.retention.core.event.ProductViewed;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The bulk evaluator's fast paths (histories read in place under the store's lock, profiles looked
 * up only when a condition reads them, one sort of all members by packed id prefixes) against the
 * reference: each segment tested on each customer's own history and profile, members sorted by id.
 */
class BulkEvaluationPropertiesTest {
    /**
     * Ids that share their first eight characters, are shorter than eight, end in a zero character
     * where another id ends, or sort differently by characters than by bytes.
     */
    private static final List<String> IDS = List.of("c0000001", "c0000002", "c00000010", "c00000011", "c1", "c10",
            "c2", "ab", "ab\u0000", "ab\u0000x", "ab\u0001", "Z", "é", "\uffff", "customer-0001-a",
            "customer-0001-b", "customer-0001", "\ud83d\ude00", "\uff61");

    @Provide
    Arbitrary<List<Segment>> segments() {
        return SegmentArbitraries.conditions().list().ofMinSize(1).ofMaxSize(3).map(conditions -> {
            List<Segment> out = new ArrayList<>();
            for (int i = 0; i < conditions.size(); i++) {
                out.add(Segment.named("s" + i).where(conditions.get(i)));
            }
            return out;
        });
    }

    /** Up to eight customers, each with a random history and maybe a random profile. */
    @Provide
    Arbitrary<List<Customer>> shops() {
        Arbitrary<Customer> customer = Combinators.combine(Arbitraries.of(IDS), SegmentArbitraries.histories(),
                SegmentArbitraries.profiles().optional()).as(Customer::new);
        return customer.list().ofMaxSize(8).uniqueElements(Customer::id);
    }

    record Customer(String id, CustomerHistory history, Optional<CustomerProfile> profile) {}

    @Property(tries = 200)
    void bulkMembersAreEachCustomersOwnVerdictSortedById(@ForAll("segments") List<Segment> segments,
            @ForAll("shops") List<Customer> shop, @ForAll boolean parallel,
            @ForAll @IntRange(min = -1, max = 62) int nowDaysBack) {
        InMemoryEventStore events = new InMemoryEventStore();
        InMemoryProfileStore profiles = new InMemoryProfileStore();
        for (Customer c : shop) {
            CustomerId id = CustomerId.of(c.id());
            for (CustomerEvent e : c.history().events()) {
                events.append(rekeyed(e, id));
            }
            c.profile().ifPresent(p -> profiles.put(rekeyed(p, id)));
        }
        // now after every event, or inside the histories (events after it must not count)
        Instant now = NOW.plus(Duration.ofDays(1)).minus(Duration.ofDays(nowDaysBack));
        SegmentEvaluator evaluator = SegmentEvaluator.builder(segments.get(0),
                segments.subList(1, segments.size()).toArray(Segment[]::new))
                .catalog(SegmentArbitraries.CATALOG).parallel(parallel).build();

        Map<String, List<CustomerId>> expected = new LinkedHashMap<>();
        List<CustomerId> ids = events.customerIds().sorted().toList();
        for (Segment segment : segments) {
            expected.put(segment.name(), ids.stream().filter(id -> segment.test(new EvaluationContext(
                    events.history(id), profiles.profileOrUnknown(id), now, SegmentArbitraries.CATALOG))).toList());
        }
        Map<String, List<CustomerId>> actual = new LinkedHashMap<>();
        evaluator.membersOfEach(events, profiles, now).forEach((name, m) -> actual.put(name, m.members()));
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    /** The same person under another id: events and profile copied with {@code id} in place of Anna's. */
    private static CustomerEvent rekeyed(CustomerEvent e, CustomerId id) {
        if (e instanceof ProductViewed v) {
            return new ProductViewed(v.eventId(), id, v.occurredAt(), v.productId());
        } else if (e instanceof OrderPlaced o) {
            return new OrderPlaced(o.eventId(), id, o.occurredAt(), o.orderId(), o.items(), o.total());
        } else if (e instanceof OrderRefunded r) {
            return new OrderRefunded(r.eventId(), id, r.occurredAt(), r.orderId(), r.amount());
        } else if (e instanceof CartUpdated c) {
            return new CartUpdated(c.eventId(), id, c.occurredAt(), c.items());
        } else if (e instanceof CustomEvent x) {
            return new CustomEvent(x.eventId(), id, x.occurredAt(), x.name(), x.attributes());
        }
        throw new IllegalArgumentException("unknown event " + e);
    }

    private static CustomerProfile rekeyed(CustomerProfile p, CustomerId id) {
        return new CustomerProfile(id, p.email(), p.phone(), p.birthday(), p.birthDate(), p.signedUpAt(), p.zone(),
                p.locale(), p.consents(), p.acquisitionSource(), p.attributes());
    }

    /** Only the conditions known to read nothing but the history skip the profile lookup. */
    @Property(tries = 200)
    void aConditionThatReadsTheProfileIsNeverTakenForOneThatDoesNot(@ForAll("segments") List<Segment> segments) {
        for (Segment segment : segments) {
            Condition c = segment.condition();
            if (!ProfileUse.mayRead(c)) {
                // the same verdict whatever the profile, on a customer whose profile says everything
                EvaluationContext bare = new EvaluationContext(CustomerHistory.of(Shop.ANNA, viewAndOrder()),
                        CustomerProfile.unknown(Shop.ANNA), NOW, SegmentArbitraries.CATALOG);
                EvaluationContext full = new EvaluationContext(bare.history(), richProfile(), NOW,
                        SegmentArbitraries.CATALOG);
                assertThat(c.test(full)).isEqualTo(c.test(bare));
            }
        }
    }

    private static List<CustomerEvent> viewAndOrder() {
        return List.of(new ProductViewed("v", Shop.ANNA, NOW.minus(Duration.ofDays(2)), ProductId.of("a")),
                new OrderPlaced("o", Shop.ANNA, NOW.minus(Duration.ofDays(1)), dev.retention.core.OrderId.of("o1"),
                        List.of(new LineItem(ProductId.of("b"), 1, dev.retention.core.Money.of(5, "USD"))),
                        dev.retention.core.Money.of(5, "USD")));
    }

    private static CustomerProfile richProfile() {
        return CustomerProfile.builder(Shop.ANNA).attribute("city", "Berlin").attribute("age", "30")
                .attribute("vip", "gold").signedUpAt(NOW.minus(Duration.ofDays(1))).build();
    }
}
