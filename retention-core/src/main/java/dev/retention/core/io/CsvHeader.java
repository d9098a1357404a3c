package dev.retention.core.io;

import dev.retention.core.internal.UtcInstants;
import dev.retention.core.io.CsvMapping.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The header resolved against the mapping: where each field is, or its constant. */
final class CsvHeader {
    final CsvMapping mapping;
    private final int[] index = new int[Field.values().length];
    private final String[] constant = new String[Field.values().length];

    private CsvHeader(CsvMapping mapping) {
        this.mapping = mapping;
        Arrays.fill(index, -1);
    }

    static CsvHeader parse(String[] names, CsvMapping mapping, CsvProblem badBytes) {
        if (badBytes != null) {
            throw new CsvFormatException(badBytes);
        }
        CsvHeader header = new CsvHeader(mapping);
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Integer earlier = byName.putIfAbsent(name, i);
            if (earlier != null) {
                throw new CsvFormatException(new CsvProblem(1, names[i].strip(), String.join(",", names),
                        "column '" + names[i].strip() + "' appears twice in the header (columns " + (earlier + 1)
                                + " and " + (i + 1) + "); which one holds the data is unclear"));
            }
        }
        mapping.constants().forEach((field, value) -> header.constant[field.ordinal()] = value);
        mapping.columns().forEach((field, column) -> {
            Integer i = byName.get(column.toLowerCase(Locale.ROOT));
            if (i != null) {
                header.index[field.ordinal()] = i;
            } else if (field != Field.EVENT_ID) {
                throw new CsvFormatException(new CsvProblem(1, column, String.join(",", names),
                        "the header lacks column '" + column + "'; expected " + expected(mapping)));
            }
        });
        return header;
    }

    private static String expected(CsvMapping mapping) {
        if (mapping == CsvMapping.standard()) {
            return String.join(",", EventCsvReader.REQUIRED_COLUMNS) + "[,event_id]";
        }
        return String.join(",", mapping.columns().values()) + " (mapping " + mapping.name() + ")";
    }

    String cell(String[] cells, Field field) {
        String c = constant[field.ordinal()];
        if (c != null) {
            return c;
        }
        int i = index[field.ordinal()];
        return i < 0 || i >= cells.length ? "" : cells[i].strip();
    }

    /** The event type of a row, if its type value is known. */
    Optional<String> type(String[] cells) {
        Optional<String> type = mapping.eventType(cell(cells, Field.TYPE));
        if (type.isPresent() && type.get().equals("order") && mapping.refundPrefix().isPresent()
                && cell(cells, Field.ORDER_ID).startsWith(mapping.refundPrefix().get())) {
            return Optional.of("refund");
        }
        return type;
    }

    /**
     * Which event a row belongs to, known even when the row is bad, so that a bad line rejects
     * its whole order; {@code null} for a row that is an event on its own.
     */
    RowGroup.Key groupKey(String[] cells) {
        Optional<String> type = type(cells);
        String order = cell(cells, Field.ORDER_ID);
        if (type.isEmpty()) {
            return null;
        }
        return switch (type.get()) {
            case "order" -> order.isEmpty() ? null : RowGroup.Key.order(order);
            case "refund" -> order.isEmpty() ? null : timedKey('r', order, cells);
            case "cart" -> timedKey('c', cell(cells, Field.CUSTOMER_ID), cells);
            default -> null;
        };
    }

    /** The key of a refund or cart: by its instant, or its text when that is no time. */
    private RowGroup.Key timedKey(char kind, String id, String[] cells) {
        String raw = cell(cells, Field.OCCURRED_AT);
        Instant time;
        try {
            time = parseTime(raw);
        } catch (DateTimeParseException e) {
            time = null;
        }
        return RowGroup.Key.timed(kind, id, time, raw, cell(cells, Field.EVENT_ID));
    }

    Instant parseTime(String text) {
        Optional<DateTimeFormatter> format = mapping.formatter();
        if (format.isPresent()) {
            TemporalAccessor t = format.get().parseBest(text, ZonedDateTime::from, LocalDateTime::from,
                    LocalDate::from);
            if (t instanceof ZonedDateTime z) {
                return z.toInstant();
            }
            if (t instanceof LocalDateTime l) {
                return l.atZone(mapping.timeZone()).toInstant();
            }
            return ((LocalDate) t).atStartOfDay(mapping.timeZone()).toInstant();
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (text.endsWith("Z")) {
            Instant fast = UtcInstants.parseOrNull(text);
            return fast != null ? fast : Instant.parse(text);
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    CsvRow row(String[] cells, long line, IdCache ids) {
        return new CsvRow(this, cells, line, ids);
    }
}
