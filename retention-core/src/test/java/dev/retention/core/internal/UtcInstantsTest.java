package dev.retention.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class UtcInstantsTest {

    /** Every instant from year 0 to 9999, written with 0 to 9 fraction digits, reads back as Instant.parse reads it. */
    @Property(tries = 1000)
    void agreesWithInstantParseOnTheCanonicalForm(
            @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 9) int digits) {
        Instant instant = Instant.ofEpochSecond(epochSecond, nanos);
        DateTimeFormatter format = new DateTimeFormatterBuilder().appendInstant(digits).toFormatter();
        String text = format.format(instant);
        assertThat(UtcInstants.parseOrNull(text)).as(text).isNotNull().isEqualTo(Instant.parse(text));
    }

    /** Whatever the text, the fast path either declines or gives what Instant.parse gives; it never accepts what that rejects. */
    @Property(tries = 3000)
    void neverDisagreesWithInstantParse(@ForAll("nearlyInstants") String text) {
        Instant fast = UtcInstants.parseOrNull(text);
        if (fast == null) {
            return;
        }
        Instant general;
        try {
            general = Instant.parse(text);
        } catch (DateTimeException e) {
            throw new AssertionError("accepted " + text + " which Instant.parse rejects: " + e.getMessage());
        }
        assertThat(fast).as(text).isEqualTo(general);
    }

    @Test
    void declinesWhatItDoesNotHandleSoTheGeneralParserDecides() {
        assertThat(UtcInstants.parseOrNull("2026-02-30T10:15:30Z")).isNull(); // no such day
        assertThat(UtcInstants.parseOrNull("2024-02-29T10:15:30Z")).isEqualTo(Instant.parse("2024-02-29T10:15:30Z"));
        assertThat(UtcInstants.parseOrNull("2026-03-01T24:00:00Z")).isNull();
        assertThat(UtcInstants.parseOrNull("2026-03-01T23:59:60Z")).isNull(); // a leap second: the JDK's rules apply
        assertThat(UtcInstants.parseOrNull("2026-03-01T10:15:30.Z")).isNull();
        assertThat(UtcInstants.parseOrNull("2026-03-01T10:15:30.1234567890Z")).isNull();
        assertThat(UtcInstants.parseOrNull("2026-03-01T10:15:30+01:00")).isNull();
        assertThat(UtcInstants.parseOrNull("+12026-03-01T10:15:30Z")).isNull();
        assertThat(UtcInstants.parseOrNull("2026-03-01")).isNull();
        assertThat(UtcInstants.parseOrNull("2026-03-01T10:15:30.5Z")).isEqualTo(Instant.parse("2026-03-01T10:15:30.500Z"));
    }

    /** Canonical instants with one character replaced by a digit, separator or letter, and their prefixes. */
    @Provide
    Arbitrary<String> nearlyInstants() {
        Arbitrary<String> canonical = Arbitraries.longs().between(-62_167_219_200L, 253_402_300_799L)
                .map(s -> Instant.ofEpochSecond(s, (s % 7) * 100_000_000L).toString());
        Arbitrary<Character> replacement = Arbitraries.of('0', '1', '2', '3', '5', '9', '-', ':', '.', 'T', 'Z', 'x', ' ');
        return net.jqwik.api.Combinators.combine(canonical, Arbitraries.integers().between(0, 30), replacement,
                Arbitraries.integers().between(0, 2)).as((text, at, c, mode) -> {
                    int i = at % text.length();
                    return switch (mode) {
                        case 0 -> text.substring(0, i) + c + text.substring(i + 1);
                        case 1 -> text.substring(0, i) + c + text.substring(i);
                        default -> text.substring(0, i) + text.substring(i + 1);
                    };
                });
    }
}
