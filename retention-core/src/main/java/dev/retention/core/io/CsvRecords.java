package dev.retention.core.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180): fields in double quotes may hold the separator, line
 * ends and doubled quotes; records end with LF, CRLF or CR; blank lines are skipped; a byte-order
 * mark before the header is dropped. Tracks the physical line each record starts and ends on, so
 * that errors name the line a user sees in an editor.
 */
final class CsvRecords {
    private final Reader in;
    private final char separator;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder();
    private final List<String> fields = new ArrayList<>();
    /**
     * The last text seen per hash slot: a cell repeated within a few rows (a customer's id, a
     * product, a type, a currency) is one String, already hashed, instead of one per row.
     */
    private final String[] pool = new String[1 << 14];
    /** Each pooled text's hash: a cell seen once (a time, an event id) reads no pooled String. */
    private final int[] poolHashes = new int[1 << 14];

    CsvRecords(Reader in, char separator) {
        this(in, separator, 1);
    }

    /** Records of a piece of a file whose first line is {@code firstLine} of the file. */
    CsvRecords(Reader in, char separator, long firstLine) {
        this.in = in;
        this.separator = separator;
        this.line = firstLine;
    }

    /** The line the last record started on. */
    long recordLine() {
        return recordLine;
    }

    /** The line the last record ended on (after its last quoted line end). */
    long lastLine() {
        return line - 1;
    }

    /**
     * The next record's fields, or {@code null} at the end of the text.
     *
     * @throws CsvFormatException on a quote that never closes, or text after a closing quote
     */
    String[] next() throws IOException {
        int c;
        while (true) {
            c = read();
            if (c < 0) {
                return null;
            }
            if (c == '\uFEFF' && line == 1 && recordLine == 0) {
                continue;
            }
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                lineEndAfterCr();
            } else {
                break;
            }
        }
        recordLine = line;
        fields.clear();
        while (true) {
            field.setLength(0);
            String text;
            if (c == '"') {
                c = quoted();
                text = field.toString();
            } else if (c < 0 || c == separator || c == '\n' || c == '\r') {
                text = "";
            } else {
                // most cells lie within the buffer: taken from it at once, and pooled
                int start = pos - 1;
                int end = pos;
                char ch = 0;
                // the pool's hash is String's, taken in the same pass that finds the cell's end
                int hash = buf[start];
                while (end < limit && (ch = buf[end]) != separator && ch != '\n' && ch != '\r') {
                    hash = 31 * hash + ch;
                    end++;
                }
                if (end < limit) {
                    text = pooled(start, end - start, hash);
                    pos = end + 1;
                    c = ch;
                } else {
                    field.append(buf, start, limit - start);
                    pos = limit;
                    c = read();
                    while (c >= 0 && c != separator && c != '\n' && c != '\r') {
                        field.append((char) c);
                        c = read();
                    }
                    text = field.toString();
                }
            }
            fields.add(text);
            if (c == separator) {
                c = read();
                continue;
            }
            if (c == '\n') {
                line++;
            } else if (c == '\r') {
                lineEndAfterCr();
            } else {
                // end of text: the record's last line has no line end
                line++;
            }
            // sized here: toArray(String[]::new) makes an empty array first, a second one per row
            return fields.toArray(new String[fields.size()]);
        }
    }

    /** The text of {@code buf[from, from + length)} whose hash is {@code h}, the pool's String if it holds that text. */
    private String pooled(int from, int length, int h) {
        int slot = (h ^ (h >>> 14)) & (pool.length - 1);
        String s = pool[slot];
        if (s != null && poolHashes[slot] == h && s.length() == length) {
            int i = 0;
            while (i < length && s.charAt(i) == buf[from + i]) {
                i++;
            }
            if (i == length) {
                return s;
            }
        }
        s = new String(buf, from, length);
        pool[slot] = s;
        poolHashes[slot] = h;
        return s;
    }

    /** Reads a quoted field after its opening quote; returns the character after the field. */
    private int quoted() throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                throw new CsvFormatException(new CsvProblem(recordLine, "row", field.length() > 20
                        ? field.substring(0, 20) + "..." : field.toString(),
                        "a quoted field opened on line " + recordLine + " never closes"));
            }
            if (c == '"') {
                int next = read();
                if (next == '"') {
                    field.append('"');
                    continue;
                }
                while (next == ' ' || next == '\t') {
                    next = read();
                }
                if (next >= 0 && next != separator && next != '\n' && next != '\r') {
                    throw new CsvFormatException(new CsvProblem(line, "row", field + "\"" + (char) next,
                            "text after a closing quote; a quote inside a quoted field is written twice (\"\")"));
                }
                return next;
            }
            if (c == '\n') {
                line++;
            } else if (c == '\r' && peek() != '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    private void lineEndAfterCr() throws IOException {
        if (peek() == '\n') {
            read();
        }
        line++;
    }

    private int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
