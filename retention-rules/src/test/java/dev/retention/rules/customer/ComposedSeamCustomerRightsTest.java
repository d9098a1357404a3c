package dev.retention.rules.customer;

/** Erasure and export over the default adapter composing the four separate in-memory stores. */
class ComposedSeamCustomerRightsTest extends CustomerRightsTest {

    @Override
    CustomerStateStore newState() {
        return ComposedSeamRetentionTest.composedInMemory();
    }
}
