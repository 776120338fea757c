package dev.mynasim.auth.card;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest (card and CA private keys), so a database dump alone does not hand out keys.
 * The key is derived from the server secret per purpose; the associated data binds a box to its owner (e.g. the card
 * serial), so a sealed key copied onto another card's row does not open.
 *
 * <p>Format: version byte {@value #VERSION} | 12-byte random IV | ciphertext with the 16-byte tag.
 */
public final class SealedBox {

    static final byte VERSION = 1;
    static final int MIN_SECRET_BYTES = 32;

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    /**
     * @param serverSecret at least 32 bytes, the strength of the AES-256 key derived from it
     * @param purpose      separates the keys of different uses of the same secret; {@code pin} is taken by
     *                     {@link PinHash}, whose HMAC key is derived the same way
     */
    public SealedBox(byte[] serverSecret, String purpose) {
        if (serverSecret == null || serverSecret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the server secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a sealed box needs a purpose");
        }
        if (purpose.equals(PinHash.PURPOSE)) {
            throw new IllegalArgumentException("the purpose '" + PinHash.PURPOSE + "' is the PIN hash key's");
        }
        this.key = new SecretKeySpec(PinHash.derive(serverSecret, purpose), "AES");
    }

    public byte[] seal(byte[] plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + ciphertext.length)
                    .put(VERSION).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java platform", e);
        }
    }

    /** @throws IllegalStateException whatever went wrong; the reason is not told apart, as GCM cannot tell either */
    public byte[] open(byte[] sealed, String associatedData) {
        Objects.requireNonNull(associatedData, "associatedData");
        if (sealed == null || sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw cannotOpen(null);
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + IV_BYTES)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw cannotOpen(e);
        }
    }

    private static IllegalStateException cannotOpen(Exception cause) {
        return new IllegalStateException("cannot open: wrong key, associated data or a changed box", cause);
    }
}
