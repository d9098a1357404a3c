/**
 * What customers do, as the shop reports it: the sealed {@link dev.retention.core.event.CustomerEvent}
 * with one record per kind (product views, cart updates, orders, refunds, custom events), and
 * {@link dev.retention.core.event.CustomerHistory}, one customer's events in time order with the
 * window queries segments, triggers and metrics ask.
 *
 * <p>Windows {@code [from, to)} include {@code from} and exclude {@code to}; methods taking
 * {@code asOf} include it. Every event carries an id that makes delivering it twice harmless.
 */
package dev.retention.core.event;
