package dev.mynasim.auth.oidc;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.mynasim.auth.client.ClientAuthentication.AuthenticatedClient;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.flow.CodeStore;
import dev.mynasim.auth.flow.IssuedCode;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.protocol.Parameters;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RequestFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * RFC 6749 §4.1.3 at the OpenID Connect door: the code is redeemed as on the other door, the PKCE verifier must match
 * the challenge (RFC 7636 §4.6), and an access token (bound to the TLS client certificate of a {@code tls_client_auth}
 * client, RFC 8705 §3), a refresh token and an ID token are issued.
 */
@ApplicationScoped
public class AuthorizationCodeGrant implements GrantHandler {

    private final CodeStore codes;
    private final GrantWrites writes;
    private final AccessTokens tokens;
    private final IdTokens idTokens;

    @Inject
    public AuthorizationCodeGrant(CodeStore codes, GrantWrites writes, AccessTokens tokens, IdTokens idTokens) {
        this.codes = codes;
        this.writes = writes;
        this.tokens = tokens;
        this.idTokens = idTokens;
    }

    /** For the container's proxy. */
    protected AuthorizationCodeGrant() {
        this(null, null, null, null);
    }

    @Override
    public GrantType type() {
        return GrantType.AUTHORIZATION_CODE;
    }

    @Override
    public AccessTokenResponse grant(Environment environment, Map<String, List<String>> form, AuthenticatedClient client) {
        RegisteredService service = client.service();
        String code = Parameters.required(form, "code");
        IssuedCode issued = codes.redeem(environment, service.clientId().toString(), code,
                Parameters.required(form, "redirect_uri"));
        if (!issued.oidc()) {
            throw new OAuthError(400, "invalid_grant", "the code was issued by the Mynaportal-compatible door; exchange it there");
        }
        if (issued.extras().codeChallenge() != null) {
            RequestFacts.note("code.challenge", issued.extras().codeChallenge());
            checkVerifier(Parameters.required(form, "code_verifier"), issued.extras().codeChallenge());
        }
        GrantWrites.Written written = writes.grant(issued);
        OAuthGrant grant = written.grant();
        // after the commit: a replay of the code finds the grant to revoke
        codes.markUsed(code, grant.id());
        AccessTokens.Issued token = tokens.issue(grant, GrantScopes.of(grant), client.certificate());
        String idToken = idTokens.issue(grant, service, issued.extras().nonce(), token.token());
        return new OIDCTokenResponse(new OIDCTokens(idToken, token.bearer(), new RefreshToken(written.refreshToken())));
    }

    /** RFC 7636 §4.6: S256 of the verifier is the challenge of the authorization request. */
    static void checkVerifier(String verifier, String challenge) {
        try {
            if (!CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue().equals(challenge)) {
                throw new OAuthError(400, "invalid_grant", "code_verifier does not match the code_challenge (RFC 7636 §4.6)");
            }
        } catch (IllegalArgumentException e) {
            throw new OAuthError(400, "invalid_grant", "code_verifier is not 43 to 128 unreserved characters (RFC 7636 §4.1)");
        }
    }
}
