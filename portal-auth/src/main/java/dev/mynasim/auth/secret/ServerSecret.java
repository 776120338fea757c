package dev.mynasim.auth.secret;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code mynasim.server.key}: at least 32 random bytes, base64. Card private keys, the CA key and signing keys are
 * sealed with keys derived from it, PINs hashed with another; so every node of a cluster needs the same value, and
 * production mode refuses the default (README).
 */
@ApplicationScoped
public class ServerSecret {

    private byte[] secret;

    @Inject
    void configure(@ConfigProperty(name = "mynasim.server.key") String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("mynasim.server.key must be base64 (e.g. openssl rand -base64 32)", e);
        }
        if (decoded.length < 32) {
            throw new IllegalStateException("mynasim.server.key must hold at least 32 bytes, it holds " + decoded.length);
        }
        this.secret = decoded;
    }

    public byte[] bytes() {
        return secret.clone();
    }
}
