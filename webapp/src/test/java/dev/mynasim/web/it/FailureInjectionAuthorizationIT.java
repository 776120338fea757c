package dev.mynasim.web.it;

import static dev.mynasim.web.it.Fixtures.aHeadlessService;
import static dev.mynasim.web.it.Fixtures.anApiUser;
import static dev.mynasim.web.it.Fixtures.anApiUserId;
import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DESIGN.md 6, failure injection at the authorization steps, as a service's client sees it on both doors: a forced
 * {@code access_denied}, a card step that fails as an expired certificate or a locked card does, a token endpoint that
 * answers 401 {@code invalid_client} or answers late. Removing the rule restores the normal answers; a rule outside
 * its time box does not strike; every hit is listed.
 */
@ExtendWith(SharedServer.class)
class FailureInjectionAuthorizationIT {

    private static final String FAULTS = "/admin/api/faults";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SharedServer.Server server;
    private Portal portal;
    private Api operator;
    private String clientId;
    private String redirectUri;

    @BeforeEach
    void aHeadlessServiceOfItsOwn(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
        operator = Api.operator(server);
        String apiUser = anApiUserId();
        assertThat(operator.post("/admin/api/api-users", anApiUser(apiUser)).status()).isEqualTo(201);
        Api.Reply registered = operator.post("/admin/api/environments/test/services",
                aHeadlessService(apiUser, "FI0001", "self-info"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        clientId = apiUser + "_FI0001";
        redirectUri = "https://rp.example/FI0001/callback";
    }

    @Test
    void accessDeniedIsAnsweredAtTheRedirectUriOfBothDoorsUntilTheRuleIsRemoved() {
        String card = portal.aCard("3141");
        String rule = addRule("{\"effect\": \"access-denied\"}");

        HeadlessClient.Answer mynaportal = authorize("deny-1", HeadlessClient.cardAndConsent(card, "3141", "approve"));
        assertThat(mynaportal.status()).as(mynaportal.toString()).isEqualTo(302);
        assertThat(mynaportal.target()).isEqualTo(redirectUri);
        assertThat(mynaportal.query()).containsEntry("error", "access_denied").containsEntry("state", "deny-1")
                .doesNotContainKey("code");
        assertThat(mynaportal.query().get("error_description")).contains("failure-injection rule " + rule);

        HeadlessClient.Answer oidc = oidcAuthorize("deny-2", new CodeVerifier(),
                HeadlessClient.cardAndConsent(card, "3141", "approve"));
        assertThat(oidc.target()).isEqualTo(redirectUri);
        assertThat(oidc.query()).containsEntry("error", "access_denied").containsEntry("state", "deny-2")
                .containsEntry("iss", server.baseUrl() + "/test").doesNotContainKey("code");
        assertThat(oidc.query().get("error_description")).contains(rule);
        assertThat(cardOf(card).getInt("failures")).as("the card was never read").isZero();

        HeadlessClient.Answer badRedirect = new HeadlessClient(server).get("/test/online-authorization-web/oauth/authorize"
                + "?response_type=code&client_id=" + clientId + "&redirect_uri=" + Portal.encode("https://evil.example/cb")
                + "&state=x&login_type=0");
        assertThat(badRedirect.status()).as("a bad redirect URI keeps its error page").isEqualTo(400);
        assertThat(badRedirect.location()).isEmpty();

        JsonArray hits = operator.get(FAULTS + "/" + rule + "/hits").array();
        assertThat(hits).hasSize(2);
        JsonObject newest = hits.getJsonObject(0);
        assertThat(newest.getString("ruleId")).isEqualTo(rule);
        assertThat(newest.getString("step")).isEqualTo("authorize");
        assertThat(newest.getString("subject")).isEqualTo(clientId);
        assertThat(newest.getString("detail")).contains("access_denied");
        assertThat(Instant.parse(newest.getString("at"))).isAfterOrEqualTo(Instant.parse(hits.getJsonObject(1).getString("at")));

        assertThat(operator.delete(FAULTS + "/" + rule).status()).isEqualTo(204);
        HeadlessClient.Answer restored = authorize("deny-3", HeadlessClient.cardAndConsent(card, "3141", "approve"));
        assertThat(restored.query()).as(restored.toString()).containsKey("code").doesNotContainKey("error");
    }

    @Test
    void anInjectedExpiredCertificateFailsTheCardStepWordForWordAsARealOneAndLeavesTheCardAlone() {
        String card = portal.aCard("2718");
        String expired = portal.aCard("2719", "\"notBefore\": \"2019-04-01T00:00:00Z\", \"notAfter\": \"2024-03-31T23:59:59Z\"");
        HeadlessClient.Answer real = authorize("real", HeadlessClient.cardAndConsent(expired, "2719", "approve"));
        String realMessage = readOnThePage(expired, "2719");
        String rule = addRule("{\"effect\": \"certificate-expired\", \"step\": \"card\"}");

        HeadlessClient.Answer injected = authorize("expired-1", HeadlessClient.cardAndConsent(card, "2718", "approve"));
        assertThat(injected.target()).isEqualTo(redirectUri);
        assertThat(injected.query()).containsEntry("error", "access_denied").containsEntry("state", "expired-1")
                .doesNotContainKey("code");
        assertThat(injected.query().get("error_description")).contains("certificate-expired")
                .isEqualTo(real.query().get("error_description"));

        HeadlessClient.Answer oidc = oidcAuthorize("expired-2", new CodeVerifier(),
                HeadlessClient.cardAndConsent(card, "2718", "approve"));
        assertThat(oidc.query()).containsEntry("error", "access_denied")
                .containsEntry("error_description", real.query().get("error_description"));

        assertThat(readOnThePage(card, "2718")).isEqualTo(realMessage).isEqualTo("利用者証明用電子証明書の有効期限が切れています");

        JsonObject untouched = cardOf(card);
        assertThat(untouched.getString("state")).isEqualTo("usable");
        assertThat(untouched.getInt("failures")).isZero();
        JsonArray hits = operator.get(FAULTS + "/" + rule + "/hits").array();
        assertThat(hits).hasSize(3).allSatisfy(hit -> assertThat(hit.asJsonObject().getString("step")).isEqualTo("card"));
        assertThat(hits.getJsonObject(0).getString("detail")).contains(card, "expired certificate");
        assertThat(hits.getJsonObject(0).getString("detailJa")).contains(card, "有効期限切れの証明書");

        assertThat(operator.delete(FAULTS + "/" + rule).status()).isEqualTo(204);
        assertThat(authorize("expired-3", HeadlessClient.cardAndConsent(card, "2718", "approve")).query())
                .containsKey("code");
    }

    @Test
    void anInjectedLockedCardFailsAsARealLockedCardAndStopsTheSkip() {
        String card = portal.aCard("1618");
        String locked = portal.aCard("1619");
        assertThat(operator.post("/admin/api/cards/" + locked + "/lock", "").status()).isEqualTo(200);
        HeadlessClient.Answer real = authorize("real", HeadlessClient.cardAndConsent(locked, "1619", "approve"));
        HeadlessClient client = new HeadlessClient(server);
        HeadlessClient.Answer first = client.get(authorizePath("verified", HeadlessClient.cardAndConsent(card, "1618", "approve")));
        assertThat(first.query()).as(first.toString()).containsKey("code");

        String rule = addRule("{\"effect\": \"card-locked\"}");

        HeadlessClient.Answer skipAsked = client.get(authorizePath("skip", "mynasim_consent=approve"));
        assertThat(skipAsked.location().orElseThrow()).as("a locked card is never skipped")
                .contains("/portal/verify.xhtml");
        HeadlessClient.Answer injected = client.get(authorizePath("locked", HeadlessClient.cardAndConsent(card, "1618", "approve")));
        assertThat(injected.query()).containsEntry("error", "access_denied").doesNotContainKey("code");
        assertThat(injected.query().get("error_description")).contains("card-locked")
                .isEqualTo(real.query().get("error_description"));
        assertThat(cardOf(card).getString("state")).isEqualTo("usable");

        assertThat(operator.delete(FAULTS + "/" + rule).status()).isEqualTo(204);
        HeadlessClient.Answer skipped = client.get(authorizePath("skip-again", "mynasim_consent=approve"));
        assertThat(skipped.query()).as("without the rule the session skips again: " + skipped).containsKey("code");
    }

    @Test
    void theTokenEndpointsOfBothDoorsAnswer401InvalidClientWhileTheRuleStands() {
        String card = portal.aCard("1414");
        String code = authorize("t-1", HeadlessClient.cardAndConsent(card, "1414", "approve")).query().get("code");
        CodeVerifier verifier = new CodeVerifier();
        String oidcCode = oidcAuthorize("t-2", verifier, HeadlessClient.cardAndConsent(card, "1414", "approve"))
                .query().get("code");
        String rule = addRule("{\"effect\": \"token-unauthorized\", \"step\": \"token\"}");

        Api.Reply refused = portal.token(TEST, mynaportalForm(code));
        assertInvalidClient(refused, rule);
        Api.Reply oidcRefused = oidcToken(oidcForm(oidcCode, verifier));
        assertInvalidClient(oidcRefused, rule);
        assertThat(operator.get(FAULTS + "/" + rule + "/hits").array()).hasSize(2)
                .allSatisfy(hit -> assertThat(hit.asJsonObject().getString("subject")).isEqualTo(clientId));

        assertThat(operator.delete(FAULTS + "/" + rule).status()).isEqualTo(204);
        Api.Reply issued = portal.token(TEST, mynaportalForm(code));
        assertThat(issued.status()).as("the refused request did not use the code up: " + issued).isEqualTo(200);
        assertThat(issued.json().getString("access_token")).isNotBlank();
        Api.Reply oidcIssued = oidcToken(oidcForm(oidcCode, verifier));
        assertThat(oidcIssued.status()).as(oidcIssued.toString()).isEqualTo(200);
        assertThat(oidcIssued.json().getString("id_token")).isNotBlank();
    }

    @Test
    void latencyDelaysTheTokenAnswerOfBothDoorsByTheRulesMilliseconds() {
        String card = portal.aCard("1732");
        String code = authorize("l-1", HeadlessClient.cardAndConsent(card, "1732", "approve")).query().get("code");
        CodeVerifier verifier = new CodeVerifier();
        String oidcCode = oidcAuthorize("l-2", verifier, HeadlessClient.cardAndConsent(card, "1732", "approve"))
                .query().get("code");
        String rule = addRule("{\"effect\": \"latency\", \"step\": \"token\", \"parameter\": \"1500\"}");

        long started = System.nanoTime();
        Api.Reply issued = portal.token(TEST, mynaportalForm(code));
        long mynaportalMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        Api.Reply oidcIssued = oidcToken(oidcForm(oidcCode, verifier));
        long oidcMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(oidcIssued.status()).as(oidcIssued.toString()).isEqualTo(200);
        assertThat(mynaportalMillis).isGreaterThanOrEqualTo(1500);
        assertThat(oidcMillis).isGreaterThanOrEqualTo(1500);
        assertThat(operator.get(FAULTS + "/" + rule + "/hits").array()).hasSize(2)
                .allSatisfy(hit -> assertThat(hit.asJsonObject().getString("detail")).contains("1500 ms"));
    }

    @Test
    void aRuleStrikesOnlyInsideItsTimeBox() {
        String card = portal.aCard("1123");
        Instant now = new AdminClock(server).now();
        String future = addRule("{\"effect\": \"access-denied\", \"activeFrom\": \"" + now.plus(Duration.ofHours(1)) + "\"}");
        String past = addRule("{\"effect\": \"access-denied\", \"activeFrom\": \"" + now.minus(Duration.ofHours(2))
                + "\", \"activeUntil\": \"" + now.minus(Duration.ofHours(1)) + "\"}");

        HeadlessClient.Answer outside = authorize("box-1", HeadlessClient.cardAndConsent(card, "1123", "approve"));
        assertThat(outside.query()).as(outside.toString()).containsKey("code");
        assertThat(operator.get(FAULTS + "/" + future + "/hits").array()).isEmpty();
        assertThat(operator.get(FAULTS + "/" + past + "/hits").array()).isEmpty();

        String current = addRule("{\"effect\": \"access-denied\", \"activeFrom\": \"" + now.minus(Duration.ofMinutes(1))
                + "\", \"activeUntil\": \"" + now.plus(Duration.ofHours(1)) + "\"}");
        HeadlessClient.Answer inside = authorize("box-2", HeadlessClient.cardAndConsent(card, "1123", "approve"));
        assertThat(inside.query()).containsEntry("error", "access_denied");
        assertThat(inside.query().get("error_description")).contains(current);
        assertThat(operator.get(FAULTS + "/" + current + "/hits").array()).hasSize(1);
    }

    // ---- the service's side ----

    private String addRule(String json) {
        String body = "{\"environment\": \"test\", \"clientId\": \"" + clientId + "\", " + json.substring(1);
        Api.Reply added = operator.post(FAULTS, body);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().getString("id");
    }

    /** The card step in a browser: picks the card, types the PIN, and returns the message the page shows. */
    private String readOnThePage(String serial, String pin) {
        try (Browser browser = Browser.htmlUnit(server)) {
            browser.authorize(TEST, clientId, Portal.encode(redirectUri), "page", null);
            assertThat(browser.onCardStep()).as(browser.url()).isTrue();
            browser.readCard(serial, pin);
            assertThat(browser.onConsent()).isFalse();
            return browser.cardMessage();
        }
    }

    private String authorizePath(String state, String extraQuery) {
        return "/test/online-authorization-web/oauth/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + Portal.encode(redirectUri) + "&state=" + Portal.encode(state) + "&login_type=0&"
                + extraQuery;
    }

    private HeadlessClient.Answer authorize(String state, String extraQuery) {
        return new HeadlessClient(server).get(authorizePath(state, extraQuery));
    }

    private HeadlessClient.Answer oidcAuthorize(String state, CodeVerifier verifier, String extraQuery) {
        return new HeadlessClient(server).get("/test/oidc/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + Portal.encode(redirectUri) + "&scope=openid%20self-info&state=" + state
                + "&nonce=n-" + state + "&code_challenge=" + CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue()
                + "&code_challenge_method=S256&" + extraQuery);
    }

    private Map<String, String> mynaportalForm(String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId);
        return form;
    }

    private Map<String, String> oidcForm(String code, CodeVerifier verifier) {
        Map<String, String> form = mynaportalForm(code);
        form.put("code_verifier", verifier.getValue());
        return form;
    }

    private Api.Reply oidcToken(Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> Portal.encode(e.getKey()) + "=" + Portal.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/test/oidc/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** RFC 6749 §5.2: 401 with the challenge, JSON {@code error} and a description that names the rule. */
    private static void assertInvalidClient(Api.Reply reply, String rule) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(reply.raw().headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(reply.json().getString("error")).isEqualTo("invalid_client");
        assertThat(reply.json().getString("error_description")).contains(rule);
    }

    private JsonObject cardOf(String serial) {
        Api.Reply reply = operator.get("/admin/api/cards/" + serial);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }
}
