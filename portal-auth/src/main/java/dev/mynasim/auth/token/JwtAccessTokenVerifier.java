package dev.mynasim.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.mynasim.auth.api.AccessTokenVerifier;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.api.TokenRejected;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RequestFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies access tokens with Nimbus JOSE+JWT's {@link DefaultJWTProcessor}: RS256 only, {@code typ at+jwt} (RFC 9068
 * §4), a key of the environment's set, the environment's issuer, its resource server as {@code aud}, expiry by the
 * simulator clock, the API within the token's scope,
 * the grant (and the consent behind it) still standing, and for a certificate-bound token the certificate that came
 * with the request (RFC 8705 §3). The grant is read on every call; revocation therefore takes effect at once.
 */
@ApplicationScoped
public class JwtAccessTokenVerifier implements AccessTokenVerifier {

    private static final Set<String> API_CODES = Arrays.stream(MynaApi.values()).map(MynaApi::code)
            .collect(Collectors.toSet());

    @Inject
    SigningKeys keys;

    @Inject
    AccessTokens tokens;

    @Inject
    Consents consents;

    @Inject
    Clock clock;

    private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");

    /** Nimbus's processor: the {@code typ}, RS256 with a key of the environment, the signature, then the claims. */
    private final DefaultJWTProcessor<EnvironmentContext> processor = processor();

    @Override
    public VerifiedAccessToken verify(String token, Environment environment, MynaApi api) {
        return verify(token, environment, api, PresentedCertificate.none());
    }

    @Override
    public VerifiedAccessToken verify(String token, Environment environment, MynaApi api, PresentedCertificate presented) {
        return requireCertificate(verify(token, environment, java.util.Optional.of(api)), presented);
    }

    /** The same checks without an API, the certificate binding included: for the OpenID Connect userinfo endpoint. */
    public VerifiedAccessToken verifyForUserinfo(String token, Environment environment, PresentedCertificate presented) {
        return requireCertificate(verify(token, environment, java.util.Optional.empty()), presented);
    }

    /**
     * Without an API and without the certificate binding: for introspection and revocation, where the client asks
     * about a token rather than presenting it.
     */
    public VerifiedAccessToken verifyAbout(String token, Environment environment) {
        return verify(token, environment, java.util.Optional.empty());
    }

    /**
     * RFC 8705 §3: a certificate-bound token is accepted only with the TLS client certificate whose thumbprint it
     * carries (compared in constant time); the refusal is {@code invalid_token} as for any token the resource
     * server does not accept.
     */
    static VerifiedAccessToken requireCertificate(VerifiedAccessToken verified, PresentedCertificate presented) {
        if (verified.certificateThumbprint().isEmpty()) {
            return verified;
        }
        java.util.Optional<String> thumbprint = presented.thumbprint();
        if (thumbprint.isEmpty()) {
            throw invalid("The token is bound to a TLS client certificate (RFC 8705 §3); send the request with that "
                    + "certificate");
        }
        if (!java.security.MessageDigest.isEqual(
                thumbprint.get().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                verified.certificateThumbprint().get().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw invalid("The token is bound to another TLS client certificate than the one presented (RFC 8705 §3)");
        }
        return verified;
    }

    private VerifiedAccessToken verify(String token, Environment environment, java.util.Optional<MynaApi> wanted) {
        JWTClaimsSet claims;
        SignedJWT jwt = null;
        try {
            jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || !AT_JWT.equals(jwt.getHeader().getType())) {
                throw invalid("The token is not an RS256 access token (typ at+jwt)");
            }
            claims = processor.process(jwt, new EnvironmentContext(environment));
        } catch (ParseException e) {
            throw invalid("The token cannot be read: " + e.getMessage());
        } catch (ClaimRefused e) {
            throw invalid(e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            noteIfFromAnotherEnvironment(jwt, environment);
            // the processor reads the claims before it checks the signature: a changed payload is a bad signature
            throw invalid("The token's signature does not verify with the keys of the " + environment.path()
                    + " environment");
        }
        try {
            Set<MynaApi> apis = Arrays.stream(String.valueOf(claims.getStringClaim("scope")).split(" "))
                    .filter(s -> !s.isBlank() && API_CODES.contains(s)).map(MynaApi::fromCode)
                    .collect(Collectors.toSet());
            if (wanted.isPresent() && !apis.contains(wanted.get())) {
                throw new TokenRejected("insufficient_scope", "The token does not reach the " + wanted.get().code() + " API");
            }
            Consents.GrantState state = consents.grantState(claims.getStringClaim("gid"))
                    .orElseThrow(() -> invalid("The grant behind the token is unknown"));
            OAuthGrant grant = state.grant();
            // the request log's: whose request it was, also when its token is refused below
            RequestFacts.note("token.client", grant.client().toString());
            if (!state.stands()) {
                throw invalid("The consent or grant behind the token was revoked");
            }
            return new VerifiedAccessToken(claims.getJWTID(), grant.person(), claims.getSubject(), grant.client(),
                    environment, apis, grant.authTime(), Boolean.TRUE.equals(claims.getBooleanClaim("verification_skipped")),
                    grant.id(), claims.getExpirationTime().toInstant(), confirmation(claims));
        } catch (ParseException e) {
            throw invalid("The token cannot be read: " + e.getMessage());
        }
    }

    /**
     * The claims of one of our access tokens, checked after the signature: the environment's issuer, its resource
     * server as audience (RFC 9068 §4: the resource server MUST check {@code aud}), and expiry by the simulator clock
     * without leeway (the issuer and the verifier share that clock).
     */
    /**
     * For the request log (README: Request log): a token that verifies with another environment's keys names its
     * client, so the refusal goes to that service's log; verified, never read from an unchecked token.
     */
    private void noteIfFromAnotherEnvironment(SignedJWT jwt, Environment environment) {
        if (jwt == null || !RequestFacts.collecting()) {
            return;
        }
        for (Environment other : Environment.values()) {
            if (other != environment) {
                try {
                    JWTClaimsSet claims = processor.process(jwt, new EnvironmentContext(other));
                    RequestFacts.note("token.client", claims.getStringClaim("client_id"));
                } catch (ParseException | BadJOSEException | JOSEException e) {
                    // not that environment's either: the refusal stays the operator's to read
                }
            }
        }
    }

    private void verifyClaims(JWTClaimsSet claims, EnvironmentContext context) throws ClaimRefused {
        Environment environment = context.environment();
        if (!tokens.issuer(environment).equals(claims.getIssuer())) {
            throw new ClaimRefused("The token was issued for another environment (iss " + claims.getIssuer() + ")");
        }
        String audience = tokens.resource(environment);
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new ClaimRefused("The token is not meant for this resource server (aud " + claims.getAudience()
                    + ", expected " + audience + ")");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !clock.instant().isBefore(expiry.toInstant())) {
            throw new ClaimRefused("The token has expired");
        }
    }

    /** A claim of a token whose signature holds refused, with the reason the client is told. */
    static final class ClaimRefused extends BadJWTException {
        ClaimRefused(String reason) {
            super(reason);
        }
    }

    /** The environment whose keys and issuer a token is checked against. */
    record EnvironmentContext(Environment environment) implements SecurityContext {
    }

    /**
     * The environment's published keys; a key id not among them has the keys read again (at most every ten
     * seconds, {@link SigningKeys#reload}), so a key another node created or rotated in becomes known.
     */
    private List<JWK> keysFor(JWKSelector selector, EnvironmentContext context) {
        List<JWK> found = selector.select(keys.published(context.environment()));
        if (found.isEmpty()) {
            keys.reload(context.environment());
            found = selector.select(keys.published(context.environment()));
        }
        return found;
    }

    private DefaultJWTProcessor<EnvironmentContext> processor() {
        var processor = new DefaultJWTProcessor<EnvironmentContext>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(AT_JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, this::keysFor));
        processor.setJWTClaimsSetVerifier(this::verifyClaims);
        return processor;
    }

    /** The {@code x5t#S256} of the {@code cnf} claim (RFC 8705 §3.1), if the token carries one. */
    private static java.util.Optional<String> confirmation(JWTClaimsSet claims) throws ParseException {
        java.util.Map<String, Object> cnf = claims.getJSONObjectClaim("cnf");
        if (cnf == null) {
            return java.util.Optional.empty();
        }
        Object thumbprint = cnf.get(AccessTokens.CONFIRMATION);
        if (!(thumbprint instanceof String value) || value.isBlank()) {
            throw invalid("The token's cnf claim carries no x5t#S256 (RFC 8705 §3.1)");
        }
        return java.util.Optional.of(value);
    }

    private static TokenRejected invalid(String description) {
        return new TokenRejected("invalid_token", description);
    }
}
