package dev.mynasim.web.it;

import static dev.mynasim.web.it.RegistryAdminApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the OpenID Foundation's Basic OP certification plan ({@code oidcc-basic-certification-test-plan}) checks of
 * the OpenID Connect door, one test per finding, each named after the section of OpenID Connect Core 1.0 that
 * names the wire response: the authorization endpoint over POST, request objects refused with their own errors, a
 * remembered consent for registrations that ask for it (TEST only), unknown scope values ignored, {@code state}
 * optional under the nonce relaxation, and a {@code login_hint} that is only a hint.
 */
@ExtendWith(SharedServer.class)
class OidcBasicCertificationIT {

    private static final String SERVICES = "/admin/api/environments/test/services";

    private SharedServer.Server server;
    private Portal portal;
    private Api operator;
    private String issuer;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
        operator = Api.operator(server);
        issuer = server.baseUrl() + "/test";
    }

    @Test
    void core3_1_2_1_theAuthorizationEndpointTakesPostWithTheSameRulesAndPages() throws Exception {
        HeadlessClient client = new HeadlessClient(server);
        Request request = new Request("SP00000001_AA0002", portal.redirectUri("AA0002"), "openid self-info");

        HeadlessClient.Answer page = client.post("/test/oidc/authorize", FORM, request.form(""));
        assertThat(page.status()).as(page.toString()).isEqualTo(302);
        assertThat(page.target()).as("the same card step as after a GET").isEqualTo(server.baseUrl() + "/portal/verify.xhtml");
        HeadlessClient.Answer cardStep = client.get(page.location().orElseThrow().substring(server.baseUrl().length()));
        assertThat(cardStep.status()).isEqualTo(200);
        assertThat(cardStep.body()).contains("id=\"verify\"");

        String card = portal.aCard("8135");
        HeadlessClient.Answer approved = client.post("/test/oidc/authorize", FORM,
                request.form(HeadlessClient.cardAndConsent(card, "8135", "approve")));
        assertThat(approved.query()).as(approved.toString()).containsKey("code").containsEntry("state", request.state)
                .containsEntry("iss", issuer);
        OIDCTokenResponse tokens = request.exchange(new AuthorizationCode(approved.query().get("code")));
        assertThat(claims(tokens).getStringClaim("nonce")).isEqualTo(request.nonce);

        HeadlessClient.Answer noNonce = client.post("/test/oidc/authorize", FORM,
                request.form("").replace("&nonce=" + request.nonce, ""));
        assertThat(noNonce.query()).as("the same rules: a redirected error").containsEntry("error", "invalid_request")
                .containsEntry("state", request.state);
        assertThat(noNonce.query().get("error_description")).contains("nonce");

        HeadlessClient.Answer notAForm = client.post("/test/oidc/authorize", "application/json", "{\"scope\": \"openid\"}");
        assertThat(notAForm.status()).as("no client to trust: the error page, never a redirect").isEqualTo(400);
        assertThat(notAForm.location()).isEmpty();
        assertThat(notAForm.contentType()).startsWith("text/html");
        assertThat(notAForm.body()).contains("application/x-www-form-urlencoded");
    }

    @Test
    void core6_1_and_6_2_requestObjectsAreRefusedWithRequestNotSupportedAndRequestUriNotSupported() {
        JsonObject discovery = Api.anonymous(server).get("/test/.well-known/openid-configuration").json();
        assertThat(discovery.getBoolean("request_parameter_supported")).isFalse();
        assertThat(discovery.getBoolean("request_uri_parameter_supported")).isFalse();
        HeadlessClient client = new HeadlessClient(server);
        Request request = new Request("SP00000001_AA0002", portal.redirectUri("AA0002"), "openid self-info");
        // an unsigned request object (alg none) longer than the door's 2,048-character parameter limit
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"SP00000001_AA0002\","
                + "\"aud\":\"" + issuer + "\",\"scope\":\"openid self-info\",\"pad\":\"" + "x".repeat(2100) + "\"}")
                .getBytes());
        String requestObject = header + "." + payload + ".";

        HeadlessClient.Answer byValue = client.get("/test/oidc/authorize?" + request.form("request=" + requestObject));
        assertThat(byValue.status()).isEqualTo(302);
        assertThat(byValue.query()).as(byValue.toString()).containsEntry("error", "request_not_supported")
                .containsEntry("state", request.state).containsEntry("iss", issuer).doesNotContainKey("code");

        HeadlessClient.Answer byReference = client.post("/test/oidc/authorize", FORM,
                request.form("request_uri=" + Portal.encode("https://rp.example/requests/1")));
        assertThat(byReference.query()).as(byReference.toString()).containsEntry("error", "request_uri_not_supported")
                .containsEntry("state", request.state).containsEntry("iss", issuer);

        HeadlessClient.Answer foreignRedirect = client.get("/test/oidc/authorize?" + request.form("request=" + requestObject)
                .replace(Portal.encode(portal.redirectUri("AA0002")), Portal.encode("https://attacker.example/cb")));
        assertThat(foreignRedirect.status()).as("the client and redirect URI are checked first (DESIGN.md 9.4)")
                .isEqualTo(400);
        assertThat(foreignRedirect.location()).isEmpty();
    }

    @Test
    void core3_1_2_6_aRegistrationThatRemembersConsentAnswersPromptNoneWithACodeAndTheDefaultStillAsks() throws Exception {
        String serviceId = newServiceId("RC");
        Api.Reply created = operator.post(SERVICES, registration(serviceId, """
                "headless": true, "rememberConsent": true"""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getBoolean("rememberConsent")).isTrue();
        String clientId = "SP00000001_" + serviceId;
        String redirect = redirectOf(serviceId);
        String card = portal.aCard("2468");
        HeadlessClient browser = new HeadlessClient(server);

        Request first = new Request(clientId, redirect, "openid self-info");
        HeadlessClient.Answer login = browser.get("/test/oidc/authorize?" + first.form(
                HeadlessClient.cardAndConsent(card, "2468", "approve")));
        OIDCTokenResponse firstTokens = first.exchange(new AuthorizationCode(login.query().get("code")));
        String idToken = firstTokens.getOIDCTokens().getIDTokenString();

        Request silent = new Request(clientId, redirect, "openid self-info");
        HeadlessClient.Answer none = browser.get("/test/oidc/authorize?" + silent.form("prompt=none"));
        assertThat(none.query()).as(none.toString()).containsKey("code").doesNotContainKey("error")
                .containsEntry("state", silent.state);
        JWTClaimsSet silentToken = claims(silent.exchange(new AuthorizationCode(none.query().get("code"))));
        assertThat(silentToken.getBooleanClaim("verification_skipped")).isTrue();
        assertThat(silentToken.getSubject()).isEqualTo(claims(firstTokens).getSubject());

        Request hinted = new Request(clientId, redirect, "openid self-info");
        HeadlessClient.Answer withHint = browser.get("/test/oidc/authorize?" + hinted.form("prompt=none&id_token_hint="
                + idToken));
        assertThat(withHint.query()).as(withHint.toString()).containsKey("code");

        Request narrower = new Request(clientId, redirect, "openid");
        assertThat(browser.get("/test/oidc/authorize?" + narrower.form("prompt=none")).query())
                .as("fewer APIs than consented are covered").containsKey("code");
        Request wider = new Request(clientId, redirect, "openid self-info name");
        assertThat(browser.get("/test/oidc/authorize?" + wider.form("prompt=none")).query())
                .as("an attribute never consented is not").containsEntry("error", "consent_required");
        Request asked = new Request(clientId, redirect, "openid self-info");
        assertThat(browser.get("/test/oidc/authorize?" + asked.form("prompt=consent")).target())
                .as("prompt=consent shows the consent screen").isEqualTo(server.baseUrl() + "/portal/consent.xhtml");

        assertThat(operator.get("/admin/api/audit?action=consent.remembered&subject="
                + Portal.encode("test/" + clientId)).array()).as("each remembered consent is audited").hasSize(3);

        HeadlessClient other = new HeadlessClient(server);
        String otherCard = portal.aCard("1357");
        Request byDefault = new Request("SP00000001_AA0002", portal.redirectUri("AA0002"), "openid self-info");
        byDefault.exchange(new AuthorizationCode(other.get("/test/oidc/authorize?" + byDefault.form(
                HeadlessClient.cardAndConsent(otherCard, "1357", "approve"))).query().get("code")));
        Request again = new Request("SP00000001_AA0002", portal.redirectUri("AA0002"), "openid self-info");
        assertThat(other.get("/test/oidc/authorize?" + again.form("prompt=none")).query())
                .as("the default: consent on every authorization (guideline)").containsEntry("error", "consent_required");
    }

    @Test
    void rememberedConsentIsATestRegistrationFlagRefusedForProductionThroughTheAdminApi() {
        String serviceId = newServiceId("RP");
        String production = "/admin/api/environments/production/services";
        assertProblem(operator.post(production, registration(serviceId, """
                "rememberConsent": true""").replace("\"none\"", "\"tls_client_auth\"")),
                400, "remember-consent-test-only", "rememberConsent");
        assertThat(operator.get(production + "/SP00000001_" + serviceId).status()).as("nothing registered").isEqualTo(404);

        Api.Reply plain = operator.post(production, registration(serviceId, """
                "rememberConsent": false""").replace("\"none\"", "\"tls_client_auth\""));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        assertThat(plain.json().getBoolean("rememberConsent")).isFalse();
        assertProblem(operator.put(production + "/SP00000001_" + serviceId, registration(serviceId, """
                "rememberConsent": true""").replace("\"none\"", "\"tls_client_auth\"")),
                400, "remember-consent-test-only", "rememberConsent");
        assertThat(operator.get(production + "/SP00000001_" + serviceId).json().getBoolean("rememberConsent"))
                .as("the change was refused whole").isFalse();

        String testId = newServiceId("RT");
        assertThat(operator.post(SERVICES, registration(testId, "\"headless\": true")).json()
                .getBoolean("rememberConsent")).as("off unless asked for").isFalse();
    }

    @Test
    void core3_1_2_1_unknownScopeValuesAreIgnoredButAnApiOutsideTheRegistrationStaysInvalidScope() throws Exception {
        HeadlessClient client = new HeadlessClient(server);
        String card = portal.aCard("9753");
        Request request = new Request("SP00000001_AA0002", portal.redirectUri("AA0002"), "openid profile email self-info");
        HeadlessClient.Answer answer = client.get("/test/oidc/authorize?" + request.form(
                HeadlessClient.cardAndConsent(card, "9753", "approve")));
        assertThat(answer.query()).as(answer.toString()).containsKey("code");
        OIDCTokenResponse tokens = request.exchange(new AuthorizationCode(answer.query().get("code")));
        assertThat(tokens.getOIDCTokens().getAccessToken().getScope().toStringList())
                .contains("openid", "self-info").doesNotContain("profile", "email");

        Request outside = new Request("SP00000001_AA0002", portal.redirectUri("AA0002"), "openid profile medical-insurance");
        HeadlessClient.Answer refused = client.get("/test/oidc/authorize?" + outside.form("mynasim_consent=approve"));
        assertThat(refused.query()).as(refused.toString()).containsEntry("error", "invalid_scope")
                .containsEntry("state", outside.state);
        assertThat(refused.query().get("error_description")).contains("medical-insurance");
    }

    @Test
    void core3_1_2_1_stateIsOptionalUnderTheNonceRelaxationAndTheCodeComesBackWithoutOne() throws Exception {
        String serviceId = newServiceId("SO");
        assertThat(operator.post(SERVICES, registration(serviceId, """
                "headless": true, "requireNonce": false""")).status()).isEqualTo(201);
        String card = portal.aCard("3579");
        Request request = new Request("SP00000001_" + serviceId, redirectOf(serviceId), "openid self-info");
        HeadlessClient.Answer answer = new HeadlessClient(server).get("/test/oidc/authorize?" + request.form(
                HeadlessClient.cardAndConsent(card, "3579", "approve")).replace("&state=" + request.state, "")
                .replace("&nonce=" + request.nonce, ""));
        assertThat(answer.query()).as(answer.toString()).containsKey("code").doesNotContainKey("state")
                .containsEntry("iss", issuer);
        assertThat(request.exchange(new AuthorizationCode(answer.query().get("code"))).indicatesSuccess()).isTrue();

        Request strict = new Request("SP00000001_AA0002", portal.redirectUri("AA0002"), "openid self-info");
        HeadlessClient.Answer refused = new HeadlessClient(server).get("/test/oidc/authorize?"
                + strict.form("").replace("&state=" + strict.state, ""));
        assertThat(refused.query()).as("the default registration still requires state")
                .containsEntry("error", "invalid_request").doesNotContainKey("state");
        assertThat(refused.query().get("error_description")).contains("state");
    }

    @Test
    void core3_1_2_1_aLoginHintThatIsNotACardIsAHintOnARegistrationWithoutHeadlessMode() {
        String serviceId = newServiceId("LH");
        assertThat(operator.post(SERVICES, registration(serviceId, "\"headless\": false")).status()).isEqualTo(201);
        Request request = new Request("SP00000001_" + serviceId, redirectOf(serviceId), "openid self-info");
        HeadlessClient client = new HeadlessClient(server);

        HeadlessClient.Answer hinted = client.get("/test/oidc/authorize?" + request.form("login_hint="
                + Portal.encode("hanako@example.jp")));
        assertThat(hinted.status()).as(hinted.toString()).isEqualTo(302);
        assertThat(hinted.target()).as("not refused: the card step as without a hint").isEqualTo(server.baseUrl() + "/portal/verify.xhtml");

        HeadlessClient.Answer headless = client.get("/test/oidc/authorize?" + request.form("login_hint="
                + Portal.encode("card:100000000001") + "&mynasim_pin=1234"));
        assertThat(headless.query()).as("card:… is headless mode, which this registration does not have")
                .containsEntry("error", "invalid_request");
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    private static String newServiceId(String prefix) {
        return prefix + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
    }

    private static String redirectOf(String serviceId) {
        return "https://rp.example/" + serviceId + "/callback";
    }

    /** A TEST registration of SP00000001 for self-info, clientAuth none, with the given extra JSON members. */
    private static String registration(String serviceId, String extra) {
        return """
                {"apiUserId": "SP00000001", "serviceId": "%s", "displayName": "認定テスト %s",
                 "consentText": "自己情報を取得します。", "redirectUris": ["%s"], "apis": ["self-info"],
                 "skipFeature": true, "clientAuth": "none", %s}
                """.formatted(serviceId, serviceId, redirectOf(serviceId), extra);
    }

    private static JWTClaimsSet claims(OIDCTokenResponse tokens) throws Exception {
        return JWTParser.parse(tokens.getOIDCTokens().getIDTokenString()).getJWTClaimsSet();
    }

    /** One authentication request of a public client: its state, nonce and PKCE verifier, form-encoded. */
    private final class Request {
        final String clientId;
        final String redirect;
        final String scope;
        final String state = "st-" + ThreadLocalRandom.current().nextInt(1_000_000);
        final String nonce = "nc-" + ThreadLocalRandom.current().nextInt(1_000_000);
        final CodeVerifier verifier = new CodeVerifier();

        Request(String clientId, String redirect, String scope) {
            this.clientId = clientId;
            this.redirect = redirect;
            this.scope = scope;
        }

        /** The parameters as a query or a form body, with more appended. */
        String form(String extra) {
            return "response_type=code&client_id=" + clientId + "&redirect_uri=" + Portal.encode(redirect)
                    + "&scope=" + Portal.encode(scope) + "&state=" + state + "&nonce=" + nonce + "&code_challenge="
                    + CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue()
                    + "&code_challenge_method=S256" + (extra.isEmpty() ? "" : "&" + extra);
        }

        OIDCTokenResponse exchange(AuthorizationCode code) throws Exception {
            TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(
                    URI.create(issuer + "/oidc/token"), new ClientID(clientId),
                    new AuthorizationCodeGrant(code, URI.create(redirect), verifier)).toHTTPRequest().send());
            assertThat(response.indicatesSuccess()).as(String.valueOf(response instanceof TokenErrorResponse e
                    ? e.getErrorObject().toJSONObject() : "")).isTrue();
            return (OIDCTokenResponse) response.toSuccessResponse();
        }
    }
}
