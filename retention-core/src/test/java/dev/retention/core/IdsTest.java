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
}
