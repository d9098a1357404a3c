package dev.retention.core.profile;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A way to reach a customer: {@link #EMAIL}, {@link #SMS}, {@link #PUSH}, {@link #WEBHOOK}, or
 * any channel of your own ({@code Channel.of("telegram")}). Names are lower-case.
 */
public record Channel(String name) {
    public static final Channel EMAIL = new Channel("email");
    public static final Channel SMS = new Channel("sms");
    public static final Channel PUSH = new Channel("push");
    public static final Channel WEBHOOK = new Channel("webhook");

    public Channel {
        checkArgument(name != null && name.matches("[a-z][a-z0-9_-]*"),
                "channel name must be lower-case letters, digits, '_' or '-', got %s",
                name == null ? "null" : "'" + name + "'");
    }

    public static Channel of(String name) {
        return new Channel(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
