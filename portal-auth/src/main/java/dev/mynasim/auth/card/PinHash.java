package dev.mynasim.auth.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stored form of a card's PIN: a keyed hash, HMAC-SHA256 with a key derived from the server secret (DESIGN.md 4).
 * With 10,000 possible PINs a slow hash protects nothing, since anyone holding hashes and the key tries them all in
 * a moment; what protects the PIN is the server key staying out of the database, and the lock after 3 failures.
 * The card serial is hashed in, so two cards with the same PIN do not show equal hashes.
 */
public final class PinHash {

    static final String PURPOSE = "pin";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    /** @param serverSecret at least 32 bytes, like every key derived from the server secret ({@link SealedBox}) */
    public PinHash(byte[] serverSecret) {
        if (serverSecret == null || serverSecret.length < SealedBox.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "the server secret must be at least " + SealedBox.MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(derive(serverSecret, PURPOSE), HMAC);
    }

    /** base64url (no padding) of HMAC-SHA256(key, cardSerial ":" digits). */
    public String hash(String cardSerial, Pin pin) {
        Objects.requireNonNull(cardSerial, "cardSerial");
        Objects.requireNonNull(pin, "pin");
        byte[] mac = hmac(key, (cardSerial + ":" + pin.value()).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    /** Compares in constant time, so response timing does not leak how much of a guess was right. */
    public boolean matches(String cardSerial, Pin pin, String stored) {
        if (stored == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(cardSerial, pin).getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    /** HMAC-SHA256(serverSecret, "mynasim/" + purpose): one key per use of the server secret. */
    static byte[] derive(byte[] serverSecret, String purpose) {
        return hmac(new SecretKeySpec(serverSecret, HMAC), ("mynasim/" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
