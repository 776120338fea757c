package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The standard OpenID Connect door, walked by a maintained OIDC client library (Nimbus OAuth 2.0 SDK with OpenID
 * Connect extensions) as the relying party, which validates the ID token with the published JWKS.
 */
@ExtendWith(SharedServer.class)
class OpenIdConnectDoorIT {

    private SharedServer.Server server;
    private Portal portal;
    private OIDCProviderMetadata provider;

    @BeforeEach
    void discover(SharedServer.Server server) throws Exception {
        this.server = server;
        portal = new Portal(server);
        provider = OIDCProviderMetadata.resolve(new Issuer(server.baseUrl() + "/test"));
    }

    @Test
    void discoveryDescribesTheDoorOfTheEnvironment() {
        assertThat(provider.getIssuer().getValue()).isEqualTo(server.baseUrl() + "/test");
        assertThat(provider.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
        assertThat(provider.getScopes().toStringList()).contains("openid", "medical-insurance", "self-info", "name");
        assertThat(provider.getSubjectTypes()).extracting(Object::toString).containsExactly("pairwise");
        assertThat(provider.getIDTokenJWSAlgs()).containsExactly(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    }

    @Test
    void aRelyingPartyWalksTheCodeFlowInABrowserAndValidatesTheIdToken() throws Exception {
        String card = portal.aCard("4826");
        Flow flow = new Flow("SP00000001_AA0001", new Scope("openid", "medical-insurance", "self-info", "name", "birthdate"));
        try (Browser browser = Browser.htmlUnit(server)) {
            browser.open(flow.request().toURI().toString());
            browser.readCard(card, "4826");
            assertThat(browser.consentApis()).contains("医療保険情報取得 API", "自己情報取得 API", "氏名", "生年月日")
                    .doesNotContain("住所");
            browser.approve();
            AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(browser.url()));
            assertThat(response.indicatesSuccess()).as(browser.url()).isTrue();
            assertThat(response.getState()).isEqualTo(flow.state);

            OIDCTokenResponse tokens = flow.exchange(response.toSuccessResponse().getAuthorizationCode());
            IDTokenClaimsSet idToken = flow.validate(tokens.getOIDCTokens().getIDToken());
            assertThat(idToken.getBooleanClaim("verification_skipped")).isFalse();
            assertThat(idToken.getAuthenticationTime()).isNotNull();
            assertThat(idToken.getACR().getValue()).isEqualTo("urn:mynasim:acr:mynumbercard-user-certificate");
            assertThat(idToken.getStringClaim("name")).isEqualTo("試験 花子");
            assertThat(idToken.getStringClaim("birthdate")).isEqualTo("1990-01-01");
            assertThat(idToken.getClaim("address")).as("not consented").isNull();
            assertThat(tokens.getOIDCTokens().getAccessToken().getScope().toStringList())
                    .contains("openid", "medical-insurance", "self-info");

            UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                    tokens.getOIDCTokens().getBearerAccessToken()).toHTTPRequest().send());
            assertThat(userInfo.indicatesSuccess()).isTrue();
            var claims = userInfo.toSuccessResponse().getUserInfo();
            assertThat(claims.getSubject()).isEqualTo(idToken.getSubject());
            assertThat(claims.getName()).isEqualTo("試験 花子");
            assertThat(claims.getGender()).isNull();

            var body = new com.nimbusds.oauth2.sdk.http.HTTPRequest(com.nimbusds.oauth2.sdk.http.HTTPRequest.Method.POST,
                    provider.getUserInfoEndpointURI());
            body.setContentType("application/x-www-form-urlencoded");
            body.setBody("access_token=" + tokens.getOIDCTokens().getAccessToken().getValue());
            UserInfoResponse inBody = UserInfoResponse.parse(body.send());
            assertThat(inBody.indicatesSuccess()).as("RFC 6750 §2.2: the token in the form body").isTrue();
        }
    }

    @Test
    void caseTwoPassesThroughThisDoorAsThroughTheOther() throws Exception {
        String card = portal.aCard("9173");
        HeadlessClient client = new HeadlessClient(server);
        Flow first = new Flow("SP00000001_AA0001", new Scope("openid", "medical-insurance"));
        HeadlessClient.Answer one = client.get(first.path(HeadlessClient.cardAndConsent(card, "9173", "approve")));
        IDTokenClaimsSet firstToken = first.validate(first.exchange(code(one, first)).getOIDCTokens().getIDToken());

        Flow second = new Flow("SP00000001_AA0002", new Scope("openid", "self-info"));
        HeadlessClient.Answer two = client.get(second.path("mynasim_consent=approve"));
        IDTokenClaimsSet secondToken = second.validate(second.exchange(code(two, second)).getOIDCTokens().getIDToken());

        assertThat(firstToken.getBooleanClaim("verification_skipped")).isFalse();
        assertThat(secondToken.getBooleanClaim("verification_skipped")).isTrue();
        assertThat(secondToken.getAuthenticationTime()).isEqualTo(firstToken.getAuthenticationTime());
        assertThat(secondToken.getSubject()).isEqualTo(firstToken.getSubject());
    }

    @Test
    void caseOnePassesThroughThisDoorAsThroughTheOther() throws Exception {
        String card = portal.aCard("3184");
        HeadlessClient client = new HeadlessClient(server);
        Flow first = new Flow("SP00000001_AA0005", new Scope("openid", "notices", "attribute-linkage"));
        OIDCTokenResponse one = first.exchange(code(client.get(first.path(
                HeadlessClient.cardAndConsent(card, "3184", "approve"))), first));
        assertThat(one.getOIDCTokens().getAccessToken().getScope().toStringList())
                .contains("notices", "attribute-linkage");

        Flow again = new Flow("SP00000001_AA0005", new Scope("openid", "notices"));
        IDTokenClaimsSet repeat = again.validate(again.exchange(code(client.get(again.path("mynasim_consent=approve")),
                again)).getOIDCTokens().getIDToken());
        assertThat(repeat.getBooleanClaim("verification_skipped")).as("its own skip domain").isTrue();
    }

    @Test
    void anIdTokenHintOfAnotherPersonAsksForACardReadAndAForeignHintIsRefused() throws Exception {
        HeadlessClient mine = new HeadlessClient(server);
        String myCard = portal.aCard("4419");
        Flow myFlow = new Flow("SP00000001_AA0002", new Scope("openid", "self-info"));
        String myIdToken = myFlow.exchange(code(mine.get(myFlow.path(HeadlessClient.cardAndConsent(myCard, "4419",
                "approve"))), myFlow)).getOIDCTokens().getIDTokenString();
        String otherCard = portal.aCard("5520");
        Flow otherFlow = new Flow("SP00000001_AA0002", new Scope("openid", "self-info"));
        String otherIdToken = otherFlow.exchange(code(new HeadlessClient(server).get(otherFlow.path(
                HeadlessClient.cardAndConsent(otherCard, "5520", "approve"))), otherFlow)).getOIDCTokens().getIDTokenString();

        Flow probe = new Flow("SP00000001_AA0002", new Scope("openid", "self-info"));
        assertThat(mine.get(probe.path("prompt=none&id_token_hint=" + myIdToken)).query())
                .as("the session's own person: only consent is missing").containsEntry("error", "consent_required");
        assertThat(mine.get(probe.path("prompt=none&id_token_hint=" + otherIdToken)).query())
                .as("another person: a card read is needed").containsEntry("error", "login_required");
        assertThat(mine.get(probe.path("id_token_hint=not-a-token")).query())
                .containsEntry("error", "invalid_request");
    }

    @Test
    void pkceNonceAndScopeAreEnforcedAtTheAuthorizationEndpoint() {
        HeadlessClient client = new HeadlessClient(server);
        Flow flow = new Flow("SP00000001_AA0002", new Scope("openid", "self-info"));
        String base = "/test/oidc/authorize?response_type=code&client_id=SP00000001_AA0002&redirect_uri="
                + Portal.encode(portal.redirectUri("AA0002")) + "&state=s1";

        assertError(client.get(base + "&scope=openid&nonce=n1"), "invalid_request", "code_challenge");
        assertError(client.get(base + "&scope=openid&nonce=n1&code_challenge=" + "a".repeat(43)
                + "&code_challenge_method=plain"), "invalid_request", "plain");
        assertError(client.get(base + "&scope=openid&code_challenge=" + flow.challenge() + "&code_challenge_method=S256"),
                "invalid_request", "nonce");
        assertError(client.get(base + "&scope=" + Portal.encode("openid medical-insurance") + "&nonce=n1&code_challenge="
                + flow.challenge() + "&code_challenge_method=S256"), "invalid_scope", "medical-insurance");
        assertError(client.get(base + "&scope=self-info&nonce=n1&code_challenge=" + flow.challenge()
                + "&code_challenge_method=S256"), "invalid_scope", "openid");
        assertError(client.get(base + "&scope=openid&nonce=n1&code_challenge=" + flow.challenge()
                + "&code_challenge_method=S256&prompt=none"), "login_required", "card");
        assertError(client.get(base + "&scope=openid&nonce=a%01b&code_challenge=" + flow.challenge()
                + "&code_challenge_method=S256"), "invalid_request", "control characters");
        assertError(client.get(base + "&scope=openid&nonce=" + "n".repeat(3000) + "&code_challenge=" + flow.challenge()
                + "&code_challenge_method=S256"), "invalid_request", "longer than");
    }

    @Test
    void aWrongOrMissingCodeVerifierIsInvalidGrant() throws Exception {
        String card = portal.aCard("6284");
        Flow flow = new Flow("SP00000001_AA0002", new Scope("openid", "self-info"));
        HeadlessClient client = new HeadlessClient(server);
        AuthorizationCode code = code(client.get(flow.path(HeadlessClient.cardAndConsent(card, "6284", "approve"))), flow);

        TokenResponse wrong = TokenResponse.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientID(flow.clientId), new AuthorizationCodeGrant(code, flow.redirect, new CodeVerifier()))
                .toHTTPRequest().send());

        assertThat(wrong.indicatesSuccess()).isFalse();
        TokenErrorResponse error = wrong.toErrorResponse();
        AuthorizationCode another = code(client.get(flow.path("mynasim_consent=approve")), flow);
        TokenResponse missing = TokenResponse.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientID(flow.clientId), new AuthorizationCodeGrant(another, flow.redirect)).toHTTPRequest().send());
        assertThat(missing.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_request");
        assertThat(missing.toErrorResponse().getErrorObject().getDescription()).contains("code_verifier");
        assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(error.getErrorObject().getDescription()).contains("code_verifier");
    }

    @Test
    void aTokenOfTheTestEnvironmentIsRefusedAtTheProductionUserinfo() throws Exception {
        String card = portal.aCard("3951");
        Flow flow = new Flow("SP00000001_AA0002", new Scope("openid", "self-info"));
        HeadlessClient client = new HeadlessClient(server);
        OIDCTokenResponse tokens = flow.exchange(code(client.get(flow.path(
                HeadlessClient.cardAndConsent(card, "3951", "approve"))), flow));

        UserInfoResponse production = UserInfoResponse.parse(new UserInfoRequest(
                URI.create(server.baseUrl() + "/production/oidc/userinfo"),
                tokens.getOIDCTokens().getBearerAccessToken()).toHTTPRequest().send());

        assertThat(production.indicatesSuccess()).isFalse();
        assertThat(production.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_token");
    }

    @Test
    void anOperatorRotatesTheKeysAndTokensOfThePreviousKeyStillVerify() throws Exception {
        String card = portal.aCard("5173");
        HeadlessClient client = new HeadlessClient(server);
        Flow flow = new Flow("SP00000001_AA0002", new Scope("openid", "self-info"));
        OIDCTokenResponse before = flow.exchange(code(client.get(flow.path(
                HeadlessClient.cardAndConsent(card, "5173", "approve"))), flow));
        Api operator = Api.operator(server);
        String oldKid = operator.get("/admin/api/environments/test/signing-keys").json().getString("signing");

        var rotated = operator.post("/admin/api/environments/test/signing-keys/rotate", "").json();
        assertThat(rotated.getString("signing")).isNotEqualTo(oldKid);
        assertThat(rotated.getJsonArray("published").getValuesAs(jakarta.json.JsonString::getString))
                .contains(oldKid, rotated.getString("signing"));
        assertThat(userinfo(before).indicatesSuccess()).as("signed by the previous key").isTrue();
        Flow after = new Flow("SP00000001_AA0002", new Scope("openid", "self-info"));
        OIDCTokenResponse newer = after.exchange(code(client.get(after.path("mynasim_consent=approve")), after));
        assertThat(newer.getOIDCTokens().getIDToken().getHeader().toJSONObject().get("kid"))
                .isEqualTo(rotated.getString("signing"));
        after.validate(newer.getOIDCTokens().getIDToken());

        operator.post("/admin/api/environments/test/signing-keys/rotate", "");
        assertThat(userinfo(before).indicatesSuccess()).as("two rotations retire the oldest key").isFalse();
        assertThat(Api.as(server, "sp00000001", "demo-password-1")
                .post("/admin/api/environments/test/signing-keys/rotate", "").status()).isEqualTo(403);
    }

    @Test
    void aRegistrationThatAsksForEs256GetsEs256IdTokensVerifiableWithThePublishedKeys() throws Exception {
        String serviceId = "ES" + String.format("%04d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000));
        assertThat(Api.operator(server).post("/admin/api/environments/test/services", """
                {"apiUserId": "SP00000001", "serviceId": "%s", "displayName": "楕円曲線のサービス", "consentText": "取得します。",
                 "redirectUris": ["%s"], "apis": ["self-info"], "skipFeature": true, "clientAuth": "none",
                 "headless": true, "idTokenAlg": "ES256"}
                """.formatted(serviceId, portal.redirectUri(serviceId))).status()).isEqualTo(201);
        String card = portal.aCard("7395");
        Flow flow = new Flow("SP00000001_" + serviceId, new Scope("openid", "self-info"));
        OIDCTokenResponse tokens = flow.exchange(code(new HeadlessClient(server).get(flow.path(
                HeadlessClient.cardAndConsent(card, "7395", "approve"))), flow));

        JWT idToken = tokens.getOIDCTokens().getIDToken();
        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        IDTokenClaimsSet claims = new IDTokenValidator(provider.getIssuer(), new ClientID(flow.clientId),
                JWSAlgorithm.ES256, new URL(provider.getJWKSetURI().toString())).validate(idToken, flow.nonce);
        assertThat(claims.getSubject().getValue()).isNotBlank();
        assertThat(tokens.getOIDCTokens().getAccessToken().getValue()).as("access tokens stay RS256")
                .startsWith("eyJ");
        assertThat(com.nimbusds.jwt.SignedJWT.parse(tokens.getOIDCTokens().getAccessToken().getValue()).getHeader()
                .getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    }

    private UserInfoResponse userinfo(OIDCTokenResponse tokens) throws Exception {
        return UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                tokens.getOIDCTokens().getBearerAccessToken()).toHTTPRequest().send());
    }

    private void assertError(HeadlessClient.Answer answer, String error, String mentions) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        assertThat(answer.query()).as(answer.toString()).containsEntry("error", error).containsEntry("state", "s1")
                .as("RFC 9207").containsEntry("iss", server.baseUrl() + "/test");
        assertThat(answer.query().get("error_description")).contains(mentions);
    }

    private static AuthorizationCode code(HeadlessClient.Answer answer, Flow flow) throws Exception {
        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(answer.location().orElseThrow()));
        assertThat(response.indicatesSuccess()).as(answer.toString()).isTrue();
        assertThat(response.getState()).isEqualTo(flow.state);
        return response.toSuccessResponse().getAuthorizationCode();
    }

    /** One relying-party flow: its state, nonce and PKCE verifier, as the library makes them. */
    private final class Flow {
        final String clientId;
        final Scope scope;
        final URI redirect;
        final State state = new State();
        final Nonce nonce = new Nonce();
        final CodeVerifier verifier = new CodeVerifier();

        Flow(String clientId, Scope scope) {
            this.clientId = clientId;
            this.scope = scope;
            this.redirect = URI.create(portal.redirectUri(clientId.substring(clientId.indexOf('_') + 1)));
        }

        AuthenticationRequest request() {
            return new AuthenticationRequest.Builder(ResponseType.CODE, scope, new ClientID(clientId), redirect)
                    .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                    .endpointURI(provider.getAuthorizationEndpointURI()).build();
        }

        String path(String extra) {
            String uri = request().toURI().toString();
            return uri.substring(server.baseUrl().length()) + "&" + extra;
        }

        String challenge() {
            return com.nimbusds.oauth2.sdk.pkce.CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
        }

        OIDCTokenResponse exchange(AuthorizationCode code) throws Exception {
            TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                    new ClientID(clientId), new AuthorizationCodeGrant(code, redirect, verifier)).toHTTPRequest().send());
            assertThat(response.indicatesSuccess()).as(String.valueOf(response instanceof TokenErrorResponse e
                    ? e.getErrorObject().toJSONObject() : "")).isTrue();
            return (OIDCTokenResponse) response.toSuccessResponse();
        }

        IDTokenClaimsSet validate(JWT idToken) throws Exception {
            return new IDTokenValidator(provider.getIssuer(), new ClientID(clientId), JWSAlgorithm.RS256,
                    new URL(provider.getJWKSetURI().toString())).validate(idToken, nonce);
        }
    }
}
