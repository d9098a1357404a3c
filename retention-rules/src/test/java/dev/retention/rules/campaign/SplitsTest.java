package dev.retention.rules.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.retention.core.CustomerId;
import dev.retention.rules.trigger.PostPurchaseTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

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

    @Test
    void drawsOfKnownCustomersArePinned() {
        // computed once outside the library (murmur3_128 as above, in jshell): a change of the
        // derivation would move existing customers between control and treatment groups
        assertThat(Splits.unit("win-back", "holdout", CustomerId.of("anna"))).isEqualTo(0.6542269699247591);
        assertThat(Splits.unit("win-back", "holdout", CustomerId.of("ben"))).isEqualTo(0.2159565254441298);
        assertThat(Splits.unit("win-back", "variant", CustomerId.of("c1"))).isEqualTo(0.1448001078087796);

        Campaign half = Campaign.builder("win-back").trigger(PostPurchaseTrigger.after(Duration.ZERO))
                .message(Message.email("we-miss-you")).holdout(0.5).build();
        assertThat(Splits.heldOut(half, CustomerId.of("anna"))).isFalse();  // 0.654
        assertThat(Splits.heldOut(half, CustomerId.of("ben"))).isTrue();    // 0.216
        assertThat(Splits.heldOut(half, CustomerId.of("carla"))).isFalse(); // 0.589
        assertThat(Splits.heldOut(half, CustomerId.of("c1"))).isTrue();     // 0.4936, just under
        Campaign none = Campaign.builder("win-back").trigger(PostPurchaseTrigger.after(Duration.ZERO))
                .message(Message.email("we-miss-you")).build();
        assertThat(Splits.heldOut(none, CustomerId.of("ben"))).isFalse();

        // weights 1 and 3: the draw times 4 falls in [0, 1) for the first, [1, 4) for the second
        Campaign ab = Campaign.builder("win-back").trigger(PostPurchaseTrigger.after(Duration.ZERO))
                .message(Message.email("we-miss-you")).variants(Variant.of("plain", "a", 1), Variant.of("coupon", "b", 3))
                .build();
        assertThat(Splits.variant(ab, CustomerId.of("c1")).map(Variant::name)).contains("plain");   // 0.58
        assertThat(Splits.variant(ab, CustomerId.of("anna")).map(Variant::name)).contains("coupon"); // 1.59
        assertThat(Splits.variant(ab, CustomerId.of("ben")).map(Variant::name)).contains("coupon");  // 2.11
    }
}
