package dev.mynasim.auth.card;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/** Key pairs of virtual cards: RSA 2048, the size of the real card's 利用者証明用電子証明書 key (DESIGN.md 4). */
public final class CardKeys {

    static final int KEY_SIZE = 2048;

    private CardKeys() {
    }

    /** A fresh RSA 2048 key pair from the JDK's default provider. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required of every Java platform", e);
        }
    }
}
