package dev.retention.rules.campaign;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.retention.core.CustomerId;
import java.nio.charset.StandardCharsets;

/**
 * The holdout draw computed in the tests, apart from {@code Splits}: murmur3_128 over each part's
 * char count (little-endian int) and UTF-8 bytes, the first 8 bytes' top 53 bits scaled to [0, 1).
 */
final class MurmurDraws {
    private MurmurDraws() {}

    static double unit(String... parts) {
        Hasher hasher = Hashing.murmur3_128().newHasher();
        for (String part : parts) {
            hasher.putInt(part.length()).putString(part, StandardCharsets.UTF_8);
        }
        return (hasher.hash().asLong() >>> 11) * 0x1.0p-53;
    }

    /** Whether a campaign with this id and holdout share puts the customer in its control group. */
    static boolean heldOut(String campaignId, double holdout, CustomerId customer) {
        return holdout > 0 && unit(campaignId, "holdout", customer.value()) < holdout;
    }
}
