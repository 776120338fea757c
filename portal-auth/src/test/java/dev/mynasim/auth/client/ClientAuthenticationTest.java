package dev.mynasim.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.client.ClientAuthentication.Accepts;
import dev.mynasim.auth.flow.FlowStore;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.tls.ClientCertificates;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.ConsentButton;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.ServiceDirectory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Client authentication at both doors' token endpoints: each method, and what each endpoint accepts. */
class ClientAuthenticationTest {

    /** Nimbus checks an assertion's expiry on the system clock, so the simulator clock of the test is now too. */
    static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    static final String ISSUER = "http://sim.example/test";
    static final ClientId PUBLIC = ClientId.parse("SP00000001_AA0001");
    static final ClientId WITH_SECRET = ClientId.parse("SP00000001_AA0002");
    static final ClientId WITH_KEY = ClientId.parse("SP00000001_AA0003");
    static final String SECRET = "s3cret/with:colon";
    static final RSAKey KEY = key();

    final FlowStore store = FlowStore.inMemory();

    ClientAuthentication authentication() {
        ServiceDirectory directory = new ServiceDirectory() {
            public Optional<RegisteredService> find(Environment environment, ClientId id) {
                if (id.equals(PUBLIC)) {
                    return Optional.of(service(environment, id, ClientAuthMethod.NONE, Optional.empty(), Optional.empty()));
                }
                if (id.equals(WITH_SECRET)) {
                    return Optional.of(service(environment, id, ClientAuthMethod.CLIENT_SECRET_BASIC, Optional.empty(),
                            Optional.of(sha256(SECRET))));
                }
                if (id.equals(WITH_KEY)) {
                    return Optional.of(service(environment, id, ClientAuthMethod.PRIVATE_KEY_JWT,
                            Optional.of(new JWKSet(KEY.toPublicJWK()).toString()), Optional.empty()));
                }
                return Optional.empty();
            }

            public RegisteredService pinCertificate(dev.mynasim.registry.api.Caller caller, Environment environment,
                                                    ClientId clientId, dev.mynasim.registry.api.PinnedCertificate pinned) {
                throw new UnsupportedOperationException();
            }
        };
        AccessTokens tokens = new AccessTokens() {
            @Override
            public String issuer(Environment environment) {
                return "http://sim.example/" + environment.path();
            }
        };
        return new ClientAuthentication(directory, new ClientCertificates(), new RemoteJwks(), store, tokens,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static RegisteredService service(Environment environment, ClientId id, ClientAuthMethod method,
                                     Optional<String> jwks, Optional<String> secretHash) {
        return new RegisteredService(environment, id, "テスト事業者", "サービス", "同意", List.of("https://rp.example/cb"),
                null, Set.of(MynaApi.SELF_INFO), true, Optional.empty(), method, jwks, true, true, true, false,
                secretHash, "RS256", Optional.empty(), Optional.empty(), ConsentButton.LINK);
    }

    static Map<String, List<String>> form(String... nameValues) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            form.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return form;
    }

    OAuthError refused(Environment environment, Map<String, List<String>> form, Optional<String> authorization,
                       Accepts accepts) {
        try {
            authentication().authenticate(environment, form, authorization, PresentedCertificate.none(), accepts);
        } catch (OAuthError e) {
            return e;
        }
        throw new AssertionError("the client was accepted");
    }

    static String described(OAuthError e) {
        return e.status() + " " + e.error() + ": " + e.getMessage();
    }

    @Test
    void theMynaportalDoorTakesAPublicTestClientByItsClientIdAndNoOtherMethod() {
        assertThat(authentication().authenticate(Environment.TEST, form("client_id", PUBLIC.toString()), Optional.empty(),
                PresentedCertificate.none(), Accepts.MYNAPORTAL).service().clientId()).isEqualTo(PUBLIC);
        assertThat(described(refused(Environment.TEST, form("client_id", WITH_SECRET.toString()), Optional.empty(),
                Accepts.MYNAPORTAL))).isEqualTo("401 invalid_client: this client authenticates with client_secret_basic, "
                + "which this door does not accept: it takes none (TEST) and tls_client_auth; use the OpenID Connect "
                + "door for other methods");
        assertThat(described(refused(Environment.TEST, form("client_id", "SP00000001_AA0009"), Optional.empty(),
                Accepts.MYNAPORTAL))).isEqualTo("401 invalid_client: no client SP00000001_AA0009 is registered in test");
        assertThat(described(refused(Environment.TEST, form(), Optional.empty(), Accepts.MYNAPORTAL)))
                .isEqualTo("400 invalid_request: client_id is required");
    }

    @Test
    void aSecretIsCheckedByItsHashInTheBasicHeaderOrTheForm() {
        String header = "Basic " + Base64.getEncoder().encodeToString((WITH_SECRET + ":" + "s3cret%2Fwith%3Acolon")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(authentication().authenticate(Environment.TEST, form(), Optional.of(header), PresentedCertificate.none(),
                Accepts.CONFIDENTIAL).service().clientId()).as("RFC 6749 §2.3.1: both parts form-urlencoded")
                .isEqualTo(WITH_SECRET);
        assertThat(described(refused(Environment.TEST, form(), Optional.of("Basic " + Base64.getEncoder()
                .encodeToString((WITH_SECRET + ":wrong").getBytes(StandardCharsets.UTF_8))), Accepts.ANY)))
                .isEqualTo("401 invalid_client: client SP00000001_AA0002 is unknown, does not use client_secret_basic, "
                        + "or the secret is wrong");
        assertThat(described(refused(Environment.TEST, form("client_id", WITH_SECRET.toString(), "client_secret", SECRET),
                Optional.empty(), Accepts.ANY))).as("registered for basic, sent in the form")
                .isEqualTo("401 invalid_client: client SP00000001_AA0002 is unknown, does not use client_secret_post, "
                        + "or the secret is wrong");
        assertThat(described(refused(Environment.TEST, form(), Optional.of("Basic %%%"), Accepts.ANY)))
                .isEqualTo("401 invalid_client: the HTTP Basic credentials cannot be read");
    }

    @Test
    void aPublicClientMayUseTheTokenEndpointInTestOnlyAndNeverIntrospection() {
        assertThat(authentication().authenticate(Environment.TEST, form("client_id", PUBLIC.toString()), Optional.empty(),
                PresentedCertificate.none(), Accepts.ANY).certificate()).isEmpty();
        assertThat(described(refused(Environment.PRODUCTION, form("client_id", PUBLIC.toString()), Optional.empty(),
                Accepts.ANY))).isEqualTo("401 invalid_client: client SP00000001_AA0001 must authenticate with none");
        assertThat(described(refused(Environment.TEST, form("client_id", PUBLIC.toString()), Optional.empty(),
                Accepts.CONFIDENTIAL)))
                .isEqualTo("401 invalid_client: this endpoint needs client authentication (private_key_jwt)");
        assertThat(described(refused(Environment.TEST, form(), Optional.empty(), Accepts.ANY)))
                .isEqualTo("401 invalid_client: client authentication is required");
    }

    @Test
    void anAssertionSignedByTheRegisteredKeyAuthenticatesOnceAndOnlyForThisIssuerWithinFiveMinutes() throws Exception {
        Map<String, List<String>> good = assertion(ISSUER + "/oidc/token", NOW.plusSeconds(120), "jti-1");
        assertThat(authentication().authenticate(Environment.TEST, good, Optional.empty(), PresentedCertificate.none(),
                Accepts.CONFIDENTIAL).service().clientId()).isEqualTo(WITH_KEY);
        assertThat(described(refused(Environment.TEST, good, Optional.empty(), Accepts.ANY)))
                .isEqualTo("401 invalid_client: the client assertion's jti was used before");
        assertThat(described(refused(Environment.TEST, assertion(ISSUER, NOW.plusSeconds(3600), "jti-2"),
                Optional.empty(), Accepts.ANY)))
                .isEqualTo("401 invalid_client: the client assertion must expire within 300 seconds");
        assertThat(refused(Environment.TEST, assertion("http://other.example/test/oidc/token", NOW.plusSeconds(120),
                "jti-3"), Optional.empty(), Accepts.ANY).getMessage()).startsWith("the client assertion was refused: ");
        assertThat(refused(Environment.PRODUCTION, assertion(ISSUER + "/oidc/token", NOW.plusSeconds(120), "jti-4"),
                Optional.empty(), Accepts.ANY).getMessage()).as("a TEST audience at PRODUCTION")
                .startsWith("the client assertion was refused: ");
    }

    private static Map<String, List<String>> assertion(String audience, Instant expiry, String jti) throws Exception {
        JWTAuthenticationClaimsSet claims = new JWTAuthenticationClaimsSet(new ClientID(WITH_KEY.toString()),
                List.of(new Audience(audience)), Date.from(expiry), null, Date.from(NOW), new JWTID(jti));
        PrivateKeyJWT jwt = new PrivateKeyJWT(claims, JWSAlgorithm.RS256, KEY.toRSAPrivateKey(), KEY.getKeyID(), null);
        Map<String, List<String>> form = new LinkedHashMap<>(jwt.toParameters());
        return form;
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("client-k1").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
