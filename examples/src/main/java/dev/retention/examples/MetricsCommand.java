package dev.retention.examples;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.retention.core.store.InMemoryEventStore;
import dev.retention.metrics.AverageOrderValue;
import dev.retention.metrics.OrderLog;
import dev.retention.metrics.PurchaseFrequency;
import dev.retention.metrics.RepeatPurchaseRate;
import dev.retention.metrics.ReportingPeriod;
import dev.retention.metrics.RetentionRate;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code metrics --events FILE --from DATE --to DATE}: the period's retention figures as one JSON
 * object. Dates are {@code YYYY-MM-DD}, the start of that day in UTC; the period is
 * {@code [from, to)}. {@code revenue} is gross (refunds not subtracted) and {@code aov} is rounded
 * half-even to the minor unit, both in the log's one currency; undefined ratios are {@code null}.
 */
@Command(name = "metrics", sortOptions = false,
        description = "CRR, repeat purchase rate, AOV and purchase frequency of [from, to) as one JSON object.")
final class MetricsCommand extends DemoCommand {
    @Option(names = "--events", paramLabel = "FILE", required = true, description = "The event CSV.")
    Path events;

    @Mixin
    EventFileOptions csv;

    @Option(names = "--from", paramLabel = "DATE", required = true, converter = OptionValues.Date.class,
            description = "The first day of the period, YYYY-MM-DD (its start in UTC).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", required = true, converter = OptionValues.Date.class,
            description = "The day after the period, YYYY-MM-DD (exclusive).")
    LocalDate to;

    @Override
    public Integer call() throws Exception {
        if (!to.isAfter(from)) {
            throw usageError("--to (" + to + ") must be after --from (" + from + ")");
        }
        ReportingPeriod period = ReportingPeriod.of(from, to);
        OrderLog log = load(csv, events);
        List<Currency> currencies = log.currencies();
        if (currencies.size() > 1) {
            throw new BadInputException("the log has orders in " + currencies.size() + " currencies "
                    + currencies + "; the metrics command sums money in one currency only");
        }
        RetentionRate retention = RetentionRate.of(log, period);
        PurchaseFrequency frequency = PurchaseFrequency.of(log, period);

        ObjectMapper mapper = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        ObjectNode json = mapper.createObjectNode();
        json.put("customersAtStart", retention.customersAtStart());
        json.put("newCustomers", retention.newCustomers());
        json.put("customersAtEnd", retention.customersAtEnd());
        json.put("retained", retention.retained());
        putRatio(json, "crr", retention.crr());
        putRatio(json, "repeatPurchaseRate", RepeatPurchaseRate.of(log, period).rate());
        json.put("orders", frequency.orders());
        if (currencies.isEmpty()) {
            json.put("revenue", 0);
            json.putNull("aov");
        } else {
            AverageOrderValue aov = AverageOrderValue.of(log, period, currencies.get(0));
            json.put("revenue", aov.revenue().toBigDecimal());
            if (aov.aov().isPresent()) {
                json.put("aov", aov.aov().get().toBigDecimal());
            } else {
                json.putNull("aov");
            }
        }
        putRatio(json, "purchaseFrequency", frequency.frequency());
        out().println(mapper.writeValueAsString(json));
        return Demo.OK;
    }

    static OrderLog load(EventFileOptions csv, Path file) {
        InMemoryEventStore store = new InMemoryEventStore();
        csv.importInto(store, file);
        return OrderLog.of(store);
    }

    private static void putRatio(ObjectNode json, String name, OptionalDouble value) {
        if (value.isPresent()) {
            json.put(name, value.getAsDouble());
        } else {
            json.putNull(name);
        }
    }
}
