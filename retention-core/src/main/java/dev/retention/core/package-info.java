/**
 * The values every other module speaks in: customer, product and order ids, exact {@link
 * dev.retention.core.Money}, and the library's unchecked exceptions.
 *
 * <p>Conventions of the whole module: values are immutable records, checked in their constructors
 * and safe to share between threads; no method returns null (an absent result is an empty
 * {@link java.util.Optional}) or accepts it (a null argument is refused: a string that must not be
 * blank with an {@link java.lang.IllegalArgumentException}, anything else with a {@link
 * java.lang.NullPointerException} naming it); a bad value is refused with an {@link
 * java.lang.IllegalArgumentException} naming the field and the value (but never repeating an e-mail
 * address or phone number); money is a {@code long} of minor units and is never rounded or
 * converted between currencies unless a method says so; time comes in as an explicit
 * {@link java.time.Instant}, never read from a clock.
 */
package dev.retention.core;
