package dev.retention.core.profile;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A way to reach a customer: {@link #EMAIL}, {@link #SMS}, {@link #PUSH}, {@link #WEBHOOK}, or
 * any channel of your own ({@code Channel.of("telegram")}). Names are lower-case.
 *
 * <p>Channels are equal when their names are, so {@code Channel.of("email")} equals {@link #EMAIL}.
 * Immutable and thread-safe.
 *
 * @param name the channel's name: a lower-case ASCII letter, then lower-case letters, digits,
 *     {@code '_'} or {@code '-'}
 */
public record Channel(String name) {
    /**
     * E-mail; named {@code "email"}. Messages carry the customer id, not the address: the sender
     * looks it up (usually {@link CustomerProfile#email()}).
     */
    public static final Channel EMAIL = new Channel("email");
    /** Text messages to the customer's phone; named {@code "sms"}. */
    public static final Channel SMS = new Channel("sms");
    /** Push notifications to the shop's app; named {@code "push"}. */
    public static final Channel PUSH = new Channel("push");
    /** An HTTP call to an endpoint of the shop's that delivers the message itself; named {@code "webhook"}. */
    public static final Channel WEBHOOK = new Channel("webhook");

    /**
     * Checks the name.
     *
     * @param name the channel's name, e.g. {@code "telegram"}
     * @throws IllegalArgumentException if {@code name} is null or not of lower-case letters, digits,
     *     {@code '_'} and {@code '-'} starting with a letter (the message names the value)
     */
    public Channel {
        checkArgument(name != null && name.matches("[a-z][a-z0-9_-]*"),
                "channel name must be lower-case letters, digits, '_' or '-', got %s",
                name == null ? "null" : "'" + name + "'");
    }

    /**
     * The channel with this name; {@code of("email")} equals {@link #EMAIL}.
     *
     * @param name the channel's name, e.g. {@code "telegram"}
     * @return the channel
     * @throws IllegalArgumentException if {@code name} is null or not a valid channel name
     */
    public static Channel of(String name) {
        return new Channel(name);
    }

    /**
     * The bare name, as in messages and the fire log.
     *
     * @return the name, e.g. {@code "email"}
     */
    @Override
    public String toString() {
        return name;
    }
}
