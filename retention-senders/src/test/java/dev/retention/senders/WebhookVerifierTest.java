package dev.retention.senders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retention.senders.WebhookVerifier.InvalidSignatureException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {
    private static final String SECRET = "whsec_test";
    private static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
    private static final byte[] BODY = "{\"campaign\":\"winback\"}".getBytes(StandardCharsets.UTF_8);
    private final WebhookVerifier verifier =
            WebhookVerifier.of(SECRET, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void knownVectorMatchesAnIndependentHmac() {
        // HMAC-SHA256("whsec_test", "1772446530.{\"campaign\":\"winback\"}"), computed with openssl
        assertThat(WebhookSignature.header(SECRET, NOW, BODY))
                .isEqualTo("t=1772446530,v1=f0afde1b09d26f5c0840134ef199698e74e57864624453f9e0a35bcf6c9e6616");
    }

    @Test
    void acceptsAFreshSignatureWithinTheWindowEitherWay() {
        assertThat(verifier.isValid(WebhookSignature.header(SECRET, NOW.minusSeconds(300), BODY), BODY)).isTrue();
        assertThat(verifier.isValid(WebhookSignature.header(SECRET, NOW.plusSeconds(300), BODY), BODY)).isTrue();
    }

    @Test
    void refusesAReplayOutsideTheWindow() {
        String old = WebhookSignature.header(SECRET, NOW.minusSeconds(301), BODY);
        assertThatThrownBy(() -> verifier.verify(old, BODY)).isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("replay window");
        assertThat(verifier.isValid(WebhookSignature.header(SECRET, NOW.plusSeconds(301), BODY), BODY)).isFalse();
    }

    @Test
    void refusesATamperedBodyAForgedTimestampAndMalformedHeaders() {
        String header = WebhookSignature.header(SECRET, NOW, BODY);
        byte[] tampered = "{\"campaign\":\"winbacK\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verify(header, tampered)).hasMessageContaining("no v1 signature matches");
        String shifted = header.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() - 1));
        assertThat(verifier.isValid(shifted, BODY)).isFalse();
        assertThatThrownBy(() -> verifier.verify(null, BODY)).hasMessageContaining("missing Retention-Signature");
        assertThatThrownBy(() -> verifier.verify("t=abc,v1=00", BODY)).hasMessageContaining("t=abc");
        assertThatThrownBy(() -> verifier.verify("v1=00", BODY)).hasMessageContaining("needs t= and v1=");
        assertThatThrownBy(() -> verifier.verify("garbage", BODY)).hasMessageContaining("'garbage'");
    }

    @Test
    void anyOfSeveralV1SignaturesMayMatchWhileASecretRotates() {
        String current = WebhookSignature.header(SECRET, NOW, BODY);
        String old = WebhookSignature.header("old secret", NOW, BODY);
        String both = old + "," + current.substring(current.indexOf("v1="));

        assertThat(verifier.isValid(both, BODY)).isTrue();
    }

    @Property(tries = 50)
    void aSignedBodyVerifiesAndAnyChangedByteDoesNot(@ForAll byte[] body, @ForAll int position) {
        String header = WebhookSignature.header(SECRET, NOW, body);
        assertThat(verifier.isValid(header, body)).isTrue();
        if (body.length > 0) {
            byte[] changed = body.clone();
            int i = Math.floorMod(position, body.length);
            changed[i] = (byte) (changed[i] ^ 1);
            assertThat(verifier.isValid(header, changed)).isFalse();
        }
    }

    @Test
    void badSettingsAreRefused() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> WebhookVerifier.of("", Duration.ofMinutes(5), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> WebhookVerifier.of(SECRET, Duration.ofSeconds(-1), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replayWindow").hasMessageContaining("PT-1S");
    }
}
