package dev.mynasim.auth.oidc;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.client.ClientAuthentication;
import dev.mynasim.auth.client.ClientAuthentication.Accepts;
import dev.mynasim.auth.client.ClientAuthentication.AuthenticatedClient;
import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.flow.AuthorizationFaults;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.protocol.Parameters;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.auth.token.JwtAccessTokenVerifier;
import dev.mynasim.auth.token.RefreshTokens;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The token endpoint of the OpenID Connect door and its RFC 7662 / RFC 7009 companions: the client authenticates
 * ({@link ClientAuthentication}), then the grant type's {@link GrantHandler} answers.
 */
@ApplicationScoped
public class OidcTokenEndpoint {

    private final ClientAuthentication clients;
    private final Map<GrantType, GrantHandler> grants;
    private final AuthorizationFaults faults;
    private final Consents consents;
    private final AccessTokens tokens;
    private final RefreshTokens refreshTokens;
    private final IdTokens idTokens;
    private final JwtAccessTokenVerifier verifier;

    @Inject
    public OidcTokenEndpoint(ClientAuthentication clients, Instance<GrantHandler> grants, AuthorizationFaults faults,
                             Consents consents, AccessTokens tokens, RefreshTokens refreshTokens, IdTokens idTokens,
                             JwtAccessTokenVerifier verifier) {
        this(clients, (Iterable<GrantHandler>) grants, faults, consents, tokens, refreshTokens, idTokens, verifier);
    }

    /** {@code grants}: one handler per grant type. */
    OidcTokenEndpoint(ClientAuthentication clients, Iterable<GrantHandler> grants, AuthorizationFaults faults,
                      Consents consents, AccessTokens tokens, RefreshTokens refreshTokens, IdTokens idTokens,
                      JwtAccessTokenVerifier verifier) {
        this.clients = clients;
        this.grants = grants == null ? Map.of() : StreamSupport.stream(grants.spliterator(), false)
                .collect(Collectors.toUnmodifiableMap(GrantHandler::type, Function.identity()));
        this.faults = faults;
        this.consents = consents;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.idTokens = idTokens;
        this.verifier = verifier;
    }

    /** For the container's proxy. */
    protected OidcTokenEndpoint() {
        this(null, (Iterable<GrantHandler>) null, null, null, null, null, null, null);
    }

    /** RFC 6749 §5.1 with OpenID Connect Core §3.1.3.3: the code's answer carries the ID token, a refresh's does not. */
    public AccessTokenResponse exchange(Environment environment, Map<String, List<String>> form,
                                        Optional<String> authorization, PresentedCertificate presented) {
        Parameters.repeated(form).ifPresent(name -> {
            throw new OAuthError(400, "invalid_request", "parameter " + name + " is repeated (RFC 6749 §3.2)");
        });
        GrantHandler handler = grants.get(new GrantType(Parameters.required(form, "grant_type")));
        if (handler == null) {
            throw new OAuthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
        }
        AuthenticatedClient client = clients.authenticate(environment, form, authorization, presented, Accepts.ANY);
        faults.token(environment, client.service().clientId());
        return handler.grant(environment, form, client);
    }

    /**
     * RFC 7662 introspection for an authenticated client (a public client cannot authenticate, so it gets 401): about
     * its own tokens only; anything else is {@code active: false}.
     */
    public TokenIntrospectionSuccessResponse introspect(Environment environment, Map<String, List<String>> form,
                                                        Optional<String> authorization, PresentedCertificate presented) {
        RegisteredService caller = clients.authenticate(environment, form, authorization, presented, Accepts.CONFIDENTIAL).service();
        String value = Parameters.required(form, "token");
        TokenIntrospectionSuccessResponse inactive = new TokenIntrospectionSuccessResponse.Builder(false).build();
        try {
            var verified = verifier.verifyAbout(value, environment);
            if (!verified.client().equals(caller.clientId())) {
                return inactive;
            }
            var active = new TokenIntrospectionSuccessResponse.Builder(true)
                    .tokenType(new AccessTokenType("access_token"))
                    .clientID(new ClientID(verified.client().toString()))
                    .subject(new Subject(verified.subject()))
                    // the APIs only, and empty when the token reaches none (Scope would leave the member out)
                    .parameter("scope", String.join(" ", verified.apis().stream().map(MynaApi::code).sorted().toList()))
                    .expirationTime(Date.from(verified.expiresAt()))
                    .issuer(new Issuer(tokens.issuer(environment)))
                    .parameter("auth_time", verified.authTime().getEpochSecond())
                    .parameter("verification_skipped", verified.verificationSkipped());
            // RFC 8705 §3.2: the confirmation of a certificate-bound token
            verified.certificateThumbprint().ifPresent(t -> active.x509CertificateSHA256Thumbprint(new Base64URL(t)));
            return active.build();
        } catch (dev.mynasim.auth.api.TokenRejected notAnAccessToken) {
            return refreshTokens.grantOf(value)
                    .filter(grant -> grant.client().equals(caller.clientId()) && grant.environment() == environment)
                    .filter(grant -> refreshTokens.usable(value) && consents.stands(grant))
                    .map(grant -> new TokenIntrospectionSuccessResponse.Builder(true)
                            .tokenType(new AccessTokenType("refresh_token"))
                            .clientID(new ClientID(grant.client().toString()))
                            .subject(new Subject(idTokens.subject(grant)))
                            .scope(Scope.parse(GrantScopes.of(grant)))
                            .build())
                    .orElse(inactive);
        }
    }

    /**
     * RFC 7009: revoking an access or refresh token revokes the grant behind it, and with it every token of the grant.
     * The answer is the same whether or not the token was known (§2.2).
     */
    public void revoke(Environment environment, Map<String, List<String>> form, Optional<String> authorization,
                       PresentedCertificate presented) {
        RegisteredService caller = clients.authenticate(environment, form, authorization, presented, Accepts.ANY).service();
        String value = Parameters.required(form, "token");
        Optional<OAuthGrant> grant;
        try {
            grant = consents.findGrant(verifier.verifyAbout(value, environment).grantId());
        } catch (dev.mynasim.auth.api.TokenRejected notAnAccessToken) {
            grant = refreshTokens.grantOf(value);
        }
        grant.filter(g -> g.client().equals(caller.clientId()) && g.environment() == environment)
                .ifPresent(g -> consents.revokeGrant(g.id(), "revoked by the client (RFC 7009)", caller.clientId().toString()));
    }

}
