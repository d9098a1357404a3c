package dev.retention.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StringBlobTest {

    @Test
    void refusesLoneSurrogatesWhichUtf8WouldStoreAsAQuestionMark() {
        // "x\uD800" and "x\uD801" would both be stored as "x?" and so collide as ids
        assertThatThrownBy(() -> StringBlob.encode("c1", "x\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 1").hasMessageContaining("U+D800");
        assertThatThrownBy(() -> StringBlob.append(new byte[0], 0, "c1", "\uDC01y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 0");
    }

    @Test
    void wellFormedNonAsciiValuesComeBackWhole() {
        String value = "\u00e9-\uD83D\uDE00";
        byte[] bytes = StringBlob.append(new byte[0], 0, "c1", value);
        assertThat(StringBlob.get(bytes, 0, "c1")).isEqualTo(value);
        assertThat(StringBlob.matches(bytes, 0, "c1", value)).isTrue();
        assertThat(StringBlob.matches(bytes, 0, "c1", "\u00e9-\uD83D\uDE01")).isFalse();
    }
}
