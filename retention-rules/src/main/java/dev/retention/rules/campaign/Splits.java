package dev.retention.rules.campaign;

import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.retention.core.CustomerId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Deterministic hashing of campaign and customer (murmur3): holdout membership, A/B variant and
 * idempotency keys depend on nothing but their inputs, so every engine, before and after a
 * restart, makes the same split.
 */
final class Splits {
    private static final HashFunction MURMUR = Hashing.murmur3_128();

    private Splits() {
    }

    /** A number in {@code [0, 1)} for the campaign, the purpose and the customer. */
    static double unit(String campaignId, String purpose, CustomerId customer) {
        long bits = hash(campaignId, purpose, customer.value()).asLong();
        return (bits >>> 11) * 0x1.0p-53;
    }

    static boolean heldOut(Campaign campaign, CustomerId customer) {
        return campaign.holdout() > 0 && unit(campaign.id(), "holdout", customer) < campaign.holdout();
    }

    static Optional<Variant> variant(Campaign campaign, CustomerId customer) {
        List<Variant> variants = campaign.variants();
        if (variants.isEmpty()) {
            return Optional.empty();
        }
        int totalWeight = variants.stream().mapToInt(Variant::weight).sum();
        double draw = unit(campaign.id(), "variant", customer) * totalWeight;
        int cumulative = 0;
        for (Variant variant : variants) {
            cumulative += variant.weight();
            if (draw < cumulative) {
                return Optional.of(variant);
            }
        }
        return Optional.of(variants.get(variants.size() - 1));
    }

    /** The idempotency key of one step of one entry: readable prefix, collision-proof hash. */
    static String key(String campaignId, CustomerId customer, int entry, int step) {
        String hash = hash(campaignId, customer.value(), Integer.toString(entry), Integer.toString(step)).toString();
        return campaignId + ":" + entry + ":" + step + ":" + hash;
    }

    /** Murmur3 of the parts, each length-prefixed, so ("ab", "c") and ("a", "bc") differ. */
    private static HashCode hash(String... parts) {
        Hasher hasher = MURMUR.newHasher();
        for (String part : parts) {
            hasher.putInt(part.length()).putString(part, StandardCharsets.UTF_8);
        }
        return hasher.hash();
    }
}
