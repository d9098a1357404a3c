package dev.retention.rules.customer;

/** Many threads delivering one customer's events to a facade over the composed in-memory stores. */
class ComposedSeamRetentionConcurrencyTest extends RetentionConcurrencyTest {

    @Override
    CustomerStateStore newState() {
        return ComposedSeamRetentionTest.composedInMemory();
    }
}
