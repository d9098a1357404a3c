package dev.retention.core.io;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A row of an event CSV that could not be read.
 *
 * @param line the 1-based line number in the file where the row starts (the header is line 1)
 * @param column the column at fault (an event field such as {@code amount}), {@code "row"} when the
 *     row as a whole is, {@code "encoding"} for bytes that are not in the file's charset, or
 *     {@code "header"}
 * @param value the offending value as written in the file (for an event a store would refuse or
 *     refused, the amount or currency at fault, or the event's id)
 * @param message why the value is refused, in words
 * @param rejectedLines every line rejected with this one, itself included, in ascending order: in
 *     lenient mode a bad line rejects its whole order (or refund, or cart), never a part of it
 */
public record CsvProblem(long line, String column, String value, String message, List<Long> rejectedLines) {

    /**
     * Checks the texts and copies the lines.
     *
     * @param line the 1-based line where the row starts
     * @param column the column at fault
     * @param value the offending value as written
     * @param message why the value is refused
     * @param rejectedLines every line rejected with this one, itself included, ascending
     * @throws NullPointerException if a text or the lines are null
     */
    public CsvProblem {
        requireNonNull(column, "column");
        requireNonNull(value, "value");
        requireNonNull(message, "message");
        rejectedLines = List.copyOf(rejectedLines);
    }

    /**
     * A problem that rejects its own line only.
     *
     * @param line the 1-based line where the row starts
     * @param column the column at fault
     * @param value the offending value as written
     * @param message why the value is refused
     */
    public CsvProblem(long line, String column, String value, String message) {
        this(line, column, value, message, List.of(line));
    }

    CsvProblem rejecting(List<Long> lines) {
        return new CsvProblem(line, column, value, message, lines);
    }

    @Override
    public String toString() {
        String text = "line " + line + ", column " + column + ", value '" + value + "': " + message;
        if (rejectedLines.size() > 1) {
            text += " (rejected with its lines " + rejectedLines.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ")";
        }
        return text;
    }
}
