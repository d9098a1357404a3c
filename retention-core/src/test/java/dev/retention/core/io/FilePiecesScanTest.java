package dev.retention.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The split's scan reads eight bytes at a time: it must count and refuse as a byte-by-byte look does. */
class FilePiecesScanTest {

    @Property(tries = 300)
    void theWordScanCountsLineEndsAndFindsQuotesNulsAndLoneCrsAsBytesDo(@ForAll("pieces") byte[] piece) {
        boolean[] quotes = new boolean[1];
        long lines = FilePieces.scan(ByteBuffer.wrap(piece), quotes, 0);

        long expectedLines = 0;
        boolean expectedQuote = false;
        boolean refused = false;
        for (int i = 0; i < piece.length && !refused; i++) {
            byte b = piece[i];
            expectedLines += b == '\n' ? 1 : 0;
            expectedQuote |= b == '"';
            refused = b == 0 || (b == '\r' && (i + 1 == piece.length || piece[i + 1] != '\n'));
        }
        if (refused) {
            assertThat(lines).isEqualTo(-1);
        } else {
            assertThat(List.of(lines, quotes[0])).isEqualTo(List.of(expectedLines, expectedQuote));
        }
    }

    @Provide
    Arbitrary<byte[]> pieces() {
        // mostly plain text and line ends, now and then a quote, a CR, a NUL or a byte of a multibyte character
        Arbitrary<Byte> common = Arbitraries.of((byte) 'a', (byte) '7', (byte) ',', (byte) '\n', (byte) ' ');
        Arbitrary<Byte> rare = Arbitraries.of((byte) '"', (byte) '\r', (byte) 0, (byte) 0xC3, (byte) 0x8A, (byte) 0x7F,
                (byte) 0xFF);
        Arbitrary<Byte> any = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(40, common), net.jqwik.api.Tuple.of(1, rare));
        return any.array(byte[].class).ofMaxSize(300);
    }
}
