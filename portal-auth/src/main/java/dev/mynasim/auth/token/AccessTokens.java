package dev.mynasim.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues access tokens: JWTs in the RFC 9068 profile ({@code typ: at+jwt}), signed RS256 with the environment's key.
 * Besides the standard claims they carry {@code auth_time} (the card read, not the skip), {@code amr} per RFC 8176,
 * {@code acr} {@value #ACR}, {@code verification_skipped}, the APIs as {@code scope}, the grant id {@code gid}
 * that revocation checks, and for a client that authenticated with its TLS certificate the confirmation {@code cnf}
 * (RFC 8705 §3.1).
 */
@ApplicationScoped
public class AccessTokens {

    /** The authentication context: a My Number Card read with its PIN (simulator-defined value). */
    public static final String ACR = "urn:mynasim:acr:mynumbercard-user-certificate";
    /** RFC 8705 §3.1: the confirmation member naming the certificate a token is bound to. */
    public static final String CONFIRMATION = "x5t#S256";
    /** RFC 8176: hardware-secured key (the card) and PIN. */
    public static final List<String> AMR = List.of("hwk", "pin");

    /** An issued token and its lifetime. */
    public record Issued(String token, Duration lifetime, String scope) {
        /** As a token response carries it (RFC 6750): {@code Bearer}, its lifetime in seconds and its scope. */
        public BearerAccessToken bearer() {
            return new BearerAccessToken(token, lifetime.toSeconds(), Scope.parse(scope));
        }
    }

    @Inject
    SigningKeys keys;

    @Inject
    PairwiseSubjects subjects;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "mynasim.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "mynasim.token.access-ttl", defaultValue = "PT10M")
    String accessTtl;

    public Issued issue(OAuthGrant grant) {
        return issue(grant, Optional.empty());
    }

    /** Bound to a TLS client certificate by its thumbprint when one is given (RFC 8705 §3). */
    public Issued issue(OAuthGrant grant, Optional<String> certificateThumbprint) {
        return issue(grant, grant.apis().stream().map(MynaApi::code).sorted().collect(Collectors.joining(" ")),
                certificateThumbprint);
    }

    /** With a scope of the OpenID Connect door: {@code openid}, the attributes and the APIs. */
    public Issued issue(OAuthGrant grant, String scope) {
        return issue(grant, scope, Optional.empty());
    }

    /**
     * The token, bound to a TLS client certificate when its thumbprint is given: the confirmation claim
     * {@code cnf} with {@code x5t#S256} (RFC 8705 §3.1), which the data endpoints compare with the certificate the
     * request comes with.
     */
    public Issued issue(OAuthGrant grant, String scope, Optional<String> certificateThumbprint) {
        Instant now = clock.instant();
        Duration lifetime = Duration.parse(accessTtl);
        Environment environment = grant.environment();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer(environment))
                .subject(subjects.subject(grant.person(), grant.client().apiUser(), environment))
                .audience(resource(environment))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("client_id", grant.client().toString())
                .claim("scope", scope)
                .claim("auth_time", grant.authTime().getEpochSecond())
                .claim("amr", AMR)
                .claim("acr", ACR)
                .claim("verification_skipped", grant.cardSkipped())
                .claim("gid", grant.id())
                .claim("cnf", certificateThumbprint.map(t -> Map.of(CONFIRMATION, t)).orElse(null))
                .build();
        RSAKey key = keys.signingKey(environment);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType("at+jwt")).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(keys.signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
        return new Issued(jwt.serialize(), lifetime, scope);
    }

    /** Audits an issue of a grant's tokens ({@code token.issue}, {@code token.refresh}) of this scope. */
    public void audit(String action, OAuthGrant grant, String scope) {
        audit.record("portal", action, grant.environment().path() + "/" + grant.client(),
                "grant=" + grant.id() + " scope=" + scope + " skipped=" + grant.cardSkipped());
    }

    public String issuer(Environment environment) {
        return baseUrl.replaceAll("/+$", "") + "/" + environment.path();
    }

    /** The audience: the environment's resource server (simulator-defined). */
    public String resource(Environment environment) {
        return issuer(environment) + "/online-resource-web";
    }
}
