package dev.mynasim.auth.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;

import org.junit.jupiter.api.Test;

class CardKeysTest {

    @Test
    void cardKeysAreFreshRsa2048LikeTheRealCard() {
        KeyPair first = CardKeys.generate();
        KeyPair second = CardKeys.generate();

        assertThat(first.getPublic().getAlgorithm()).isEqualTo("RSA");
        assertThat(((RSAPublicKey) first.getPublic()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(first.getPublic()).isNotEqualTo(second.getPublic());
    }
}
