package dev.retention.senders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {
    @Test
    void emailKeepsTheFirstCharacterAndTheDomain() {
        assertThat(Masking.email("anna@example.com")).isEqualTo("a***@example.com");
        assertThat(Masking.email("😀x@example.com")).isEqualTo("😀***@example.com");
        assertThat(Masking.email("@example.com")).isEqualTo("***");
        assertThat(Masking.email("no-at-sign")).isEqualTo("***");
    }

    @Test
    void phoneKeepsTheLastFourDigits() {
        assertThat(Masking.phone("+4915112345678")).isEqualTo("***5678");
        assertThat(Masking.phone("1234")).isEqualTo("***");
    }
}
