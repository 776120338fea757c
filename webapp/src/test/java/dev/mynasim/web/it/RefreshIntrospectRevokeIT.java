package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Refresh tokens with rotation (a reused one revokes the grant), 医療保険情報の期間連携, RFC 7662 introspection for
 * authenticated clients only, and RFC 7009 revocation that stops every token of the grant at once.
 */
@ExtendWith(SharedServer.class)
class RefreshIntrospectRevokeIT {

    private SharedServer.Server server;
    private Portal portal;
    private URI tokenEndpoint;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
        tokenEndpoint = URI.create(server.baseUrl() + "/test/oidc/token");
    }

    @Test
    void aRefreshTokenRotatesAndItsReuseRevokesTheWholeGrant() throws Exception {
        Tokens first = codeFlow("AA0002", "openid self-info", new ClientID("SP00000001_AA0002"));
        Tokens second = refresh(first.getRefreshToken(), new ClientID("SP00000001_AA0002"));
        assertThat(second.getRefreshToken()).isNotEqualTo(first.getRefreshToken());
        assertThat(userinfo(second.getAccessToken()).indicatesSuccess()).isTrue();

        TokenResponse reuse = refreshResponse(first.getRefreshToken(), new ClientID("SP00000001_AA0002"));
        assertThat(reuse.indicatesSuccess()).isFalse();
        assertThat(reuse.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(reuse.toErrorResponse().getErrorObject().getDescription()).contains("already used");

        assertThat(refreshResponse(second.getRefreshToken(), new ClientID("SP00000001_AA0002")).indicatesSuccess())
                .as("the grant is revoked").isFalse();
        assertThat(userinfo(second.getAccessToken()).indicatesSuccess()).as("its access tokens stop at once").isFalse();
    }

    @Test
    void aMedicalInsuranceGrantRefreshesForNinetyDaysOtherGrantsForTheirRefreshLifetime() throws Exception {
        Tokens medical = codeFlow("AA0001", "openid medical-insurance", new ClientID("SP00000001_AA0001"));
        Tokens selfInfo = codeFlow("AA0002", "openid self-info", new ClientID("SP00000001_AA0002"));
        AdminClock clock = new AdminClock(server);
        try {
            clock.move(Duration.ofDays(30));
            assertThat(refreshResponse(medical.getRefreshToken(), new ClientID("SP00000001_AA0001")).indicatesSuccess())
                    .as("期間連携: within 90 days of the consent, no card step").isTrue();
            TokenResponse expired = refreshResponse(selfInfo.getRefreshToken(), new ClientID("SP00000001_AA0002"));
            assertThat(expired.indicatesSuccess()).isFalse();
            assertThat(expired.toErrorResponse().getErrorObject().getDescription()).contains("expired");
        } finally {
            clock.reset();
        }
    }

    @Test
    void introspectionNeedsClientAuthentication() throws Exception {
        Tokens tokens = codeFlow("AA0002", "openid self-info", new ClientID("SP00000001_AA0002"));
        URI introspect = URI.create(server.baseUrl() + "/test/oidc/introspect");

        for (var parameters : java.util.List.<java.util.Map<String, java.util.List<String>>>of(java.util.Map.of(),
                java.util.Map.of("client_id", java.util.List.of("SP00000001_AA0002")))) {
            TokenIntrospectionResponse refused = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                    introspect, tokens.getAccessToken(), parameters).toHTTPRequest().send());
            assertThat(refused.indicatesSuccess()).isFalse();
            assertThat(refused.toErrorResponse().getErrorObject().getHTTPStatusCode()).isEqualTo(401);
            assertThat(refused.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
        }
    }

    @Test
    void anAuthenticatedClientIntrospectsItsTokensAndRevocationStopsThemAtOnce() throws Exception {
        KeyClient client = aKeyClient();
        Tokens tokens = codeFlow(client.serviceId, "openid self-info", client.authentication());
        URI introspect = URI.create(server.baseUrl() + "/test/oidc/introspect");

        TokenIntrospectionResponse active = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                introspect, client.authentication(), tokens.getAccessToken()).toHTTPRequest().send());
        assertThat(active.indicatesSuccess()).isTrue();
        assertThat(active.toSuccessResponse().isActive()).isTrue();
        assertThat(active.toSuccessResponse().getClientID().getValue()).isEqualTo(client.clientId);
        assertThat(active.toSuccessResponse().getBooleanParameter("verification_skipped")).isFalse();

        var revoked = new TokenRevocationRequest(URI.create(server.baseUrl() + "/test/oidc/revoke"),
                client.authentication(), tokens.getRefreshToken()).toHTTPRequest().send();
        assertThat(revoked.getStatusCode()).isEqualTo(200);

        TokenIntrospectionResponse after = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                introspect, client.authentication(), tokens.getAccessToken()).toHTTPRequest().send());
        assertThat(after.toSuccessResponse().isActive()).as("revoking the refresh token revoked the grant").isFalse();
        assertThat(userinfo(tokens.getAccessToken()).indicatesSuccess()).isFalse();
    }

    private Tokens codeFlow(String serviceId, String scope, ClientID clientId) throws Exception {
        return codeFlow(serviceId, scope, (ClientAuthentication) null, clientId);
    }

    private Tokens codeFlow(String serviceId, String scope, ClientAuthentication authentication) throws Exception {
        return codeFlow(serviceId, scope, authentication, authentication.getClientID());
    }

    private Tokens codeFlow(String serviceId, String scope, ClientAuthentication authentication, ClientID clientId)
            throws Exception {
        String card = portal.aCard("8024");
        CodeVerifier verifier = new CodeVerifier();
        URI redirect = URI.create(server.baseUrl() + "/demo/" + serviceId + "/callback");
        HeadlessClient.Answer answer = new HeadlessClient(server).get("/test/oidc/authorize?response_type=code&client_id="
                + clientId + "&redirect_uri=" + Portal.encode(redirect.toString()) + "&scope=" + Portal.encode(scope)
                + "&state=" + new State() + "&nonce=" + UUID.randomUUID() + "&code_challenge="
                + CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue() + "&code_challenge_method=S256&"
                + HeadlessClient.cardAndConsent(card, "8024", "approve"));
        var code = AuthenticationResponseParser.parse(URI.create(answer.location().orElseThrow()))
                .toSuccessResponse().getAuthorizationCode();
        var grant = new AuthorizationCodeGrant(code, redirect, verifier);
        TokenRequest request = authentication == null ? new TokenRequest(tokenEndpoint, clientId, grant)
                : new TokenRequest(tokenEndpoint, authentication, grant);
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(String.valueOf(response.indicatesSuccess() ? ""
                : response.toErrorResponse().getErrorObject().toJSONObject())).isTrue();
        Tokens tokens = response.toSuccessResponse().getTokens();
        assertThat(tokens.getRefreshToken()).isNotNull();
        return tokens;
    }

    private Tokens refresh(RefreshToken token, ClientID clientId) throws Exception {
        TokenResponse response = refreshResponse(token, clientId);
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse().getTokens();
    }

    private TokenResponse refreshResponse(RefreshToken token, ClientID clientId) throws Exception {
        return TokenResponse.parse(new TokenRequest(tokenEndpoint, clientId, new RefreshTokenGrant(token))
                .toHTTPRequest().send());
    }

    private UserInfoResponse userinfo(AccessToken token) throws Exception {
        return UserInfoResponse.parse(new UserInfoRequest(URI.create(server.baseUrl() + "/test/oidc/userinfo"),
                (com.nimbusds.oauth2.sdk.token.BearerAccessToken) token).toHTTPRequest().send());
    }

    /** A TEST service of its own that authenticates with private_key_jwt and allows headless mode. */
    private KeyClient aKeyClient() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("rp").keyUse(KeyUse.SIGNATURE).generate();
        String serviceId = "KC" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        assertThat(Api.operator(server).post("/admin/api/environments/test/services", """
                {"apiUserId": "SP00000001", "serviceId": "%s", "displayName": "鍵のサービス", "consentText": "取得します。",
                 "redirectUris": ["%s"], "apis": ["self-info"], "skipFeature": true, "clientAuth": "private_key_jwt",
                 "jwks": "%s", "headless": true}
                """.formatted(serviceId, server.baseUrl() + "/demo/" + serviceId + "/callback",
                new JWKSet(key.toPublicJWK()).toString().replace("\"", "\\\""))).status()).isEqualTo(201);
        return new KeyClient(serviceId, "SP00000001_" + serviceId, key, tokenEndpoint);
    }

    /** A client that signs a fresh assertion for every request. */
    private record KeyClient(String serviceId, String clientId, RSAKey key, URI tokenEndpoint) {
        ClientAuthentication authentication() throws Exception {
            return new PrivateKeyJWT(new ClientID(clientId), tokenEndpoint, JWSAlgorithm.RS256, key.toRSAPrivateKey(),
                    key.getKeyID(), null);
        }
    }
}
