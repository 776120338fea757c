package dev.mynasim.auth.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.langtag.LangTag;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.Address;
import com.nimbusds.openid.connect.sdk.claims.Gender;
import com.nimbusds.openid.connect.sdk.claims.PersonClaims;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.person.People;
import dev.mynasim.auth.person.Person;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.auth.token.PairwiseSubjects;
import dev.mynasim.auth.token.SigningKeys;
import dev.mynasim.registry.api.RegisteredService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * ID tokens (OpenID Connect Core §2, §3.1.3.6), RS256 with the environment's key (ES256 with its P-256 key for a
 * registration that asks): {@code auth_time} of the card read
 * (also when it was skipped), {@code nonce}, {@code acr}, {@code amr}, {@code at_hash}, {@code verification_skipped},
 * and the basic four attributes only when their scopes were consented (§5.1, §5.4).
 */
@ApplicationScoped
public class IdTokens {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    @Inject
    SigningKeys keys;

    @Inject
    AccessTokens tokens;

    @Inject
    PairwiseSubjects subjects;

    @Inject
    People people;

    @Inject
    Clock clock;

    /** The ID token of a code exchange, signed as the service's registration asks (RS256, or ES256). */
    public String issue(OAuthGrant grant, RegisteredService service, String nonce,
                        String accessToken) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(tokens.issuer(grant.environment()))
                .subject(subject(grant))
                .audience(grant.client().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("auth_time", grant.authTime().getEpochSecond())
                .claim("nonce", nonce)
                .claim("acr", AccessTokens.ACR)
                .claim("amr", AccessTokens.AMR)
                .claim("at_hash", AccessTokenHash.compute(new BearerAccessToken(accessToken), JWSAlgorithm.RS256, null)
                        .getValue())
                .claim("verification_skipped", grant.cardSkipped());
        attributes(grant).toJSONObject().forEach(claims::claim);
        boolean es256 = service.idTokenAlg().equals("ES256");
        try {
            SignedJWT jwt;
            if (es256) {
                com.nimbusds.jose.jwk.ECKey key = keys.ecSigningKey(grant.environment());
                jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                        .keyID(key.getKeyID()).build(), claims.build());
                jwt.sign(keys.signer(key));
            } else {
                RSAKey key = keys.signingKey(grant.environment());
                jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                        .keyID(key.getKeyID()).build(), claims.build());
                jwt.sign(keys.signer(key));
            }
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an ID token", e);
        }
    }

    /**
     * The subject of an ID token this issuer signed for the environment (signature and issuer checked; expiry is not,
     * as OpenID Connect Core §3.1.2.1 asks of {@code id_token_hint}), or empty when it is not one.
     */
    public java.util.Optional<String> subjectOf(String idToken, dev.mynasim.registry.api.Environment environment) {
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            com.nimbusds.jose.jwk.JWK key = keys.published(environment).getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null) {
                return java.util.Optional.empty();
            }
            com.nimbusds.jose.JWSVerifier verifier = key instanceof com.nimbusds.jose.jwk.ECKey ec
                    ? new com.nimbusds.jose.crypto.ECDSAVerifier(ec) : new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAKey());
            if (!jwt.verify(verifier) || !tokens.issuer(environment).equals(jwt.getJWTClaimsSet().getIssuer())) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.ofNullable(jwt.getJWTClaimsSet().getSubject());
        } catch (java.text.ParseException | JOSEException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    public String subject(OAuthGrant grant) {
        return subjects.subject(grant.person(), grant.client().apiUser(), grant.environment());
    }

    /** The standard claims of the consented attribute scopes (OpenID Connect Core §5.1, §5.4); nothing else. */
    public PersonClaims attributes(OAuthGrant grant) {
        PersonClaims claims = new PersonClaims();
        List<String> granted = grant.attributes();
        if (granted.isEmpty()) {
            return claims;
        }
        Person person = people.find(grant.person()).orElseThrow();
        if (granted.contains("name")) {
            claims.setName(person.name());
            claims.setName(person.nameKana(), KANA);
        }
        if (granted.contains("address")) {
            Address address = new Address();
            address.setFormatted(person.address());
            address.setCountry("JP");
            claims.setAddress(address);
        }
        if (granted.contains("birthdate")) {
            claims.setBirthdate(person.birthdate().toString());
        }
        if (granted.contains("gender")) {
            claims.setGender(new Gender(person.gender().code()));
        }
        return claims;
    }

    /** The language tag of the name's reading (フリガナ): {@code name#ja-Kana-JP}. */
    private static final LangTag KANA = kana();

    private static LangTag kana() {
        try {
            return LangTag.parse("ja-Kana-JP");
        } catch (com.nimbusds.langtag.LangTagException e) {
            throw new IllegalStateException(e);
        }
    }
}
