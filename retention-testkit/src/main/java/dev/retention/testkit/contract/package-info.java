/**
 * Contract test suites for the storage SPI: the behaviour every store must show, as abstract JUnit
 * test classes. A store implementation (the library's in-memory stores, a JDBC store, your own)
 * proves itself by a test class that extends the suite and returns a new, empty store:
 *
 * <pre>{@code
 * class MyEventStoreTest extends EventStoreContract {
 *     @Override
 *     protected EventStore newStore() {
 *         return new MyEventStore(...);
 *     }
 * }
 * }</pre>
 *
 * <p>The suites run JUnit Jupiter tests and jqwik properties; {@code retention-testkit} brings both
 * engines, so a test-scoped dependency on it is all a store's build needs.
 */
package dev.retention.testkit.contract;
