package dev.retention.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retention.core.event.CustomerEvent;
import dev.retention.core.event.OrderPlaced;
import dev.retention.testkit.SyntheticShop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs with the default locale set to ROOT (see {@link RootLocale}), and expects ROOT's formatting. */
@ExtendWith(RootLocale.class)
class DemoTest {

    @Test
    void withoutArgumentsSummarisesASyntheticShop() {
        Result result = run("--customers", "400", "--seed", "7");
        List<CustomerEvent> events = SyntheticShop.of(400, 7).events();
        long orders = events.stream().filter(e -> e instanceof OrderPlaced).count();

        assertThat(result.code).isZero();
        assertThat(result.out).contains("400 customers, seed 7")
                .contains(String.format(Locale.ROOT, "events              %,d", events.size()))
                .contains(String.format(Locale.ROOT, "%,d orders", orders))
                .contains("customers           400");
    }

    @Test
    void theSummaryCountsThePlaybookSegmentsAndExplainsAMember() {
        Result result = run("--customers", "400", "--seed", "7");
        SyntheticShop shop = SyntheticShop.of(400, 7);
        dev.retention.core.store.InMemoryEventStore store = new dev.retention.core.store.InMemoryEventStore();
        shop.generate(store::append);
        java.time.Instant now = shop.end();
        // win-back by hand: at least 3 orders, none in [now - 90 days, now]
        long winBack = store.histories().filter(h -> h.orderCountAsOf(now) >= 3
                && h.orderCount(now.minus(java.time.Duration.ofDays(90)), now.plusNanos(1)) == 0).count();

        assertThat(winBack).isPositive();
        assertThat(result.out).containsPattern("win-back +" + String.format(Locale.ROOT, "%,d", winBack) + "  orders ever >= 3")
                .contains("orders in the last 90 days: 0 = 0: yes")
                .contains("customer retention rate").contains("average order value");
    }

    @Test
    void summarisesACsvEventLog() {
        Result result = run("--events", ProjectData.file("cdnow/orders.csv").toString());
        assertThat(result.code).isZero();
        assertThat(result.out).contains(String.format(Locale.ROOT, "Loaded %,d events", 69_659))
                .contains(String.format(Locale.ROOT, "customers           %,d", 23_570))
                .contains("revenue net of refunds  2500315.63 USD");
    }

    @Test
    void badArgumentsExitWithUsage() {
        Result unknown = run("frobnicate");
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.err).contains("unknown command 'frobnicate'").contains("summary");
        Result missing = run("--events", "/no/such/file.csv");
        assertThat(missing.code).isNotZero();
        assertThat(missing.err).contains("/no/such/file.csv");
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Demo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {}
}
