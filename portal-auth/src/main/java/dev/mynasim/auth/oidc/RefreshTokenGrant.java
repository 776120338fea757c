package dev.mynasim.auth.oidc;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.mynasim.auth.client.ClientAuthentication.AuthenticatedClient;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.protocol.Parameters;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.auth.token.RefreshTokens;
import dev.mynasim.registry.api.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * RFC 6749 §6 with rotation: the old refresh token dies, a new one comes with the new access token, which is bound to
 * the certificate the refresh came with (RFC 8705 §3).
 */
@ApplicationScoped
public class RefreshTokenGrant implements GrantHandler {

    private final AccessTokens tokens;
    private final GrantWrites writes;

    @Inject
    public RefreshTokenGrant(AccessTokens tokens, GrantWrites writes) {
        this.tokens = tokens;
        this.writes = writes;
    }

    /** For the container's proxy. */
    protected RefreshTokenGrant() {
        this(null, null);
    }

    @Override
    public GrantType type() {
        return GrantType.REFRESH_TOKEN;
    }

    @Override
    public AccessTokenResponse grant(Environment environment, Map<String, List<String>> form, AuthenticatedClient client) {
        GrantWrites.Written written;
        try {
            written = writes.rotate(Parameters.required(form, "refresh_token"), client.service().clientId().toString(),
                    environment);
        } catch (RefreshTokens.Refused e) {
            throw new OAuthError(400, "invalid_grant", e.getMessage());
        }
        OAuthGrant grant = written.grant();
        AccessTokens.Issued token = tokens.issue(grant, GrantScopes.of(grant), client.certificate());
        return new AccessTokenResponse(new Tokens(token.bearer(), new RefreshToken(written.refreshToken())));
    }
}
