package dev.mynasim.auth.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class SealedBoxTest {

    private static final byte[] SECRET = "a server secret of 32 bytes!!!!!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ANOTHER_SECRET = "another server secret, 32 bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PRIVATE_KEY = "pkcs#8 bytes of a card key".getBytes(StandardCharsets.US_ASCII);
    private static final String CANNOT_OPEN = "cannot open: wrong key, associated data or a changed box";

    private final SealedBox box = new SealedBox(SECRET, "card-key");

    @Test
    void whatIsSealedOpensWithTheSameSecretPurposeAndAssociatedData() {
        byte[] sealed = box.seal(PRIVATE_KEY, "CARD-0001");

        assertThat(new SealedBox(SECRET, "card-key").open(sealed, "CARD-0001")).isEqualTo(PRIVATE_KEY);
        assertThat(sealed).hasSize(1 + 12 + PRIVATE_KEY.length + 16);
        assertThat(sealed[0]).isEqualTo((byte) 1);
    }

    @Test
    void aBoxIsAes256GcmWithAKeyDerivedFromTheServerSecret() throws Exception {
        byte[] sealed = box.seal(PRIVATE_KEY, "CARD-0001");

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] key = mac.doFinal("mynasim/card-key".getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(sealed, 1, 13)));
        cipher.updateAAD("CARD-0001".getBytes(StandardCharsets.UTF_8));

        assertThat(cipher.doFinal(sealed, 13, sealed.length - 13)).isEqualTo(PRIVATE_KEY);
    }

    @Test
    void aKeySealedForOneCardDoesNotOpenForAnother() {
        byte[] sealed = box.seal(PRIVATE_KEY, "CARD-0001");

        assertThatThrownBy(() -> box.open(sealed, "CARD-0002"))
                .isInstanceOf(IllegalStateException.class).hasMessage(CANNOT_OPEN);
    }

    @Test
    void aBoxDoesNotOpenWithAnotherSecretOrPurpose() {
        byte[] sealed = box.seal(PRIVATE_KEY, "CARD-0001");

        assertThatThrownBy(() -> new SealedBox(ANOTHER_SECRET, "card-key").open(sealed, "CARD-0001"))
                .isInstanceOf(IllegalStateException.class).hasMessage(CANNOT_OPEN);
        assertThatThrownBy(() -> new SealedBox(SECRET, "ca-key").open(sealed, "CARD-0001"))
                .isInstanceOf(IllegalStateException.class).hasMessage(CANNOT_OPEN);
    }

    @Test
    void aBoxWithAnyByteChangedDoesNotOpen() {
        byte[] sealed = box.seal(PRIVATE_KEY, "CARD-0001");

        for (int i = 0; i < sealed.length; i++) {
            byte[] changed = sealed.clone();
            changed[i] ^= 0x01;
            assertThatThrownBy(() -> box.open(changed, "CARD-0001"))
                    .as("byte %d flipped", i)
                    .isInstanceOf(IllegalStateException.class).hasMessage(CANNOT_OPEN);
        }
    }

    @Test
    void aTruncatedEmptyOrMissingBoxDoesNotOpen() {
        byte[] sealed = box.seal(PRIVATE_KEY, "CARD-0001");

        assertThatThrownBy(() -> box.open(Arrays.copyOf(sealed, sealed.length - 1), "CARD-0001"))
                .isInstanceOf(IllegalStateException.class).hasMessage(CANNOT_OPEN);
        assertThatThrownBy(() -> box.open(new byte[0], "CARD-0001"))
                .isInstanceOf(IllegalStateException.class).hasMessage(CANNOT_OPEN);
        assertThatThrownBy(() -> box.open(null, "CARD-0001"))
                .isInstanceOf(IllegalStateException.class).hasMessage(CANNOT_OPEN);
    }

    @Test
    void twoSealsOfTheSamePlaintextDifferBecauseTheIvIsRandom() {
        byte[] first = box.seal(PRIVATE_KEY, "CARD-0001");
        byte[] second = box.seal(PRIVATE_KEY, "CARD-0001");

        assertThat(first).isNotEqualTo(second);
        assertThat(Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
    }

    @Test
    void aServerSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new SealedBox(Arrays.copyOf(SECRET, 31), "card-key"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedBox(null, "card-key"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePurposeOfThePinHashKeyIsNotAvailable() {
        assertThatThrownBy(() -> new SealedBox(SECRET, "pin")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedBox(SECRET, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
