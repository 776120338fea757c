package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RFC 7523 client authentication at the OpenID Connect token endpoint: iss = sub = client id, aud the token
 * endpoint, a short exp, a jti never seen before, a signature by a key of the registered JWKS.
 */
@ExtendWith(SharedServer.class)
class PrivateKeyJwtClientAuthenticationIT {

    private SharedServer.Server server;
    private Portal portal;
    private RSAKey key;
    private String clientId;
    private URI redirect;
    private URI tokenEndpoint;

    @BeforeEach
    void aServiceWithARegisteredJwks(SharedServer.Server server) throws Exception {
        this.server = server;
        portal = new Portal(server);
        key = new RSAKeyGenerator(2048).keyID("rp-1").keyUse(KeyUse.SIGNATURE).generate();
        String serviceId = "PK" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        clientId = "SP00000001_" + serviceId;
        redirect = URI.create(server.baseUrl() + "/demo/" + serviceId + "/callback");
        tokenEndpoint = URI.create(server.baseUrl() + "/test/oidc/token");
        String jwks = new JWKSet(key.toPublicJWK()).toString().replace("\"", "\\\"");
        Api.Reply registered = Api.operator(server).post("/admin/api/environments/test/services", """
                {"apiUserId": "SP00000001", "serviceId": "%s", "displayName": "鍵で認証するサービス",
                 "consentText": "自己情報を取得します。", "redirectUris": ["%s"], "apis": ["self-info"],
                 "skipFeature": true, "clientAuth": "private_key_jwt", "jwks": "%s", "headless": true}
                """.formatted(serviceId, redirect, jwks));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    }

    @Test
    void aClientAssertionSignedWithTheRegisteredKeyGetsTokens() throws Exception {
        TokenResponse response = exchange(new PrivateKeyJWT(new com.nimbusds.oauth2.sdk.id.ClientID(clientId),
                tokenEndpoint, JWSAlgorithm.RS256, key.toRSAPrivateKey(), key.getKeyID(), null));

        assertThat(response.indicatesSuccess()).as(String.valueOf(error(response))).isTrue();
    }

    @Test
    void aReusedJtiIsRefused() throws Exception {
        SignedJWT assertion = assertion(tokenEndpoint.toString(), 120, key, "jti-" + UUID.randomUUID());
        assertThat(exchange(new PrivateKeyJWT(assertion)).indicatesSuccess()).isTrue();

        assertInvalidClient(exchange(new PrivateKeyJWT(assertion)), "jti");
    }

    @Test
    void anAssertionForAnotherAudienceIsRefused() throws Exception {
        assertInvalidClient(exchange(new PrivateKeyJWT(assertion("https://elsewhere.example/token", 120, key,
                UUID.randomUUID().toString()))), "aud claim rejected");
    }

    @Test
    void anExpiredAssertionIsRefused() throws Exception {
        assertInvalidClient(exchange(new PrivateKeyJWT(assertion(tokenEndpoint.toString(), -120, key,
                UUID.randomUUID().toString()))), "xpired");
    }

    @Test
    void anAssertionThatLivesTooLongIsRefused() throws Exception {
        assertInvalidClient(exchange(new PrivateKeyJWT(assertion(tokenEndpoint.toString(), 3600, key,
                UUID.randomUUID().toString()))), "expire within");
    }

    @Test
    void anAssertionSignedWithAnotherKeyIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("rp-1").generate();

        assertInvalidClient(exchange(new PrivateKeyJWT(assertion(tokenEndpoint.toString(), 120, stranger,
                UUID.randomUUID().toString()))), "refused");
    }

    @Test
    void withoutAnAssertionThisClientIsRefused() throws Exception {
        AuthorizationCode code = code(new CodeVerifier());
        TokenResponse response = TokenResponse.parse(new TokenRequest(tokenEndpoint,
                new com.nimbusds.oauth2.sdk.id.ClientID(clientId), new AuthorizationCodeGrant(code, redirect,
                new CodeVerifier())).toHTTPRequest().send());

        assertInvalidClient(response, "private_key_jwt");
    }

    private SignedJWT assertion(String audience, long lifetimeSeconds, RSAKey signer, String jti) throws Exception {
        Date now = new Date();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(List.of(audience))
                        .jwtID(jti).issueTime(now).expirationTime(new Date(now.getTime() + lifetimeSeconds * 1000))
                        .build());
        jwt.sign(new RSASSASigner(signer));
        return jwt;
    }

    private TokenResponse exchange(ClientAuthentication authentication) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        return TokenResponse.parse(new TokenRequest(tokenEndpoint, authentication,
                new AuthorizationCodeGrant(code(verifier), redirect, verifier)).toHTTPRequest().send());
    }

    /** A code from a headless authorization of this service, with a fresh card. */
    private AuthorizationCode code(CodeVerifier verifier) throws Exception {
        String card = portal.aCard("7531");
        String path = "/test/oidc/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                + Portal.encode(redirect.toString()) + "&scope=" + Portal.encode("openid self-info") + "&state="
                + new State().getValue() + "&nonce=n-" + UUID.randomUUID() + "&code_challenge="
                + CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue() + "&code_challenge_method=S256&"
                + HeadlessClient.cardAndConsent(card, "7531", "approve");
        HeadlessClient.Answer answer = new HeadlessClient(server).get(path);
        var response = AuthenticationResponseParser.parse(URI.create(answer.location().orElseThrow()));
        assertThat(response.indicatesSuccess()).as(answer.toString()).isTrue();
        return response.toSuccessResponse().getAuthorizationCode();
    }

    private static ErrorObject error(TokenResponse response) {
        return response.indicatesSuccess() ? null : response.toErrorResponse().getErrorObject();
    }

    private static void assertInvalidClient(TokenResponse response, String mentions) {
        assertThat(response.indicatesSuccess()).isFalse();
        ErrorObject error = response.toErrorResponse().getErrorObject();
        assertThat(error.getCode()).isEqualTo("invalid_client");
        assertThat(error.getHTTPStatusCode()).isEqualTo(401);
        assertThat(error.getDescription()).contains(mentions);
    }
}
