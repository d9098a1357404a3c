package dev.retention.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsRefuseBlankValuesNamingTheField() {
        assertThatThrownBy(() -> CustomerId.of(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customerId").hasMessageContaining("' '");
        assertThatThrownBy(() -> ProductId.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("productId");
        assertThatThrownBy(() -> OrderId.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderId").hasMessageContaining("null");
    }

    @Test
    void idsAreValuesComparedExactly() {
        assertThat(CustomerId.of("c1")).isEqualTo(new CustomerId("c1")).isNotEqualTo(CustomerId.of("C1"));
        assertThat(CustomerId.of("a").compareTo(CustomerId.of("b"))).isNegative();
        assertThat(ProductId.of("sku-1")).hasToString("sku-1");
    }

    @Test
    void idsRefuseLoneSurrogatesNamingTheIndexOfTheBadChar() {
        // both would be stored as "x?" (UTF-8 has no form for them) and so collide
        assertThatThrownBy(() -> CustomerId.of("x\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customerId").hasMessageContaining("index 1").hasMessageContaining("U+D800");
        assertThatThrownBy(() -> ProductId.of("\uDC00ab")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("productId").hasMessageContaining("index 0").hasMessageContaining("U+DC00");
        assertThatThrownBy(() -> OrderId.of("o-\uD83D-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderId").hasMessageContaining("index 2");
        assertThatThrownBy(() -> OrderId.of("o-\uDE00\uD83D")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 2");
    }

    @Test
    void idsKeepWellFormedSupplementaryChars() {
        assertThat(CustomerId.of("anna-\uD83D\uDE00").value()).hasSize(7);
        assertThat(ProductId.of("\uD83D\uDE00")).isNotEqualTo(ProductId.of("\uD83D\uDE01"));
    }
}
