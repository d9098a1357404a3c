package dev.retention.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CoreArbitraries;
import dev.retention.core.CustomerId;
import dev.retention.core.ProductId;
import dev.retention.core.event.CustomerEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one-array layout: rows of every kind in one long and one int array, regions grown, shifted
 * and trimmed as events arrive in any order, while every snapshot keeps exactly the events it saw.
 */
class CustomerLogLayoutTest {
    private static final CustomerId C1 = CustomerId.of("c1");

    @Provide
    Arbitrary<List<CustomerEvent>> histories() {
        // CoreArbitraries' events of one customer, in arrival order (times on a coarse grid, so out of order and tied)
        return CoreArbitraries.events().filter(e -> e.customerId().equals(C1)).list().ofMaxSize(60);
    }

    /** What a log holding {@code events} must return: each id once (the first wins), by time then id. */
    private static List<CustomerEvent> expected(List<CustomerEvent> events) {
        Map<String, CustomerEvent> byId = new LinkedHashMap<>();
        events.forEach(e -> byId.putIfAbsent(e.eventId(), e));
        return byId.values().stream().sorted(Comparator.comparing(CustomerEvent::occurredAt)
                .thenComparing(CustomerEvent::eventId, StringBlob::compareIds)).toList();
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void everySnapshotKeepsWhatItSawWhileTheLogGrowsShiftsAndTrims(@ForAll("histories") List<CustomerEvent> events,
            @ForAll("actions") List<Integer> actions) {
        CustomerLog log = new CustomerLog(C1, new Dictionary<ProductId>());
        List<CustomerLog> snapshots = new ArrayList<>();
        List<List<CustomerEvent>> seen = new ArrayList<>();
        List<CustomerEvent> appended = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            CustomerEvent event = events.get(i);
            boolean isNew = appended.stream().noneMatch(e -> e.eventId().equals(event.eventId()));
            assertThat(log.append(event)).as("append of %s", event.eventId()).isEqualTo(isNew);
            appended.add(event);
            int action = i < actions.size() ? actions.get(i) : 0;
            if (action == 1) {
                snapshots.add(log.snapshot());
                seen.add(List.copyOf(appended));
            } else if (action == 2) {
                log.trimToSize();
            }
        }
        List<CustomerEvent> all = expected(appended);
        assertThat(log.events()).containsExactlyElementsOf(all);
        assertThat(log.size()).isEqualTo(all.size());
        for (int s = 0; s < snapshots.size(); s++) {
            assertThat(snapshots.get(s).events()).as("snapshot %s", s).containsExactlyElementsOf(expected(seen.get(s)));
        }
        log.trimToSize();
        assertThat(log.events()).containsExactlyElementsOf(all);
        for (CustomerEvent event : all) {
            assertThat(log.append(event)).as("a duplicate after trimming").isFalse();
        }
        log.clear();
        assertThat(log.events()).isEmpty();
        for (int s = 0; s < snapshots.size(); s++) {
            assertThat(snapshots.get(s).events()).as("snapshot %s after erasure", s)
                    .containsExactlyElementsOf(expected(seen.get(s)));
        }
    }

    @Provide
    Arbitrary<List<Integer>> actions() {
        // 0 nothing, 1 snapshot, 2 trim, after each append
        return Arbitraries.integers().between(0, 2).list().ofMaxSize(60);
    }
}
