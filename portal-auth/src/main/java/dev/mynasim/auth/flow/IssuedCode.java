package dev.mynasim.auth.flow;

import dev.mynasim.registry.api.Environment;
import java.time.Instant;

/** What an authorization code stands for until it is exchanged (RFC 6749 §4.1.2: bound to client and redirect URI). */
public record IssuedCode(Environment environment, String clientId, String redirectUri, String consentId,
                         Instant authTime, Instant expiresAt, AuthorizationTransaction.Extras extras) {

    /** Whether the code was issued by the OpenID Connect door, whose token endpoint alone exchanges it. */
    public boolean oidc() {
        return extras != null;
    }
}
