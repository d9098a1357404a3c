package dev.retention.examples;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The demo's option values that picocli does not convert itself; a bad value is a usage error. */
final class OptionValues {
    private OptionValues() {
    }

    /** {@code YYYY-MM-DD}. */
    static final class Date implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected a date like 1997-04-01, got '" + text + "'");
            }
        }
    }

    /** An ISO instant ({@code 1998-01-01T00:00:00Z}) or a date, meaning its start in UTC. */
    static final class InstantOrDate implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String text) {
            try {
                return text.contains("T") ? Instant.parse(text)
                        : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("expected an instant like 1998-01-01T00:00:00Z or a date like"
                        + " 1998-01-01, got '" + text + "'");
            }
        }
    }
}
