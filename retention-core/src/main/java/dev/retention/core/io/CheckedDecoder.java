package dev.retention.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.LongConsumer;

/**
 * Decodes a file's bytes, refusing bytes that are not in its charset with the line and the byte
 * offset where they stand (a decoding {@code InputStreamReader} only says "malformed input", which
 * left users guessing). In lenient mode a bad sequence becomes U+FFFD and is queued, so that the
 * reader rejects the row holding it and goes on.
 */
final class CheckedDecoder extends Reader {
    /** A bad byte sequence: the physical line it is on, its offset in the file, the bytes. */
    record BadBytes(long line, long offset, String hex, String message) {
        CsvProblem problem() {
            return new CsvProblem(line, "encoding", hex, message);
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final boolean lenient;
    private final LongConsumer progress;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private final PriorityQueue<BadBytes> bad = new PriorityQueue<>(Comparator.comparingLong(BadBytes::offset));
    private long bytesBefore;
    private long newlinesBefore;
    private boolean eof;
    private boolean flushed;

    CheckedDecoder(InputStream in, Charset charset, boolean lenient, LongConsumer progress) {
        this.in = in;
        this.charset = charset;
        this.lenient = lenient;
        this.progress = progress;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
        chars.flip();
    }

    /** The bad sequences decoded so far and not yet taken, oldest first. */
    PriorityQueue<BadBytes> bad() {
        return bad;
    }

    @Override
    public int read(char[] dst, int off, int len) throws IOException {
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(dst, off, n);
        return n;
    }

    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, eof);
            if (result.isError()) {
                badSequence(result.length());
                continue;
            }
            if (result.isOverflow()) {
                break;
            }
            if (eof) {
                decoder.flush(chars);
                flushed = true;
                break;
            }
            if (chars.position() > 0) {
                break;
            }
            refill();
        }
        chars.flip();
        return chars.hasRemaining();
    }

    private void refill() throws IOException {
        for (int i = 0; i < bytes.position(); i++) {
            if (bytes.get(i) == '\n') {
                newlinesBefore++;
            }
        }
        bytesBefore += bytes.position();
        bytes.compact();
        int start = bytes.position();
        int n = in.read(bytes.array(), start, bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(start + n);
            progress.accept(bytesBefore + start + n);
        }
        bytes.flip();
        if (n > 0) {
            if (bytesBefore + start == 0 && n >= 2 && isUtf16Mark(bytes.get(0), bytes.get(1))) {
                report(0, String.format("%02X %02X", bytes.get(0) & 0xFF, bytes.get(1) & 0xFF),
                        "the file starts with a UTF-16 byte-order mark; save it as UTF-8");
            }
            checkNul(start, start + n);
        }
    }

    private static boolean isUtf16Mark(byte first, byte second) {
        return (first == (byte) 0xFE && second == (byte) 0xFF) || (first == (byte) 0xFF && second == (byte) 0xFE);
    }

    /**
     * A NUL byte is valid UTF-8 but never in a CSV of text: almost surely UTF-16 without a mark.
     * In lenient mode it becomes a SUB control character, so offsets stay true and its row is rejected.
     */
    private void checkNul(int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes.get(i) == 0) {
                report(i, "00", "a NUL byte: the file looks like UTF-16; save it as UTF-8");
                bytes.put(i, (byte) 0x1A);
            }
        }
    }

    private void badSequence(int length) {
        int at = bytes.position();
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length; i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("%02X", bytes.get(at + i) & 0xFF));
        }
        int first = bytes.get(at) & 0xFF;
        String message;
        if (bytesBefore + at == 0 && (first == 0xFE || first == 0xFF)) {
            message = "the file starts with a UTF-16 byte-order mark; save it as UTF-8";
        } else if (charset.equals(StandardCharsets.UTF_8)) {
            message = "byte " + hex + " is not UTF-8 (a Latin-1 or Windows-1252 file?); save the file as UTF-8"
                    + " or read it with its charset";
        } else {
            message = "byte " + hex + " is not " + charset.name();
        }
        report(at, hex.toString(), message);
        bytes.position(at + length);
        if (chars.hasRemaining()) {
            chars.put('\uFFFD');
        }
    }

    private void report(int at, String hex, String message) {
        long line = 1 + newlinesBefore;
        for (int i = 0; i < at; i++) {
            if (bytes.get(i) == '\n') {
                line++;
            }
        }
        long offset = bytesBefore + at;
        BadBytes b = new BadBytes(line, offset, hex, message + " (line " + line + ", byte offset " + offset + ")");
        if (!lenient) {
            throw new CsvFormatException(b.problem());
        }
        bad.add(b);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
