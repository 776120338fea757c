package dev.mynasim.auth.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class PinHashTest {

    private static final byte[] SECRET = "a server secret of 32 bytes!!!!!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANOTHER_SECRET = "another server secret, 32 bytes!".getBytes(StandardCharsets.US_ASCII);

    private final PinHash pinHash = new PinHash(SECRET);

    @Test
    void theStoredHashMatchesTheRightPinOnly() {
        String stored = pinHash.hash("CARD-0001", new Pin("1234"));

        assertThat(pinHash.matches("CARD-0001", new Pin("1234"), stored)).isTrue();
        assertThat(pinHash.matches("CARD-0001", new Pin("1235"), stored)).isFalse();
        assertThat(pinHash.matches("CARD-0001", new Pin("0000"), stored)).isFalse();
        assertThat(pinHash.matches("CARD-0001", new Pin("1234"), null)).isFalse();
        assertThat(pinHash.matches("CARD-0001", new Pin("1234"), "")).isFalse();
    }

    @Test
    void theSamePinOnTwoCardsHashesDifferently() {
        String first = pinHash.hash("CARD-0001", new Pin("1234"));
        String second = pinHash.hash("CARD-0002", new Pin("1234"));

        assertThat(first).isNotEqualTo(second);
        assertThat(pinHash.matches("CARD-0002", new Pin("1234"), first)).isFalse();
    }

    @Test
    void anotherServerSecretGivesAnotherHash() {
        String stored = pinHash.hash("CARD-0001", new Pin("1234"));
        PinHash other = new PinHash(ANOTHER_SECRET);

        assertThat(other.hash("CARD-0001", new Pin("1234"))).isNotEqualTo(stored);
        assertThat(other.matches("CARD-0001", new Pin("1234"), stored)).isFalse();
    }

    @Test
    void aStoredHashStillMatchesAfterARestartWithTheSameSecret() {
        String stored = pinHash.hash("CARD-0001", new Pin("1234"));

        assertThat(new PinHash(SECRET.clone()).matches("CARD-0001", new Pin("1234"), stored)).isTrue();
    }

    @Test
    void theHashIsBase64UrlOfAnHmacKeyedByADerivedKeyOverSerialAndPin() throws Exception {
        Mac derive = Mac.getInstance("HmacSHA256");
        derive.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] key = derive.doFinal("mynasim/pin".getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal("CARD-0001:1234".getBytes(StandardCharsets.UTF_8));

        String hash = pinHash.hash("CARD-0001", new Pin("1234"));

        assertThat(hash).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected));
        assertThat(hash).hasSize(43).doesNotContain("1234");
    }

    @Test
    void aServerSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new PinHash(Arrays.copyOf(SECRET, 31))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PinHash(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
