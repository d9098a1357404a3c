package dev.retention.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.CoreArbitraries;
import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import dev.retention.core.store.InMemoryEventStore;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EventCsvPermutationTest {

    @Property(tries = 150)
    void anyPermutationOfAFilesRowsImportsToTheSameStore(@ForAll("events") List<CustomerEvent> events,
            @ForAll long seed) {
        StringWriter out = new StringWriter();
        EventCsvWriter.create().write(events, out);
        List<String> lines = new ArrayList<>(List.of(out.toString().split("\n")));
        String header = lines.remove(0);
        // spread orders' lines over time and repeat a row, as real exports do
        lines.replaceAll(EventCsvPermutationTest::laterIfSecondLine);
        if (!lines.isEmpty()) {
            lines.add(lines.get(0));
        }
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(seed));

        InMemoryEventStore inOrder = importOf(header, lines);
        InMemoryEventStore permuted = importOf(header, shuffled);

        assertThat(permuted.eventCount()).isEqualTo(inOrder.eventCount());
        assertThat(permuted.customerIds().sorted().toList()).isEqualTo(inOrder.customerIds().sorted().toList());
        for (CustomerId customer : inOrder.customerIds().toList()) {
            assertThat(permuted.history(customer).events()).isEqualTo(inOrder.history(customer).events());
        }
    }

    /** Columns as the writer puts them: occurred_at first, event_id (the line number on order rows) last. */
    private static String laterIfSecondLine(String row) {
        String[] cells = row.split(",", -1);
        if (cells[2].equals("order") && cells[8].equals("2")) {
            cells[0] = Instant.parse(cells[0]).plusSeconds(60).toString();
        }
        return String.join(",", cells);
    }

    private static InMemoryEventStore importOf(String header, List<String> rows) {
        InMemoryEventStore store = new InMemoryEventStore();
        store.appendAll(EventCsvReader.strict().read(new StringReader(header + "\n" + String.join("\n", rows)))
                .events());
        return store;
    }

    @Provide
    Arbitrary<List<CustomerEvent>> events() {
        return CoreArbitraries.eventSets().map(list -> list.stream().filter(e -> !(e instanceof CustomEvent)).toList());
    }
}
