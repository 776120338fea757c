package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * private_key_jwt with the key published at a URL: the simulator fetches the JWK Set (loopback here), fetches again
 * when the client rotates to a key it has not seen, and calls no host outside mynasim.callback.allowed-hosts.
 */
@ExtendWith(SharedServer.class)
class JwksUrlClientAuthenticationIT {

    private SharedServer.Server server;
    private Portal portal;
    private HttpServer jwksHost;
    private final AtomicReference<String> published = new AtomicReference<>();

    @BeforeEach
    void aClientThatPublishesItsKeys(SharedServer.Server server) throws Exception {
        this.server = server;
        portal = new Portal(server);
        jwksHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwksHost.createContext("/jwks.json", exchange -> {
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwksHost.start();
    }

    @AfterEach
    void stopTheKeyHost() {
        jwksHost.stop(0);
    }

    @Test
    void theKeyIsFetchedFromTheUrlAndARotatedKeyIsFetchedAgain() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("k1").keyUse(KeyUse.SIGNATURE).generate();
        published.set(new JWKSet(first.toPublicJWK()).toString());
        String clientId = register("http://127.0.0.1:" + jwksHost.getAddress().getPort() + "/jwks.json");

        TokenResponse fetched = exchange(clientId, first);
        assertThat(fetched.indicatesSuccess()).as("%s", fetched.indicatesSuccess() ? ""
                : fetched.toErrorResponse().getErrorObject().toJSONObject() + " " + fetched.toErrorResponse().getErrorObject().getHTTPStatusCode()).isTrue();

        RSAKey second = new RSAKeyGenerator(2048).keyID("k2").keyUse(KeyUse.SIGNATURE).generate();
        published.set(new JWKSet(second.toPublicJWK()).toString());
        TokenResponse rotated = exchange(clientId, second);
        assertThat(rotated.indicatesSuccess()).as("an unknown kid fetches the set again: %s", rotated.indicatesSuccess() ? ""
                : rotated.toErrorResponse().getErrorObject().getDescription()).isTrue();
    }

    @Test
    void aJwksUrlOutsideTheAllowedHostsIsNeverCalled() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").keyUse(KeyUse.SIGNATURE).generate();
        String clientId = register("https://keys.example.invalid/jwks.json");

        TokenResponse response = exchange(clientId, key);

        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
        assertThat(response.toErrorResponse().getErrorObject().getDescription()).contains("allowed-hosts");
    }

    private String register(String jwksUrl) {
        String serviceId = "JU" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        Api.Reply created = Api.operator(server).post("/admin/api/environments/test/services", """
                {"apiUserId": "SP00000001", "serviceId": "%s", "displayName": "鍵を公開するサービス", "consentText": "取得します。",
                 "redirectUris": ["%s"], "apis": ["self-info"], "skipFeature": true, "clientAuth": "private_key_jwt",
                 "jwks": "%s", "headless": true}
                """.formatted(serviceId, portal.redirectUri(serviceId), jwksUrl));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return "SP00000001_" + serviceId;
    }

    private TokenResponse exchange(String clientId, RSAKey key) throws Exception {
        String card = portal.aCard("6071");
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = URI.create(portal.redirectUri(clientId.substring(11)));
        HeadlessClient.Answer answer = new HeadlessClient(server).get("/test/oidc/authorize?response_type=code&client_id="
                + clientId + "&redirect_uri=" + Portal.encode(redirect.toString()) + "&scope=openid&state=s&nonce=n"
                + "&code_challenge=" + CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue()
                + "&code_challenge_method=S256&" + HeadlessClient.cardAndConsent(card, "6071", "approve"));
        var code = AuthenticationResponseParser.parse(URI.create(answer.location().orElseThrow()))
                .toSuccessResponse().getAuthorizationCode();
        URI tokenEndpoint = URI.create(server.baseUrl() + "/test/oidc/token");
        return TokenResponse.parse(new TokenRequest(tokenEndpoint, new PrivateKeyJWT(new ClientID(clientId), tokenEndpoint,
                JWSAlgorithm.RS256, key.toRSAPrivateKey(), key.getKeyID(), null),
                new AuthorizationCodeGrant(code, redirect, verifier)).toHTTPRequest().send());
    }
}
