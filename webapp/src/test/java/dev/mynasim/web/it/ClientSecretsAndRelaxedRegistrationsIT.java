package dev.mynasim.web.it;

import static dev.mynasim.web.it.RegistryAdminApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * TEST registrations that choose client_secret_basic or client_secret_post (secrets of 256 random bits, shown once,
 * stored hashed), and registrations that relax nonce and PKCE to what OpenID Connect Core allows.
 */
@ExtendWith(SharedServer.class)
class ClientSecretsAndRelaxedRegistrationsIT {

    private static final String SERVICES = "/admin/api/environments/test/services";

    private SharedServer.Server server;
    private Portal portal;
    private Api operator;
    private URI tokenEndpoint;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
        operator = Api.operator(server);
        tokenEndpoint = URI.create(server.baseUrl() + "/test/oidc/token");
    }

    @Test
    void aSecretIsShownOnceAndAuthenticatesInTheBasicHeaderOnly() throws Exception {
        Registered client = register("client_secret_basic", true, true);
        assertThat(client.secret()).hasSize(43);
        assertThat(operator.get(SERVICES + "/" + client.clientId()).json().containsKey("clientSecret")).isFalse();

        assertThat(exchange(client, new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.secret())))
                .indicatesSuccess()).isTrue();
        assertInvalidClient(exchange(client, new ClientSecretBasic(new ClientID(client.clientId()), new Secret("wrong"))));
        assertInvalidClient(exchange(client, new ClientSecretPost(new ClientID(client.clientId()), new Secret(client.secret()))));
    }

    @Test
    void aPostSecretAuthenticatesAndANewSecretReplacesTheOldAtOnce() throws Exception {
        Registered client = register("client_secret_post", true, true);
        assertThat(exchange(client, new ClientSecretPost(new ClientID(client.clientId()), new Secret(client.secret())))
                .indicatesSuccess()).isTrue();

        String newer = operator.post(SERVICES + "/" + client.clientId() + "/client-secret", "").json().getString("clientSecret");

        assertInvalidClient(exchange(client, new ClientSecretPost(new ClientID(client.clientId()), new Secret(client.secret()))));
        assertThat(exchange(client, new ClientSecretPost(new ClientID(client.clientId()), new Secret(newer)))
                .indicatesSuccess()).isTrue();
    }

    @Test
    void clientSecretsAreForTestRegistrationsOnly() {
        String serviceId = "CS" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        assertProblem(operator.post("/admin/api/environments/production/services", body(serviceId, "client_secret_basic",
                true, true).replace("\"headless\": true", "\"headless\": false")), 400, "client-secret-test-only", "clientAuth");
    }

    @Test
    void aRegistrationMayRelaxNonceAndPkceToWhatOpenIdConnectCoreAllows() throws Exception {
        Registered client = register("client_secret_basic", false, false);
        String card = portal.aCard("6402");
        HeadlessClient.Answer answer = new HeadlessClient(server).get("/test/oidc/authorize?response_type=code&client_id="
                + client.clientId() + "&redirect_uri=" + Portal.encode(client.redirect().toString())
                + "&scope=openid%20self-info&state=r1&" + HeadlessClient.cardAndConsent(card, "6402", "approve"));
        var code = AuthenticationResponseParser.parse(URI.create(answer.location().orElseThrow()))
                .toSuccessResponse().getAuthorizationCode();

        TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(tokenEndpoint,
                new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.secret())),
                new AuthorizationCodeGrant(code, client.redirect())).toHTTPRequest().send());

        assertThat(response.indicatesSuccess()).isTrue();
        var idToken = JWTParser.parse(((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDTokenString());
        assertThat(idToken.getJWTClaimsSet().getClaim("nonce")).isNull();

        HeadlessClient.Answer strict = new HeadlessClient(server).get("/test/oidc/authorize?response_type=code"
                + "&client_id=SP00000001_AA0002&redirect_uri=" + Portal.encode(portal.redirectUri("AA0002"))
                + "&scope=openid&state=r2");
        assertThat(strict.query()).as("the default registration still requires them").containsEntry("error", "invalid_request");
    }

    private TokenResponse exchange(Registered client, ClientAuthentication authentication) throws Exception {
        String card = portal.aCard("2953");
        CodeVerifier verifier = new CodeVerifier();
        HeadlessClient.Answer answer = new HeadlessClient(server).get("/test/oidc/authorize?response_type=code&client_id="
                + client.clientId() + "&redirect_uri=" + Portal.encode(client.redirect().toString())
                + "&scope=openid%20self-info&state=s&nonce=n&code_challenge="
                + CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue() + "&code_challenge_method=S256&"
                + HeadlessClient.cardAndConsent(card, "2953", "approve"));
        var code = AuthenticationResponseParser.parse(URI.create(answer.location().orElseThrow()))
                .toSuccessResponse().getAuthorizationCode();
        return TokenResponse.parse(new TokenRequest(tokenEndpoint, authentication,
                new AuthorizationCodeGrant(code, client.redirect(), verifier)).toHTTPRequest().send());
    }

    private Registered register(String clientAuth, boolean requirePkce, boolean requireNonce) {
        String serviceId = "CS" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        Api.Reply created = operator.post(SERVICES, body(serviceId, clientAuth, requirePkce, requireNonce));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Registered("SP00000001_" + serviceId, created.json().getString("clientSecret"),
                URI.create(server.baseUrl() + "/demo/" + serviceId + "/callback"));
    }

    private String body(String serviceId, String clientAuth, boolean requirePkce, boolean requireNonce) {
        return """
                {"apiUserId": "SP00000001", "serviceId": "%s", "displayName": "秘密鍵のないサービス",
                 "consentText": "自己情報を取得します。", "redirectUris": ["%s"], "apis": ["self-info"],
                 "skipFeature": true, "clientAuth": "%s", "headless": true, "requirePkce": %s, "requireNonce": %s}
                """.formatted(serviceId, server.baseUrl() + "/demo/" + serviceId + "/callback", clientAuth,
                requirePkce, requireNonce);
    }

    private static void assertInvalidClient(TokenResponse response) {
        assertThat(response.indicatesSuccess()).isFalse();
        assertThat(response.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
        assertThat(response.toErrorResponse().getErrorObject().getHTTPStatusCode()).isEqualTo(401);
    }

    /** A registration and its secret as the admin API showed it once. */
    private record Registered(String clientId, String secret, URI redirect) {
    }
}
