/**
 * One customer, one place: the per-customer seam over the stores and the one entry point for a shop.
 *
 * <p>{@link dev.retention.rules.customer.Retention} is what a shop backend talks to: built once with
 * the stores (or a {@link dev.retention.rules.customer.CustomerStateStore}), the campaigns, the points
 * program and the sender, it takes each event ({@code onEvent}) and the scheduler's ticks, and answers
 * the customer's rights ({@code erase}, {@code export}).
 *
 * <p>{@link dev.retention.rules.customer.CustomerStateStore} is the seam a backend implements (or gets
 * from {@link dev.retention.rules.customer.CustomerStateStore#composedOf}): it serves one customer's
 * whole state in one step and applies one customer's changes as one step, as keyed state does in
 * stream processors. It lives here, in retention-rules, and not in retention-core, because a
 * customer's state includes the fire log and the loyalty ledger, whose types are the rules module's;
 * a package of its own keeps the campaign and loyalty packages unaware of it. See
 * {@code docs/customer-state.md} before writing a backend.
 */
package dev.retention.rules.customer;
