package dev.mynasim.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientAuthenticationVerifier;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientCredentialsSelector;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.Subject;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.flow.AuthorizationFaults;
import dev.mynasim.auth.flow.CodeStore;
import dev.mynasim.auth.flow.FlowStore;
import dev.mynasim.auth.flow.IssuedCode;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.protocol.Parameters;
import dev.mynasim.auth.tls.ClientCertificates;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.auth.token.RefreshTokens;
import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RequestFacts;
import dev.mynasim.registry.api.ServiceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The token endpoint of the OpenID Connect door: the client authenticates ({@code private_key_jwt} per RFC 7523,
 * {@code tls_client_auth} per RFC 8705, secrets or {@code none} for TEST registrations), the code is redeemed as on
 * the other door, the PKCE verifier must match the challenge (RFC 7636 §4.6), and an access token (bound to the TLS
 * client certificate of a {@code tls_client_auth} client, RFC 8705 §3) and an ID token are issued.
 */
@ApplicationScoped
public class OidcTokenEndpoint {

    /** RFC 7523 leaves the lifetime of a client assertion open; a short one limits replay. */
    static final long MAX_ASSERTION_SECONDS = 300;

    @Inject
    CodeStore codes;

    @Inject
    ServiceDirectory directory;

    @Inject
    Consents consents;

    @Inject
    AccessTokens tokens;

    @Inject
    IdTokens idTokens;

    @Inject
    FlowStore store;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    RemoteJwks remoteJwks;

    @Inject
    dev.mynasim.auth.token.JwtAccessTokenVerifier verifier;

    @Inject
    AuthorizationFaults faults;

    @Inject
    ClientCertificates certificates;

    public static String tokenEndpoint(AccessTokens tokens, Environment environment) {
        return OidcPaths.at(tokens.issuer(environment), OidcPaths.TOKEN);
    }

    /** The client that authenticated, and the thumbprint of its TLS certificate when that is how (RFC 8705 §2). */
    private record Client(RegisteredService service, Optional<String> certificate) {
    }

    /** RFC 6749 §5.1 with OpenID Connect Core §3.1.3.3: the code's answer carries the ID token, a refresh's does not. */
    public AccessTokenResponse exchange(Environment environment, Map<String, List<String>> form,
                                        Optional<String> authorization, PresentedCertificate presented) {
        form.entrySet().stream().filter(e -> e.getValue().size() > 1).findFirst().ifPresent(e -> {
            throw new OAuthError(400, "invalid_request", "parameter " + e.getKey() + " is repeated (RFC 6749 §3.2)");
        });
        String grantType = Parameters.required(form, "grant_type");
        if (grantType.equals("refresh_token")) {
            return refresh(environment, form, authorization, presented);
        }
        if (!grantType.equals("authorization_code")) {
            throw new OAuthError(400, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
        }
        Client client = authenticate(environment, form, authorization, presented, true);
        RegisteredService service = client.service();
        faults.token(environment, service.clientId());
        String code = Parameters.required(form, "code");
        IssuedCode issued = codes.redeem(environment, service.clientId().toString(), code,
                Parameters.required(form, "redirect_uri"));
        if (!issued.oidc()) {
            throw new OAuthError(400, "invalid_grant", "the code was issued by the Mynaportal-compatible door; exchange it there");
        }
        if (issued.extras().codeChallenge() != null) {
            RequestFacts.note("code.challenge", issued.extras().codeChallenge());
            String verifier = Parameters.required(form, "code_verifier");
            try {
                if (!CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue()
                        .equals(issued.extras().codeChallenge())) {
                    throw new OAuthError(400, "invalid_grant", "code_verifier does not match the code_challenge (RFC 7636 §4.6)");
                }
            } catch (IllegalArgumentException e) {
                throw new OAuthError(400, "invalid_grant", "code_verifier is not 43 to 128 unreserved characters (RFC 7636 §4.1)");
            }
        }
        OAuthGrant grant = consents.grant(issued.consentId(), issued.authTime(), issued.extras().attributes(), "portal");
        AccessTokens.Issued token = tokens.issue(grant, scope(grant), client.certificate());
        codes.markUsed(code, grant.id());
        tokens.audit("token.issue", grant, token);
        RefreshToken refreshToken = new RefreshToken(refreshTokens.issue(grant));
        String idToken = idTokens.issue(grant, service, issued.extras().nonce(), token.token());
        return new OIDCTokenResponse(new OIDCTokens(idToken, token.bearer(), refreshToken));
    }

    /** RFC 6749 §6 with rotation: the old refresh token dies, a new one comes with the new access token. */
    private AccessTokenResponse refresh(Environment environment, Map<String, List<String>> form,
                                        Optional<String> authorization, PresentedCertificate presented) {
        Client client = authenticate(environment, form, authorization, presented, true);
        RegisteredService service = client.service();
        faults.token(environment, service.clientId());
        OAuthGrant grant;
        try {
            grant = refreshTokens.use(Parameters.required(form, "refresh_token"), service.clientId().toString());
        } catch (RefreshTokens.Refused e) {
            throw new OAuthError(400, "invalid_grant", e.getMessage());
        }
        if (grant.environment() != environment) {
            throw new OAuthError(400, "invalid_grant", "the refresh token belongs to another environment");
        }
        // RFC 8705 §3: the new access token is bound to the certificate the refresh came with
        AccessTokens.Issued token = tokens.issue(grant, scope(grant), client.certificate());
        tokens.audit("token.refresh", grant, token);
        return new AccessTokenResponse(new Tokens(token.bearer(), new RefreshToken(refreshTokens.issue(grant))));
    }

    /**
     * RFC 7662 introspection for an authenticated client (a public client cannot authenticate, so it gets 401): about
     * its own tokens only; anything else is {@code active: false}.
     */
    public TokenIntrospectionSuccessResponse introspect(Environment environment, Map<String, List<String>> form,
                                                        Optional<String> authorization, PresentedCertificate presented) {
        RegisteredService caller = authenticate(environment, form, authorization, presented, false).service();
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
                            .scope(Scope.parse(scope(grant)))
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
        RegisteredService caller = authenticate(environment, form, authorization, presented, true).service();
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

    /** {@code openid}, the consented attributes and the APIs of the grant. */
    private static String scope(OAuthGrant grant) {
        List<String> scope = new ArrayList<>(List.of("openid"));
        scope.addAll(grant.attributes());
        scope.addAll(grant.apis().stream().map(MynaApi::code).sorted().toList());
        return String.join(" ", scope);
    }

    /**
     * The calling client, by the method its registration chose: an RFC 7523 assertion, a secret in HTTP Basic or in
     * the form (RFC 6749 §2.3.1; TEST only), its TLS client certificate (RFC 8705 §2: {@code client_id} in the form),
     * or, with {@code allowNone}, a public TEST client naming itself.
     */
    private Client authenticate(Environment environment, Map<String, List<String>> form,
                                Optional<String> authorization, PresentedCertificate presented, boolean allowNone) {
        if (Parameters.single(form, "client_assertion_type").isPresent()
                || Parameters.single(form, "client_assertion").isPresent()) {
            return new Client(privateKeyJwt(environment, form), Optional.empty());
        }
        Optional<String> basic = authorization.filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
        if (basic.isPresent()) {
            String[] pair = basicCredentials(basic.get().substring(6).trim());
            return new Client(secret(environment, pair[0], pair[1], ClientAuthMethod.CLIENT_SECRET_BASIC), Optional.empty());
        }
        Optional<String> postedSecret = Parameters.single(form, "client_secret");
        if (postedSecret.isPresent()) {
            return new Client(secret(environment, Parameters.required(form, "client_id"), postedSecret.get(),
                    ClientAuthMethod.CLIENT_SECRET_POST), Optional.empty());
        }
        Optional<String> named = Parameters.single(form, "client_id");
        if (named.isEmpty()) {
            throw new OAuthError(401, "invalid_client", "client authentication is required");
        }
        String clientId = named.get();
        RegisteredService service = registered(environment, clientId);
        if (service.clientAuth() == ClientAuthMethod.TLS_CLIENT_AUTH) {
            return new Client(service, Optional.of(certificates.authenticate(service, presented)));
        }
        if (!allowNone) {
            throw new OAuthError(401, "invalid_client", "this endpoint needs client authentication (private_key_jwt)");
        }
        if (service.clientAuth() != ClientAuthMethod.NONE || environment != Environment.TEST) {
            throw new OAuthError(401, "invalid_client", "client " + clientId + " must authenticate with "
                    + service.clientAuth().code());
        }
        return new Client(service, Optional.empty());
    }

    /** RFC 7523 §3: iss = sub = client id, aud the token endpoint (or the issuer), a signature by a registered key. */
    private RegisteredService privateKeyJwt(Environment environment, Map<String, List<String>> form) {
        PrivateKeyJWT assertion;
        try {
            assertion = PrivateKeyJWT.parse(form);
        } catch (ParseException e) {
            throw new OAuthError(400, "invalid_request", "the client assertion cannot be read: " + e.getMessage());
        }
        String clientId = assertion.getClientID().getValue();
        RegisteredService service = registered(environment, clientId);
        if (service.clientAuth() != ClientAuthMethod.PRIVATE_KEY_JWT || service.jwks().isEmpty()) {
            throw new OAuthError(401, "invalid_client", "client " + clientId + " is registered for "
                    + service.clientAuth().code() + ", not private_key_jwt");
        }
        var verifier = new ClientAuthenticationVerifier<Void>(new RegisteredKeys(service.jwks().get(), remoteJwks),
                Set.of(new Audience(tokenEndpoint(tokens, environment)), new Audience(tokens.issuer(environment))));
        try {
            verifier.verify(assertion, null, null);
        } catch (InvalidClientException e) {
            throw new OAuthError(401, "invalid_client", "the client assertion was refused: " + e.getMessage());
        } catch (JOSEException e) {
            throw new OAuthError(401, "invalid_client", "the client assertion's signature cannot be checked: " + e.getMessage());
        }
        var claims = assertion.getJWTAuthenticationClaimsSet();
        Instant expiry = claims.getExpirationTime().toInstant();
        if (expiry.isAfter(Instant.now().plusSeconds(MAX_ASSERTION_SECONDS + 60))) {
            throw new OAuthError(401, "invalid_client", "the client assertion must expire within "
                    + MAX_ASSERTION_SECONDS + " seconds");
        }
        if (claims.getJWTID() == null) {
            throw new OAuthError(401, "invalid_client", "the client assertion needs a jti");
        }
        // remembered across the cluster until the assertion expires (the cache's own expiry is an upper bound)
        if (!store.putIfAbsent(FlowStore.Kind.ASSERTION_ID, clientId + " " + claims.getJWTID().getValue(), expiry.toString())) {
            throw new OAuthError(401, "invalid_client", "the client assertion's jti was used before");
        }
        return service;
    }

    private RegisteredService secret(Environment environment, String clientId, String secret, ClientAuthMethod method) {
        RegisteredService service = registered(environment, clientId);
        if (service.clientAuth() != method || !service.secretMatches(secret)) {
            throw new OAuthError(401, "invalid_client", "client " + clientId + " is unknown, does not use "
                    + method.code() + ", or the secret is wrong");
        }
        return service;
    }

    /** RFC 6749 §2.3.1: client id and secret are form-urlencoded before they are joined and base64-encoded. */
    private static String[] basicCredentials(String encoded) {
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("no colon");
            }
            return new String[] {
                java.net.URLDecoder.decode(decoded.substring(0, colon), java.nio.charset.StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(decoded.substring(colon + 1), java.nio.charset.StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            throw new OAuthError(401, "invalid_client", "the HTTP Basic credentials cannot be read");
        }
    }

    private RegisteredService registered(Environment environment, String clientId) {
        Optional<ClientId> id = Parameters.clientId(clientId);
        return id.flatMap(c -> directory.find(environment, c)).orElseThrow(() -> new OAuthError(401, "invalid_client",
                "no client " + clientId + " is registered in " + environment.path()));
    }

    /** The public keys of the registration's JWKS (inline, or at its URL) that fit the assertion's header. */
    private record RegisteredKeys(String jwks, RemoteJwks remote) implements ClientCredentialsSelector<Void> {

        @Override
        public List<Secret> selectClientSecrets(ClientID clientId, ClientAuthenticationMethod method, Context<Void> context)
                throws InvalidClientException {
            throw new InvalidClientException("client secrets are not accepted here");
        }

        @Override
        public List<? extends PublicKey> selectPublicKeys(ClientID clientId, ClientAuthenticationMethod method,
                                                          JWSHeader header, boolean forceRefresh, Context<Void> context)
                throws InvalidClientException {
            try {
                JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
                boolean remoteSet = jwks.startsWith("http");
                String keyId = String.valueOf(header.getKeyID());
                JWKSet set = !remoteSet ? JWKSet.parse(jwks) : forceRefresh ? remote.refetch(jwks, keyId) : remote.get(jwks);
                var selected = selector.select(set);
                if (selected.isEmpty() && remoteSet && !forceRefresh) {
                    // a key id not seen yet: the client may have rotated its keys
                    selected = selector.select(remote.refetch(jwks, keyId));
                }
                return KeyConverter.toJavaKeys(selected).stream()
                        .filter(PublicKey.class::isInstance).map(PublicKey.class::cast).collect(Collectors.toList());
            } catch (java.text.ParseException | java.io.IOException e) {
                throw new InvalidClientException("the registered JWKS cannot be read: " + e.getMessage());
            }
        }
    }
}
