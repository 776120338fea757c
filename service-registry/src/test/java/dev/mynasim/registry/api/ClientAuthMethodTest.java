package dev.mynasim.registry.api;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAuthMethodTest {

    @ParameterizedTest
    @CsvSource({
            "none,            NONE",
            "private_key_jwt, PRIVATE_KEY_JWT",
            "tls_client_auth, TLS_CLIENT_AUTH",
            "client_secret_basic, CLIENT_SECRET_BASIC",
            "client_secret_post, CLIENT_SECRET_POST"
    })
    void clientAuthMethodIsFoundByItsOAuthRegistryName(String code, ClientAuthMethod expected) {
        assertThat(ClientAuthMethod.fromCode(code)).isEqualTo(expected);
        assertThat(expected.code()).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"NONE", "PRIVATE_KEY_JWT", "private-key-jwt", "client_secret_jwt",
            "self_signed_tls_client_auth", " none"})
    void unknownOrUnsupportedClientAuthMethodIsRefused(String code) {
        assertInvalid(() -> ClientAuthMethod.fromCode(code), "clientAuth", "client-auth-unknown");
    }
}
