/**
 * The storage SPI: {@link dev.retention.core.store.EventStore} for events and {@link
 * dev.retention.core.store.ProfileStore} for profiles, small interfaces a JDBC store or a user's own
 * implements, and the thread-safe in-memory implementations {@link
 * dev.retention.core.store.InMemoryEventStore} and {@link
 * dev.retention.core.store.InMemoryProfileStore} that the library uses by default.
 */
package dev.retention.core.store;
