package dev.retention.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CoreArbitraries;
import dev.retention.core.CustomerId;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.CustomerEvent;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EventCsvRoundTripTest {

    @Property(tries = 200)
    void writingThenReadingGivesBackTheSameEvents(@ForAll("events") List<CustomerEvent> events) {
        StringWriter out = new StringWriter();
        EventCsvWriter.create().write(events, out);
        CsvImport back = EventCsvReader.strict().read(new StringReader(out.toString()));
        assertThat(back.events()).isEqualTo(events);
    }

    @Provide
    Arbitrary<List<CustomerEvent>> events() {
        return CoreArbitraries.eventSets().map(list -> list.stream()
                .filter(e -> !(e instanceof CustomEvent))
                // the format has one row group per order id, so keep order ids unique
                .filter(e -> !(e instanceof dev.retention.core.event.OrderRefunded))
                .toList());
    }

    @Test
    void customEventsAreRefusedUnlessSkipped() {
        CustomEvent review = new CustomEvent("x1", CustomerId.of("c1"), Instant.parse("2026-01-01T00:00:00Z"),
                "review", Map.of());
        assertThatThrownBy(() -> EventCsvWriter.create().write(List.of(review), new StringWriter()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x1");
        assertThat(EventCsvWriter.skippingCustomEvents().write(List.of(review), new StringWriter())).isEqualTo(1);
    }
}
