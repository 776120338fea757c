package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RFC 6749 §4.1.2, §4.1.3, §5.1, §5.2 and DESIGN.md 9.3, 9.4 on the Mynaportal-compatible door: codes are single-use,
 * short-lived and bound to their client and redirect URI, a replayed code revokes what it issued, errors are the RFC's
 * JSON, and a bad client or redirect URI gets a Japanese error page instead of a redirect. Codes come from headless
 * TEST authorizations, so each test has its own.
 */
@ExtendWith(SharedServer.class)
class CodeExchangeIT {

    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
    }

    @Test
    void aReplayedCodeIsRefusedAndRevokesTheGrantOfItsFirstUse() {
        String code = aCode("AA0004");
        Api.Reply first = portal.exchange(TEST, "AA0004", code, portal.redirectUri("AA0004"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String grant = Portal.claims(first.json().getString("access_token")).getString("gid");
        assertThat(revocationsOf(grant)).as("not revoked before the replay").isEmpty();

        Api.Reply replay = portal.exchange(TEST, "AA0004", code, portal.redirectUri("AA0004"));

        assertRfcError(replay, 400, "invalid_grant");
        assertThat(revocationsOf(grant)).as("RFC 6749 §4.1.2: the grant of the first use is revoked").hasSize(1);
    }

    @Test
    void aCodeIsBoundToItsRedirectUri() {
        String code = aCode("AA0004");
        Api.Reply reply = portal.exchange(TEST, "AA0004", code, portal.redirectUri("AA0004") + "/other");
        assertRfcError(reply, 400, "invalid_grant");
    }

    @Test
    void aCodeIsBoundToItsClient() {
        String code = aCode("AA0004");
        Api.Reply reply = portal.exchange(TEST, "AA0003", code, portal.redirectUri("AA0004"));
        assertRfcError(reply, 400, "invalid_grant");
    }

    @Test
    void anUnknownClientIsInvalidClient() {
        String code = aCode("AA0004");
        Map<String, String> form = form(code, portal.redirectUri("AA0004"), "SP00000001_ZZ9999");
        Api.Reply reply = portal.token(TEST, form);
        assertRfcError(reply, 401, "invalid_client");
        assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).as("RFC 6749 §5.2 with 401").isPresent();
    }

    @Test
    void aCodeOlderThanItsLifetimeIsRefused() {
        String code = aCode("AA0004");
        AdminClock clock = new AdminClock(server);
        try {
            clock.move(Duration.ofSeconds(61));
            Api.Reply reply = portal.exchange(TEST, "AA0004", code, portal.redirectUri("AA0004"));
            assertRfcError(reply, 400, "invalid_grant");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aCodeWithinItsLifetimeIsExchanged() {
        String code = aCode("AA0004");
        AdminClock clock = new AdminClock(server);
        try {
            clock.move(Duration.ofSeconds(50));
            Api.Reply reply = portal.exchange(TEST, "AA0004", code, portal.redirectUri("AA0004"));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        } finally {
            clock.reset();
        }
    }

    @Test
    void aRepeatedParameterIsInvalidRequest() {
        String code = aCode("AA0004");
        String body = "grant_type=authorization_code&code=" + Portal.encode(code) + "&code=" + Portal.encode(code)
                + "&redirect_uri=" + Portal.encode(portal.redirectUri("AA0004")) + "&client_id=SP00000001_AA0004";
        Api.Reply reply = rawTokenRequest("application/x-www-form-urlencoded", body);
        assertRfcError(reply, 400, "invalid_request");
    }

    @Test
    void aTokenRequestThatIsNotAFormIsInvalidRequestInTheRfcFormat() {
        Api.Reply reply = rawTokenRequest("application/json", """
                {"grant_type": "authorization_code", "code": "abc", "client_id": "SP00000001_AA0004"}
                """);
        assertRfcError(reply, 400, "invalid_request");
    }

    @Test
    void aMissingParameterIsInvalidRequest() {
        String redirect = portal.redirectUri("AA0004");
        for (String missing : List.of("grant_type", "code", "redirect_uri", "client_id")) {
            Map<String, String> form = form("some-code-" + missing, redirect, "SP00000001_AA0004");
            form.remove(missing);
            assertRfcError(portal.token(TEST, form), 400, "invalid_request");
        }
    }

    @Test
    void aGrantTypeOtherThanAuthorizationCodeIsUnsupported() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("username", "someone");
        form.put("password", "secret");
        form.put("client_id", "SP00000001_AA0004");
        assertRfcError(portal.token(TEST, form), 400, "unsupported_grant_type");
    }

    @Test
    void theTokenResponseIsNeverCached() {
        String code = aCode("AA0003");
        Api.Reply reply = portal.exchange(TEST, "AA0003", code, portal.redirectUri("AA0003"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonObject body = reply.json();
        assertThat(body.getString("token_type")).isEqualTo("Bearer");
        assertThat(body.getJsonNumber("expires_in").longValue()).isPositive();
        assertThat(body.getString("scope")).isEqualTo("medical-insurance");
    }

    @Test
    void anUnknownClientAtAuthorizeGetsAnErrorPageAndNoRedirect() {
        HeadlessClient http = new HeadlessClient(server);
        HeadlessClient.Answer answer = http.get("/test/online-authorization-web/oauth/authorize?response_type=code"
                + "&client_id=SP00000001_ZZ9999&redirect_uri=" + Portal.encode(portal.redirectUri("AA0001"))
                + "&state=s1&login_type=0");
        assertErrorPage(answer);
        assertThat(answer.body()).contains("SP00000001_ZZ9999", "登録されていません");
    }

    @Test
    void anUnregisteredRedirectUriAtAuthorizeGetsAnErrorPageAndNoRedirect() {
        HeadlessClient http = new HeadlessClient(server);
        HeadlessClient.Answer answer = http.get("/test/online-authorization-web/oauth/authorize?response_type=code"
                + "&client_id=SP00000001_AA0001&redirect_uri=" + Portal.encode("https://attacker.example/callback")
                + "&state=s2&login_type=0");
        assertErrorPage(answer);
        assertThat(answer.body()).contains("redirect_uri", "https://attacker.example/callback");

        HeadlessClient.Answer anotherServicesUri = http.get("/test/online-authorization-web/oauth/authorize?response_type=code"
                + "&client_id=SP00000001_AA0001&redirect_uri=" + Portal.encode(portal.redirectUri("AA0002"))
                + "&state=s3&login_type=0");
        assertErrorPage(anotherServicesUri);
    }

    @Test
    void aBadResponseTypeIsRedirectedWithUnsupportedResponseTypeAndTheState() {
        HeadlessClient.Answer answer = new HeadlessClient(server).get("/test/online-authorization-web/oauth/authorize"
                + "?response_type=token&client_id=SP00000001_AA0001&redirect_uri="
                + Portal.encode(portal.redirectUri("AA0001")) + "&state=rt-1&login_type=0");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        assertThat(answer.target()).isEqualTo(portal.redirectUri("AA0001"));
        assertThat(answer.query()).containsEntry("error", "unsupported_response_type").containsEntry("state", "rt-1")
                .doesNotContainKey("code");
    }

    @Test
    void aBadLoginTypeIsRedirectedWithInvalidRequestAndTheState() {
        HeadlessClient.Answer answer = new HeadlessClient(server).get("/test/online-authorization-web/oauth/authorize"
                + "?response_type=code&client_id=SP00000001_AA0001&redirect_uri="
                + Portal.encode(portal.redirectUri("AA0001")) + "&state=lt-1&login_type=9");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        assertThat(answer.target()).isEqualTo(portal.redirectUri("AA0001"));
        assertThat(answer.query()).containsEntry("error", "invalid_request").containsEntry("state", "lt-1")
                .containsKey("error_description").doesNotContainKey("code");
    }

    /** A fresh code for a demo TEST service, from a headless authorization with a card of its own. */
    private String aCode(String serviceId) {
        String card = portal.aCard("1357");
        HeadlessClient.Answer answer = new HeadlessClient(server).authorize(TEST, serviceId, "code-for-test",
                HeadlessClient.cardAndConsent(card, "1357", "approve"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        assertThat(answer.target()).isEqualTo(portal.redirectUri(serviceId));
        assertThat(answer.query()).as(answer.toString()).containsKey("code");
        return answer.query().get("code");
    }

    private Api.Reply rawTokenRequest(String contentType, String body) {
        return Api.anonymous(server).send("POST", "/test/online-authorization-web/oauth/token", contentType,
                HttpRequest.BodyPublishers.ofString(body));
    }

    private static Map<String, String> form(String code, String redirectUri, String clientId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId);
        return form;
    }

    private static void assertRfcError(Api.Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().getString("error")).as(reply.toString()).isEqualTo(error);
        assertThat(reply.json().getString("error_description")).isNotBlank();
        assertThat(reply.raw().headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private static void assertErrorPage(HeadlessClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.location()).as("DESIGN.md 9.4: never a redirect").isEmpty();
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("id=\"error-reason\"", "lang=\"ja\"", "サービスと連携できません");
    }

    private List<JsonObject> revocationsOf(String grant) {
        Api.Reply reply = Api.operator(server).get("/admin/api/audit?action=grant.revoke&subject="
                + Portal.encode("test/SP00000001_AA0004") + "&limit=1000");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("detail", "").contains("grant=" + grant)).toList();
    }
}
