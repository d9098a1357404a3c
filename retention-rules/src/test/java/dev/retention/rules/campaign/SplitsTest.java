package dev.retention.rules.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.retention.core.CustomerId;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Idempotency keys end up in fire logs and at senders, so their derivation must not change
 * between versions: murmur3 over each part's char count (little-endian int) and UTF-8 bytes.
 */
class SplitsTest {

    @Property(tries = 300)
    void keysAreTheStreamingMurmurOfTheLengthPrefixedParts(@ForAll @StringLength(min = 1, max = 20) String campaign,
            @ForAll @StringLength(min = 1, max = 20) String customer, @ForAll @IntRange(min = 1, max = 10_000) int entry,
            @ForAll @IntRange(min = 0, max = 50) int step) {
        String campaignId = campaign.isBlank() ? "c" + campaign : campaign;
        String customerId = customer.isBlank() ? "x" + customer : customer;
        Hasher expected = Hashing.murmur3_128().newHasher();
        for (String part : new String[] {campaignId, customerId, Integer.toString(entry), Integer.toString(step)}) {
            expected.putInt(part.length()).putString(part, StandardCharsets.UTF_8);
        }
        assertThat(Splits.key(campaignId, CustomerId.of(customerId), entry, step))
                .isEqualTo(campaignId + ":" + entry + ":" + step + ":" + expected.hash());
    }

    @Property(tries = 100)
    void holdoutDrawsAreTheStreamingMurmurScaledToTheUnitInterval(@ForAll @StringLength(min = 1, max = 12) String customer) {
        CustomerId id = CustomerId.of(customer.isBlank() ? "x" + customer : customer);
        Hasher expected = Hashing.murmur3_128().newHasher();
        for (String part : new String[] {"win-back", "holdout", id.value()}) {
            expected.putInt(part.length()).putString(part, StandardCharsets.UTF_8);
        }
        double draw = Splits.unit("win-back", "holdout", id);
        assertThat(draw).isEqualTo((expected.hash().asLong() >>> 11) * 0x1.0p-53).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    }
}
