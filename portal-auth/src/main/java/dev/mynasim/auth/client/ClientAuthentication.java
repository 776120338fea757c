package dev.mynasim.auth.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyConverter;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientAuthenticationVerifier;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientCredentialsSelector;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.flow.FlowStore;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.protocol.OidcPaths;
import dev.mynasim.auth.protocol.Parameters;
import dev.mynasim.auth.tls.ClientCertificates;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.ServiceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a client proves who it is at the token endpoints of both doors: {@code private_key_jwt} (RFC 7523),
 * {@code client_secret_basic} and {@code client_secret_post} (TEST registrations), {@code tls_client_auth} (RFC 8705
 * §2) or {@code none} (TEST), as its registration says and as the endpoint accepts ({@link Accepts}). Every failure is
 * an RFC 6749 §5.2 {@code invalid_client} (401), naming what was wrong.
 */
@ApplicationScoped
public class ClientAuthentication {

    /** RFC 7523 leaves the lifetime of a client assertion open; a short one limits replay. */
    static final long MAX_ASSERTION_SECONDS = 300;

    /** What an endpoint accepts. */
    public enum Accepts {
        /** The Mynaportal-compatible door: {@code none} or {@code tls_client_auth}, the client named by {@code client_id}. */
        MYNAPORTAL,
        /** The OpenID Connect door's token and revocation endpoints: every method, {@code none} for TEST registrations. */
        ANY,
        /** The introspection endpoint: only a client that proves who it is (a public client cannot). */
        CONFIDENTIAL
    }

    /** The client that authenticated, and the thumbprint of its TLS certificate when that is how (RFC 8705 §2). */
    public record AuthenticatedClient(RegisteredService service, Optional<String> certificate) {
    }

    private final ServiceDirectory directory;
    private final ClientCertificates certificates;
    private final RemoteJwks remoteJwks;
    private final FlowStore store;
    private final AccessTokens tokens;
    private final Clock clock;

    @Inject
    public ClientAuthentication(ServiceDirectory directory, ClientCertificates certificates, RemoteJwks remoteJwks,
                                FlowStore store, AccessTokens tokens, Clock clock) {
        this.directory = directory;
        this.certificates = certificates;
        this.remoteJwks = remoteJwks;
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** For the container's proxy. */
    protected ClientAuthentication() {
        this(null, null, null, null, null, null);
    }

    /** {@code authorization}: the request's {@code Authorization} header, if any. */
    public AuthenticatedClient authenticate(Environment environment, Map<String, List<String>> form,
                                            Optional<String> authorization, PresentedCertificate presented,
                                            Accepts accepts) {
        if (accepts == Accepts.MYNAPORTAL) {
            return tlsOrNone(environment, form, presented);
        }
        if (Parameters.single(form, "client_assertion_type").isPresent()
                || Parameters.single(form, "client_assertion").isPresent()) {
            return new AuthenticatedClient(privateKeyJwt(environment, form), Optional.empty());
        }
        Optional<String> basic = authorization.filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
        if (basic.isPresent()) {
            String[] pair = basicCredentials(basic.get().substring(6).trim());
            return new AuthenticatedClient(secret(environment, pair[0], pair[1], ClientAuthMethod.CLIENT_SECRET_BASIC),
                    Optional.empty());
        }
        Optional<String> postedSecret = Parameters.single(form, "client_secret");
        if (postedSecret.isPresent()) {
            return new AuthenticatedClient(secret(environment, Parameters.required(form, "client_id"), postedSecret.get(),
                    ClientAuthMethod.CLIENT_SECRET_POST), Optional.empty());
        }
        Optional<String> named = Parameters.single(form, "client_id");
        if (named.isEmpty()) {
            throw new OAuthError(401, "invalid_client", "client authentication is required");
        }
        String clientId = named.get();
        RegisteredService service = registered(environment, clientId);
        if (service.clientAuth() == ClientAuthMethod.TLS_CLIENT_AUTH) {
            return new AuthenticatedClient(service, Optional.of(certificates.authenticate(service, presented)));
        }
        if (accepts == Accepts.CONFIDENTIAL) {
            throw new OAuthError(401, "invalid_client", "this endpoint needs client authentication (private_key_jwt)");
        }
        if (service.clientAuth() != ClientAuthMethod.NONE || environment != Environment.TEST) {
            throw new OAuthError(401, "invalid_client", "client " + clientId + " must authenticate with "
                    + service.clientAuth().code());
        }
        return new AuthenticatedClient(service, Optional.empty());
    }

    /** The Mynaportal-compatible door: the registration's {@code none} (TEST) or {@code tls_client_auth}. */
    private AuthenticatedClient tlsOrNone(Environment environment, Map<String, List<String>> form,
                                          PresentedCertificate presented) {
        RegisteredService service = registered(environment, Parameters.required(form, "client_id"));
        return switch (service.clientAuth()) {
            case NONE -> new AuthenticatedClient(service, Optional.empty());
            case TLS_CLIENT_AUTH -> new AuthenticatedClient(service,
                    Optional.of(certificates.authenticate(service, presented)));
            default -> throw new OAuthError(401, "invalid_client", "this client authenticates with "
                    + service.clientAuth().code() + ", which this door does not accept: it takes none (TEST) "
                    + "and tls_client_auth; use the OpenID Connect door for other methods");
        };
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
        String issuer = tokens.issuer(environment);
        var verifier = new ClientAuthenticationVerifier<Void>(new RegisteredKeys(service.jwks().get(), remoteJwks),
                Set.of(new Audience(OidcPaths.at(issuer, OidcPaths.TOKEN)), new Audience(issuer)));
        try {
            verifier.verify(assertion, null, null);
        } catch (InvalidClientException e) {
            throw new OAuthError(401, "invalid_client", "the client assertion was refused: " + e.getMessage());
        } catch (JOSEException e) {
            throw new OAuthError(401, "invalid_client", "the client assertion's signature cannot be checked: " + e.getMessage());
        }
        var claims = assertion.getJWTAuthenticationClaimsSet();
        Instant expiry = claims.getExpirationTime().toInstant();
        if (expiry.isAfter(clock.instant().plusSeconds(MAX_ASSERTION_SECONDS + 60))) {
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
    static String[] basicCredentials(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("no colon");
            }
            return new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
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
