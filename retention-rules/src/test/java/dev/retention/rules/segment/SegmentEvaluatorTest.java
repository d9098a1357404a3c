package dev.retention.rules.segment;

import static dev.retention.rules.segment.Conditions.attribute;
import static dev.retention.rules.segment.Conditions.days;
import static dev.retention.rules.segment.Conditions.noOrderWithin;
import static dev.retention.rules.segment.Conditions.ordersEver;
import static dev.retention.rules.segment.Conditions.ordersWithin;
import static dev.retention.rules.segment.Shop.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CustomerId;
import dev.retention.core.profile.CustomerProfile;
import dev.retention.core.store.EventStore;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.core.store.InMemoryProfileStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentEvaluatorTest {
    private final InMemoryEventStore events = new InMemoryEventStore();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();

    private static CustomerId id(int n) {
        return CustomerId.of(String.format("c%04d", n));
    }

    private void orderDaysAgo(int customer, int... daysAgo) {
        Shop shop = Shop.customer(id(customer));
        for (int d : daysAgo) {
            shop.order(NOW.minus(days(d)), "10");
        }
        events.appendAll(shop.events());
    }

    @Test
    void membersAreTheMatchingCustomersSortedById() {
        orderDaysAgo(3, 1);
        orderDaysAgo(1, 2);
        orderDaysAgo(2, 40);
        Segment recent = Segment.named("recent").where(ordersWithin(days(30)).atLeast(1));
        Membership members = SegmentEvaluator.of(recent).members(events, profiles, NOW);
        assertThat(members.members()).containsExactly(id(1), id(3));
        assertThat(members.count()).isEqualTo(2);
        assertThat(members.contains(id(3))).isTrue();
        assertThat(members.contains(id(2))).isFalse();
        assertThat(members.segment()).isEqualTo("recent");
    }

    @Test
    void changesSinceAPreviousEvaluationListWhoEnteredAndWhoLeft() {
        orderDaysAgo(1, 25); // in at NOW, out ten days later
        orderDaysAgo(2, 35); // out at both
        orderDaysAgo(3, 1); // in at both
        events.appendAll(Shop.customer(id(4)).order(NOW.plus(days(5)), "10").events()); // enters
        SegmentEvaluator evaluator = SegmentEvaluator.of(Segment.named("recent")
                .where(ordersWithin(days(30)).atLeast(1)));
        Membership before = evaluator.members(events, profiles, NOW);
        MembershipChange change = evaluator.changesSince(before, events, profiles, NOW.plus(days(10)));
        assertThat(change.entered()).containsExactly(id(4));
        assertThat(change.left()).containsExactly(id(1));
        assertThat(change.from()).isEqualTo(NOW);
        assertThat(change.to()).isEqualTo(NOW.plus(days(10)));
        assertThat(before.changesSince(before).isEmpty()).isTrue();
    }

    @Test
    void severalSegmentsInOnePassGiveEachTheMembersItWouldHaveAlone() {
        orderDaysAgo(1, 1, 2, 3);
        orderDaysAgo(2, 40);
        orderDaysAgo(3, 5, 100);
        Segment recent = Segment.named("recent").where(ordersWithin(days(30)).atLeast(1));
        Segment regular = Segment.named("regular").where(ordersEver().atLeast(2));
        Segment lapsed = Segment.named("lapsed").where(noOrderWithin(days(30)));
        for (boolean parallel : new boolean[] {false, true}) {
            SegmentEvaluator all = SegmentEvaluator.builder(recent, regular, lapsed).parallel(parallel).build();
            Map<String, Membership> bySegment = all.membersOfEach(events, profiles, NOW);

            assertThat(bySegment.keySet()).containsExactly("recent", "regular", "lapsed");
            for (Segment s : all.segments()) {
                assertThat(bySegment.get(s.name())).isEqualTo(SegmentEvaluator.of(s).members(events, profiles, NOW));
            }
            assertThat(bySegment.get("regular").members()).containsExactly(id(1), id(3));
            assertThatThrownBy(() -> all.members(events, profiles, NOW)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("membersOfEach");
        }
        assertThatThrownBy(() -> SegmentEvaluator.builder(recent, recent)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'recent'");
    }

    @Test
    void profilesAreLookedUpAndMissingOnesAreUnknown() {
        orderDaysAgo(1, 1);
        orderDaysAgo(2, 1);
        profiles.put(CustomerProfile.builder(id(2)).attribute("city", "Berlin").build());
        Segment berliners = Segment.named("berlin").where(attribute("city").equalTo("Berlin"));
        assertThat(SegmentEvaluator.of(berliners).members(events, profiles, NOW).members()).containsExactly(id(2));
    }

    @Test
    void aStoreThatHandsOverACustomerTwiceIsRefusedNotCountedTwice() {
        orderDaysAgo(1, 1);
        orderDaysAgo(2, 1);
        EventStore twice = new EventStore() {
            @Override
            public boolean append(dev.retention.core.event.CustomerEvent event) {
                return events.append(event);
            }

            @Override
            public dev.retention.core.event.CustomerHistory history(CustomerId customerId) {
                return events.history(customerId);
            }

            @Override
            public java.util.stream.Stream<CustomerId> customerIds() {
                return java.util.stream.Stream.of(id(1), id(2), id(1));
            }

            @Override
            public java.util.stream.Stream<dev.retention.core.event.CustomerHistory> histories() {
                return customerIds().map(events::history);
            }

            @Override
            public long eventCount() {
                return events.eventCount();
            }

            @Override
            public long customerCount() {
                return 2;
            }
        };
        Segment buyers = Segment.named("buyers").where(ordersEver().atLeast(1));
        assertThatThrownBy(() -> SegmentEvaluator.of(buyers).members(twice, profiles, NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("c0001").hasMessageContaining("twice");
    }

    @Test
    void moreThanSixtyFourSegmentsInOnePassGiveEachItsMembers() {
        orderDaysAgo(1, 1);
        orderDaysAgo(2, 1, 2);
        orderDaysAgo(3, 1, 2, 3);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            segments.add(Segment.named("s" + i).where(ordersEver().atLeast(i % 4)));
        }
        Map<String, Membership> all = SegmentEvaluator.builder(segments.get(0),
                segments.subList(1, segments.size()).toArray(Segment[]::new)).build().membersOfEach(events, profiles, NOW);
        for (int i = 0; i < 130; i++) {
            List<CustomerId> expected = switch (i % 4) {
                case 0, 1 -> List.of(id(1), id(2), id(3));
                case 2 -> List.of(id(2), id(3));
                default -> List.of(id(3));
            };
            assertThat(all.get("s" + i).members()).as("segment s%d", i).isEqualTo(expected);
        }
    }

    @Test
    void parallelEvaluationEqualsSequential() {
        Random random = new Random(7);
        for (int c = 0; c < 2_000; c++) {
            int n = random.nextInt(6);
            int[] daysAgo = new int[n];
            for (int i = 0; i < n; i++) {
                daysAgo[i] = random.nextInt(120);
            }
            orderDaysAgo(c, daysAgo);
        }
        Segment segment = PlaybookSegmentsTest.WIN_BACK.or(ordersWithin(days(10)).atLeast(2));
        Membership sequential = SegmentEvaluator.builder(segment).parallel(false).build().members(events, profiles, NOW);
        Membership parallel = SegmentEvaluator.builder(segment).parallel(true).build().members(events, profiles, NOW);
        assertThat(parallel).isEqualTo(sequential);
        // an independent count: test each customer's history one by one
        List<CustomerId> expected = new ArrayList<>();
        for (int c = 0; c < 2_000; c++) {
            if (segment.test(events.history(id(c)), CustomerProfile.unknown(id(c)), NOW)) {
                expected.add(id(c));
            }
        }
        assertThat(sequential.members()).isEqualTo(expected);
        assertThat(sequential.count()).isBetween(1, 1_999);
    }

    @Test
    void categoryConditionsUseTheEvaluatorsCatalog() {
        events.appendAll(Shop.customer(id(1)).view(NOW.minus(days(1)), "b").events());
        Segment shoes = Segment.named("shoes").where(Conditions.viewsOf(Conditions.category("shoes"))
                .within(days(7)).atLeast(1));
        assertThatThrownBy(() -> SegmentEvaluator.of(shoes).members(events, profiles, NOW))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("category 'shoes'");
        assertThat(SegmentEvaluator.builder(shoes).catalog(SegmentArbitraries.CATALOG).build()
                .members(events, profiles, NOW).members()).containsExactly(id(1));
    }
}
