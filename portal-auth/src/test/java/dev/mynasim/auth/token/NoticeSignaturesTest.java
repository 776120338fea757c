package dev.mynasim.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.mynasim.registry.api.Environment;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** DESIGN.md 9.11: a service checks a notice's detached signature with the published key. */
class NoticeSignaturesTest {

    @Test
    void aDetachedSignatureVerifiesOverTheExactBodyAndFailsForAnyOther() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("test-k1").keyUse(KeyUse.SIGNATURE).generate();
        NoticeSignatures signatures = new NoticeSignatures();
        signatures.keys = new SigningKeys() {
            @Override
            public synchronized RSAKey signingKey(Environment environment) {
                return key;
            }
        };
        byte[] body = "{\"commonHeader\":{\"processId\":\"p-1\"}}".getBytes(StandardCharsets.UTF_8);

        String jws = signatures.signDetached(Environment.TEST, body);

        assertThat(jws).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");
        JWSObject parsed = JWSObject.parse(jws, new Payload(body));
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(parsed.getHeader().getKeyID()).isEqualTo("test-k1");
        assertThat(parsed.verify(new RSASSAVerifier(key.toPublicJWK()))).isTrue();
        JWSObject tampered = JWSObject.parse(jws, new Payload("{\"commonHeader\":{\"processId\":\"p-2\"}}"));
        assertThat(tampered.verify(new RSASSAVerifier(key.toPublicJWK()))).isFalse();
    }
}
