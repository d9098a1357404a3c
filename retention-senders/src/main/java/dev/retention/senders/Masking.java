package dev.retention.senders;

import static java.util.Objects.requireNonNull;

/**
 * Masks contact data for logs: enough to tell two addresses apart in an incident, not enough to
 * read them. {@code anna@example.com} becomes {@code a***@example.com}, {@code +4915112345678}
 * becomes {@code ***5678}.
 */
public final class Masking {
    private Masking() {
    }

    /**
     * The address with its local part reduced to the first character.
     *
     * @param address an email address (or anything: a value without {@code @} is masked whole)
     * @return e.g. {@code a***@example.com}, or {@code ***} for a value without {@code @}
     */
    public static String email(String address) {
        requireNonNull(address, "address");
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.substring(0, address.offsetByCodePoints(0, 1)) + "***" + address.substring(at);
    }

    /**
     * The number with all but its last four characters hidden.
     *
     * @param phone a phone number
     * @return e.g. {@code ***5678}, or {@code ***} for a value of four characters or fewer
     */
    public static String phone(String phone) {
        requireNonNull(phone, "phone");
        return phone.length() <= 4 ? "***" : "***" + phone.substring(phone.length() - 4);
    }
}
