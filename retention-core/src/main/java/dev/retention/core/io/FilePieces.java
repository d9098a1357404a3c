package dev.retention.core.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A UTF-8 file cut into pieces at record boundaries, each piece parsed on its own core. A piece
 * boundary is a line end outside quotes: in a file without quotes any line end; in a file with
 * quotes the line ends found by running the CSV syntax ({@link CsvRecords}' states) over the
 * whole file once. Files whose syntax only the sequential reader reports exactly (a NUL, a lone
 * CR, a quote that never closes, text after a closing quote) are not cut.
 *
 * <p>The pieces are mapped, not read onto the heap, and decoded as they are parsed, so that no
 * piece's bytes or text live as one large array.
 */
final class FilePieces {
    /** The syntax states of {@link CsvRecords}: at a field's start, in an unquoted field, ... */
    private static final int FIELD = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** After a quote in a quoted field: a second quote is a quote, anything else ends the field. */
    private static final int QUOTE = 3;
    /** Spaces after a closing quote, before the separator or line end. */
    private static final int SPACES = 4;
    private static final int ERROR = 5;
    private static final int CHUNK = 1 << 16;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LF_BYTES = ONES * '\n';
    private static final long CR_BYTES = ONES * '\r';
    private static final long QUOTE_BYTES = ONES * '"';
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

    private final FileChannel channel;
    final long[] starts;
    /** The file's line number of each piece's first line. */
    final long[] firstLines;

    private FilePieces(FileChannel channel, long[] starts, long[] firstLines) {
        this.channel = channel;
        this.starts = starts;
        this.firstLines = firstLines;
    }

    /**
     * About how many lines piece {@code i} holds: exactly, but for the last piece, estimated
     * from the lines per byte of the others.
     */
    int linesAbout(int i) {
        if (i + 1 < firstLines.length) {
            return (int) Math.min(Integer.MAX_VALUE - 16, firstLines[i + 1] - firstLines[i]);
        }
        long linesBefore = firstLines[i] - 1;
        long bytesBefore = 0;
        for (int k = 0; k < i; k++) {
            bytesBefore += bytes(k);
        }
        return bytesBefore == 0 ? 256 : (int) Math.min(Integer.MAX_VALUE - 16, linesBefore * bytes(i) / bytesBefore + 16);
    }

    int count() {
        return firstLines.length;
    }

    /**
     * The file cut into about {@code total / pieceBytes} pieces, or empty if it must be read
     * sequentially.
     */
    static Optional<FilePieces> split(FileChannel channel, long total, long pieceBytes, char separator)
            throws IOException {
        int n = (int) Math.max(1, Math.min(100_000, total / pieceBytes));
        long[] starts = new long[n + 1];
        starts[n] = total;
        ByteBuffer probe = ByteBuffer.allocate(1 << 16);
        for (int i = 1; i < n; i++) {
            starts[i] = Math.max(starts[i - 1], lineStart(channel, total * i / n, probe));
        }
        long[] lines = new long[n];
        boolean[] quotes = new boolean[n];
        boolean[] plain = {true};
        IntStream.range(0, n).parallel().forEach(i -> {
            if (plain[0]) {
                lines[i] = scan(map(channel, starts[i], starts[i + 1]), quotes, i);
                if (lines[i] < 0) {
                    plain[0] = false;
                }
            }
        });
        if (!plain[0]) {
            return Optional.empty();
        }
        boolean quoted = false;
        for (boolean q : quotes) {
            quoted |= q;
        }
        if (quoted) {
            return separator < 0x80 ? splitQuoted(channel, total, n, separator) : Optional.empty();
        }
        long[] firstLines = new long[n];
        firstLines[0] = 1;
        for (int i = 1; i < n; i++) {
            firstLines[i] = firstLines[i - 1] + lines[i - 1];
        }
        return Optional.of(new FilePieces(channel, starts, firstLines));
    }

    /**
     * Cuts a file with quotes at the first line end outside quotes after each of the {@code n}
     * even cuts, by running the syntax from the file's start; empty if the syntax fails.
     */
    private static Optional<FilePieces> splitQuoted(FileChannel channel, long total, int n, char separator)
            throws IOException {
        int[] table = syntax((byte) separator);
        long[] starts = new long[n + 1];
        long[] firstLines = new long[n];
        starts[n] = total;
        firstLines[0] = 1;
        int next = 1;
        long line = 1;
        int state = FIELD;
        byte[] chunk = new byte[CHUNK];
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        long at = 0;
        if (channel.read(buffer, 0) >= 3 && chunk[0] == (byte) 0xEF && chunk[1] == (byte) 0xBB
                && chunk[2] == (byte) 0xBF) {
            at = 3; // the byte-order mark, which the records skip before the header's first field
        }
        while (at < total) {
            buffer.clear();
            int k = channel.read(buffer, at);
            if (k <= 0) {
                throw new IOException("the file ended at byte " + at + " while " + total + " bytes were expected");
            }
            for (int j = 0; j < k; j++) {
                state = table[state << 8 | (chunk[j] & 0xff)];
                if (chunk[j] == '\n') {
                    line++;
                    while (next < n && state == FIELD && at + j >= total * next / n) {
                        starts[next] = at + j + 1;
                        firstLines[next] = line;
                        next++;
                    }
                } else if (state == ERROR) {
                    return Optional.empty();
                }
            }
            at += k;
        }
        if (state == QUOTED) {
            return Optional.empty();
        }
        for (; next < n; next++) {
            starts[next] = total;
            firstLines[next] = line;
        }
        return Optional.of(new FilePieces(channel, starts, firstLines));
    }

    /** The transitions of the syntax, by state and byte. */
    private static int[] syntax(byte separator) {
        int[] t = new int[ERROR + 1 << 8];
        for (int b = 0; b < 256; b++) {
            boolean end = b == (separator & 0xff) || b == '\n' || b == '\r';
            boolean space = b == ' ' || b == '\t';
            t[FIELD << 8 | b] = b == '"' ? QUOTED : end ? FIELD : UNQUOTED;
            t[UNQUOTED << 8 | b] = end ? FIELD : UNQUOTED;
            t[QUOTED << 8 | b] = b == '"' ? QUOTE : QUOTED;
            // as the records read it: spaces after a closing quote are skipped before the separator
            t[QUOTE << 8 | b] = b == '"' ? QUOTED : space ? SPACES : end ? FIELD : ERROR;
            t[SPACES << 8 | b] = space ? SPACES : end ? FIELD : ERROR;
            t[ERROR << 8 | b] = ERROR;
        }
        return t;
    }

    /**
     * The piece's line ends, or -1 if it holds a NUL or a lone CR; marks whether it holds a quote
     * in {@code quotes[index]}. Eight bytes at a time: a word without a quote, NUL or CR is passed
     * over in a few instructions whatever its line ends, and nearly all words of a plain shop log
     * are such; this runs over the whole file before parsing starts.
     */
    static long scan(ByteBuffer piece, boolean[] quotes, int index) {
        byte[] chunk = new byte[CHUNK];
        long lines = 0;
        boolean quote = false;
        int size = piece.limit();
        for (int at = 0; at < size; at += CHUNK) {
            int k = Math.min(CHUNK, size - at);
            piece.get(at, chunk, 0, k);
            int j = 0;
            for (; j + 8 <= k; j += 8) {
                long w = (long) WORDS.get(chunk, j);
                long special = zeroBytes(w ^ QUOTE_BYTES) | zeroBytes(w) | zeroBytes(w ^ CR_BYTES);
                if (special == 0) {
                    lines += Long.bitCount(zeroBytes(w ^ LF_BYTES));
                    continue;
                }
                for (int b = j; b < j + 8; b++) {
                    long r = scanByte(piece, chunk[b], at + b, size);
                    if (r < 0) {
                        return -1;
                    }
                    lines += r & 1;
                    quote |= r == 2;
                }
            }
            for (; j < k; j++) {
                long r = scanByte(piece, chunk[j], at + j, size);
                if (r < 0) {
                    return -1;
                }
                lines += r & 1;
                quote |= r == 2;
            }
        }
        quotes[index] = quote;
        return lines;
    }

    /** 1 for a line end, 2 for a quote, -1 for a NUL or a CR not followed by a line end, else 0. */
    private static long scanByte(ByteBuffer piece, byte b, int at, int size) {
        if (b == '\n') {
            return 1;
        }
        if (b == '"') {
            return 2;
        }
        if (b == 0 || (b == '\r' && (at + 1 == size || piece.get(at + 1) != '\n'))) {
            return -1;
        }
        return 0;
    }

    /** The high bit set in exactly the bytes of {@code x} that are zero (no borrow between bytes). */
    private static long zeroBytes(long x) {
        return ~(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN);
    }

    private static long lineStart(FileChannel channel, long from, ByteBuffer probe) throws IOException {
        long at = from;
        while (true) {
            probe.clear();
            int r = channel.read(probe, at);
            if (r <= 0) {
                return channel.size();
            }
            for (int k = 0; k < r; k++) {
                if (probe.get(k) == '\n') {
                    return at + k + 1;
                }
            }
            at += r;
        }
    }

    private static MappedByteBuffer map(FileChannel channel, long from, long to) {
        try {
            return channel.map(FileChannel.MapMode.READ_ONLY, from, to - from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of piece {@code i}, decoded as it is read; bytes that are not UTF-8 throw. */
    Reader reader(int i) {
        return new PieceReader(map(channel, starts[i], starts[i + 1]));
    }

    /** The piece's size in bytes. */
    long bytes(int i) {
        return starts[i + 1] - starts[i];
    }

    private static final class PieceReader extends Reader {
        private final ByteBuffer source;
        private final ByteBuffer in = ByteBuffer.allocate(CHUNK).flip();
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);

        PieceReader(ByteBuffer source) {
            this.source = source;
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(cbuf, off, len);
            while (true) {
                boolean last = !source.hasRemaining();
                CoderResult r = decoder.decode(in, out, last);
                if (r.isError()) {
                    r.throwException();
                }
                if (out.position() > off) {
                    return out.position() - off;
                }
                if (last) {
                    return -1;
                }
                in.compact();
                int k = Math.min(in.remaining(), source.remaining());
                in.put(source.slice(source.position(), k));
                source.position(source.position() + k);
                in.flip();
            }
        }

        @Override
        public void close() {
            // a mapped piece is released with the buffer
        }
    }
}
