package dev.mynasim.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.api.TokenRejected;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.consent.GrantFixtures;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.tls.TlsFixtures;
import java.security.cert.X509Certificate;
import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DESIGN.md 9.2 and 9.5: a token reaches only its APIs in its environment, and dies with its grant. */
class JwtAccessTokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    private static final Map<Environment, RSAKey> KEYS = new EnumMap<>(Environment.class);

    private final PersonId person = PersonId.random();
    private OAuthGrant grant;
    private MovableClock clock;
    private AccessTokens tokens;
    private JwtAccessTokenVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        for (Environment environment : Environment.values()) {
            KEYS.put(environment, new RSAKeyGenerator(2048).keyID(environment.path() + "-k1").keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate());
        }
    }

    @BeforeEach
    void wire() {
        clock = new MovableClock(NOW);
        grant = GrantFixtures.aGrantOfTheHealthNote(Environment.TEST, person, NOW.minusSeconds(30), true);
        SigningKeys keys = new SigningKeys() {
            @Override
            public synchronized RSAKey signingKey(Environment environment) {
                return KEYS.get(environment);
            }

            @Override
            public synchronized JWKSet published(Environment environment) {
                return new JWKSet(KEYS.get(environment).toPublicJWK());
            }

            @Override
            public synchronized void reload(Environment environment) {
                // the keys here are fixed
            }
        };
        tokens = new AccessTokens();
        tokens.keys = keys;
        tokens.subjects = new PairwiseSubjects() {
            @Override
            public String subject(PersonId p, ApiUserId apiUser, Environment environment) {
                return "pairwise-" + apiUser;
            }
        };
        tokens.clock = clock;
        tokens.baseUrl = "http://127.0.0.1:8080";
        tokens.accessTtl = "PT10M";
        verifier = new JwtAccessTokenVerifier();
        verifier.keys = keys;
        verifier.tokens = tokens;
        verifier.clock = clock;
        verifier.consents = new Consents() {
            @Override
            public Optional<GrantState> grantState(String id) {
                return Optional.of(grant).filter(g -> g.id().equals(id)).map(g -> new GrantState(g, !g.revoked()));
            }
        };
    }

    @Test
    void aTokenVerifiesForEachApiItsServiceWasGrantedAndSaysHowTheCardWasRead() {
        String token = tokens.issue(grant).token();

        VerifiedAccessToken verified = verifier.verify(token, Environment.TEST, MynaApi.SELF_INFO);

        assertThat(verified.person()).isEqualTo(person);
        assertThat(verified.apis()).containsExactlyInAnyOrder(MynaApi.SELF_INFO, MynaApi.MEDICAL_INSURANCE);
        assertThat(verified.verificationSkipped()).isTrue();
        assertThat(verified.authTime()).isEqualTo(NOW.minusSeconds(30));
        assertThat(verified.subject()).isEqualTo("pairwise-SP00000001");
        assertThat(verifier.verify(token, Environment.TEST, MynaApi.MEDICAL_INSURANCE).grantId()).isEqualTo(grant.id());
    }

    @Test
    void anApiOutsideTheGrantIsInsufficientScope() {
        String token = tokens.issue(grant).token();

        assertThatThrownBy(() -> verifier.verify(token, Environment.TEST, MynaApi.NOTICES))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.error()).isEqualTo("insufficient_scope"));
    }

    @Test
    void aTokenOfOneEnvironmentIsWorthlessInTheOther() {
        String token = tokens.issue(grant).token();

        assertRejected(token, Environment.PRODUCTION, "signature");
    }

    @Test
    void anExpiredTokenIsRejectedByTheSimulatorClock() {
        String token = tokens.issue(grant).token();
        clock.move(Duration.ofMinutes(10));

        assertRejected(token, Environment.TEST, "expired");
    }

    @Test
    void revokingTheGrantMakesItsTokensFailAtOnce() {
        String token = tokens.issue(grant).token();
        GrantFixtures.revoke(grant, NOW);

        assertRejected(token, Environment.TEST, "revoked");
    }

    @Test
    void aChangedTokenIsRejected() {
        String token = tokens.issue(grant).token();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        assertRejected(forged, Environment.TEST, "signature does not verify");
        assertRejected("not-a-jwt", Environment.TEST, "cannot be read");
    }

    @Test
    void rfc9068Section4ATokenForAnotherAudienceIsRefused() throws Exception {
        var claims = new com.nimbusds.jwt.JWTClaimsSet.Builder(claims(tokens.issue(grant).token()))
                .audience("https://another-resource.example/").build();
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new com.nimbusds.jose.JOSEObjectType("at+jwt")).keyID(KEYS.get(Environment.TEST).getKeyID())
                .build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(KEYS.get(Environment.TEST)));

        assertRejected(jwt.serialize(), Environment.TEST, "not meant for this resource server");
        assertThat(verifier.verify(tokens.issue(grant).token(), Environment.TEST, MynaApi.SELF_INFO).grantId())
                .as("our own audience passes").isEqualTo(grant.id());
    }

    @Test
    void aTokenWithoutItsTypeIsRefusedBeforeItsSignatureIsChecked() throws Exception {
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(KEYS.get(Environment.TEST).getKeyID()).build(), claims(tokens.issue(grant).token()));
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(KEYS.get(Environment.TEST)));

        assertRejected(jwt.serialize(), Environment.TEST, "not an RS256 access token (typ at+jwt)");
    }

    @Test
    void aCertificateBoundTokenCarriesTheThumbprintInCnf() {
        X509Certificate certificate = TlsFixtures.aClientCertificate("SP00000001_AA0001");
        String thumbprint = PresentedCertificate.thumbprint(certificate);

        String token = tokens.issue(grant, Optional.of(thumbprint)).token();

        assertThat(claims(token).getClaim("cnf")).isEqualTo(Map.of("x5t#S256", thumbprint));
        assertThat(claims(tokens.issue(grant).token()).getClaim("cnf")).as("unbound tokens carry no cnf").isNull();
    }

    @Test
    void rfc8705Section3ABoundTokenIsAcceptedOnlyWithItsCertificate() {
        X509Certificate certificate = TlsFixtures.aClientCertificate("SP00000001_AA0001");
        X509Certificate another = TlsFixtures.aClientCertificate("SP00000001_AA0001");
        String token = tokens.issue(grant, Optional.of(PresentedCertificate.thumbprint(certificate))).token();

        VerifiedAccessToken verified = verifier.verify(token, Environment.TEST, MynaApi.SELF_INFO,
                PresentedCertificate.of(certificate, PresentedCertificate.Source.TLS));
        assertThat(verified.certificateThumbprint()).contains(PresentedCertificate.thumbprint(certificate));
        assertThat(verifier.verify(token, Environment.TEST, MynaApi.SELF_INFO,
                PresentedCertificate.of(certificate, PresentedCertificate.Source.PROXY)).grantId()).isEqualTo(grant.id());

        assertThatThrownBy(() -> verifier.verify(token, Environment.TEST, MynaApi.SELF_INFO))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.error()).isEqualTo("invalid_token"))
                .hasMessageContaining("bound to a TLS client certificate");
        assertThatThrownBy(() -> verifier.verify(token, Environment.TEST, MynaApi.SELF_INFO,
                PresentedCertificate.of(another, PresentedCertificate.Source.TLS)))
                .isInstanceOfSatisfying(TokenRejected.class, e -> assertThat(e.error()).isEqualTo("invalid_token"))
                .hasMessageContaining("another TLS client certificate");
        assertThatThrownBy(() -> verifier.verifyForUserinfo(token, Environment.TEST, PresentedCertificate.none()))
                .isInstanceOf(TokenRejected.class);
        assertThat(verifier.verifyAbout(token, Environment.TEST).certificateThumbprint())
                .as("introspection asks about the token without presenting it").isPresent();
    }

    @Test
    void anUnboundTokenNeedsNoCertificateAndIgnoresOne() {
        String token = tokens.issue(grant).token();

        assertThat(verifier.verify(token, Environment.TEST, MynaApi.SELF_INFO, PresentedCertificate.of(
                TlsFixtures.aClientCertificate("SP00000001_AA0001"), PresentedCertificate.Source.TLS))
                .certificateThumbprint()).isEmpty();
    }

    private static com.nimbusds.jwt.JWTClaimsSet claims(String jwt) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(jwt).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertRejected(String token, Environment environment, String why) {
        assertThatThrownBy(() -> verifier.verify(token, environment, MynaApi.SELF_INFO))
                .isInstanceOfSatisfying(TokenRejected.class, e -> {
                    assertThat(e.error()).isEqualTo("invalid_token");
                    assertThat(e.getMessage()).contains(why);
                });
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration amount) {
            now = now.plus(amount);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
