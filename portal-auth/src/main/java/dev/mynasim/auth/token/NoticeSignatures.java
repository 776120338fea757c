package dev.mynasim.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.RSAKey;
import dev.mynasim.auth.api.NoticeSigner;
import dev.mynasim.registry.api.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Detached RS256 signatures (RFC 7515 Appendix F) with the environment's current access-token key. */
@ApplicationScoped
public class NoticeSignatures implements NoticeSigner {

    @Inject
    SigningKeys keys;

    @Override
    public String signDetached(Environment environment, byte[] body) {
        RSAKey key = keys.signingKey(environment);
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new Payload(body));
        try {
            jws.sign(keys.signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a notice", e);
        }
        return jws.serialize(true);
    }
}
