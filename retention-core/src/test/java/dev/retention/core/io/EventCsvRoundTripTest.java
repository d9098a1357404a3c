package dev.retention.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.core.CoreArbitraries;
import dev.retention.core.CustomerId;
import dev.retention.core.event.CartUpdated;
import dev.retention.core.event.CustomEvent;
import dev.retention.core.event.LineItem;
import dev.retention.core.event.OrderPlaced;
import dev.retention.core.event.CustomerEvent;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Comparator;
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
        assertThat(back.events()).isEqualTo(events.stream().map(EventCsvRoundTripTest::asRead).toList());
    }

    /** What the format keeps of an event: an order's id comes from its order id, a cart's lines in a fixed order. */
    private static CustomerEvent asRead(CustomerEvent event) {
        if (event instanceof OrderPlaced o) {
            return new OrderPlaced("order:" + o.orderId().value(), o.customerId(), o.occurredAt(), o.orderId(),
                    o.items(), o.total());
        }
        if (event instanceof CartUpdated c) {
            return new CartUpdated(c.eventId(), c.customerId(), c.occurredAt(), c.items().stream()
                    .sorted(Comparator.comparing((LineItem i) -> i.productId().value())
                            .thenComparingInt(LineItem::quantity).thenComparingLong(i -> i.amount().minorUnits()))
                    .toList());
        }
        return event;
    }

    @Provide
    Arbitrary<List<CustomerEvent>> events() {
        return CoreArbitraries.eventSets().map(list -> list.stream()
                .filter(e -> !(e instanceof CustomEvent))
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
