package dev.retention.core.io;

/**
 * A row of an event CSV that could not be read.
 *
 * @param line the 1-based line number in the file (the header is line 1)
 * @param column the column at fault, or {@code "row"} when the row as a whole is
 * @param value the offending value as written in the file
 */
public record CsvProblem(long line, String column, String value, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ", value '" + value + "': " + message;
    }
}
