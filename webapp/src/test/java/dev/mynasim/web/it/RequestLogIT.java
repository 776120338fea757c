package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The integrators' request log through its REST API: what a service's failing calls are diagnosed as, that no
 * stored entry holds a secret of the journey, the filters' bad values, and that an API user sees only its own.
 */
@ExtendWith(SharedServer.class)
class RequestLogIT {

    private static final String LOG = "/admin/api/request-log";
    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        this.portal = new Portal(server);
    }

    @Test
    void aJourneysFailuresAreDiagnosedAndNoEntryHoldsItsSecrets() throws Exception {
        DataClient service = DataClient.register(server, null, "self-info");
        DataClient other = DataClient.register(server, null, "self-info");
        String card = portal.aCard("4827");
        String redirect = "http://127.0.0.1/DS0001/callback";

        // the whole OpenID Connect journey, keeping what a leak would show
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        HeadlessClient.Answer authorized = service.oidcAuthorize(card, "4827", "self-info", redirect, s256(verifier));
        String code = authorized.query().get("code");
        Map<String, String> form = tokenForm(service.clientId(), code, redirect, verifier);
        Api.Reply tokens = service.oidc("token", form);
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);

        // the failures a service makes
        Api.Reply reused = service.oidc("token", form);
        String wrongVerifierCode = service.oidcAuthorize(card, "4827", "self-info", redirect, s256(verifier))
                .query().get("code");
        Api.Reply wrongVerifier = service.oidc("token", tokenForm(service.clientId(), wrongVerifierCode, redirect,
                verifier + "x"));
        String stolenCode = service.oidcAuthorize(card, "4827", "self-info", redirect, s256(verifier))
                .query().get("code");
        Api.Reply otherClient = other.oidc("token", tokenForm(other.clientId(), stolenCode, redirect, verifier));
        HeadlessClient.Answer slash = new HeadlessClient(server).get("/test/oidc/authorize?response_type=code"
                + "&client_id=" + service.clientId() + "&redirect_uri=" + Portal.encode(redirect + "/")
                + "&scope=openid&state=s&nonce=n");
        String secret = "a-client-secret-" + UUID.randomUUID();
        Api.Reply withSecret = send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/test/oidc/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (service.clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=x&redirect_uri=y")));
        assertThat(List.of(reused.status(), wrongVerifier.status(), otherClient.status(), withSecret.status()))
                .containsOnly(400, 401);
        assertThat(slash.status()).isLessThan(500);

        JsonArray mine = entries(Api.operator(server), "?service=" + service.clientId() + "&limit=100");
        assertThat(codes(mine)).contains("ok", "code-reused", "code-verifier-mismatch", "redirect-uri-trailing-slash",
                "client-authentication");
        JsonObject mismatch = withCode(mine, "code-verifier-mismatch");
        assertThat(mismatch.getJsonObject("diagnosis").getString("en")).contains("S256 of the verifier is "
                + s256(verifier + "x"), "the challenge was " + s256(verifier));
        assertThat(mismatch.getJsonObject("diagnosis").getString("ja")).contains("一致しません");
        assertThat(mismatch.getString("endpoint")).isEqualTo("oidc/token");
        assertThat(mismatch.getString("result")).isEqualTo("error");
        assertThat(mismatch.getString("error")).isEqualTo("invalid_grant");

        JsonObject stolen = withCode(entries(Api.operator(server), "?service=" + other.clientId()),
                "code-other-client");
        assertThat(stolen.getJsonObject("diagnosis").getString("en")).contains("issued to " + service.clientId()
                + " but redeemed by " + other.clientId());

        List<String> secrets = new ArrayList<>(List.of(code, wrongVerifierCode, stolenCode, verifier, secret,
                tokens.json().getString("access_token"), tokens.json().getString("refresh_token"),
                tokens.json().getString("id_token")));
        for (JsonArray log : List.of(mine, entries(Api.operator(server), "?service=" + other.clientId()))) {
            for (JsonValue value : log) {
                JsonObject entry = value.asJsonObject();
                String stored = entry.getString("request") + " " + entry.getJsonObject("diagnosis");
                for (String s : secrets) {
                    assertThat(stored).as("a stored entry holds a secret").doesNotContain(s);
                }
                assertThat(entry.getString("request")).doesNotContain("4827");
            }
        }
        assertThat(mine.stream().map(JsonValue::asJsonObject).filter(e -> e.getString("endpoint").equals("oidc/token")
                && e.getString("result").equals("ok")).findFirst().orElseThrow().getString("request"))
                .contains("code=[code #", "code_verifier=[code_verifier #");
    }

    @Test
    void aReusedTelegramIdIsDiagnosedAndTheLogDownloadsAsNdjson() {
        DataClient service = DataClient.register(server, null, "self-info");
        String token = service.token(portal.aCard("1357"), "1357");
        String telegram = service.requestTelegram(service.telegramId(), "IFA0301-R01", null, null);

        assertThat(service.exchange("request", token, telegram).status()).isEqualTo(200);
        assertThat(service.exchange("request", token, telegram).status()).isEqualTo(409);

        JsonObject reused = withCode(entries(Api.operator(server), "?service=" + service.clientId()
                + "&endpoint=online-resource-web&result=error"), "telegram-id-reused");
        assertThat(reused.getString("error")).isEqualTo("ETL0003");
        assertThat(reused.getString("request")).contains("Authorization: Bearer [access token #")
                .doesNotContain(token);

        Api.Reply download = Api.operator(server).get(LOG + "?service=" + service.clientId());
        HttpResponse<String> ndjson = sendRaw(HttpRequest.newBuilder(URI.create(server.baseUrl() + LOG
                + "?service=" + service.clientId())).header("Accept", "application/x-ndjson")
                .header("Authorization", basic(Api.OPERATOR, Api.OPERATOR_PASSWORD)).GET());
        assertThat(download.status()).isEqualTo(200);
        assertThat(ndjson.statusCode()).isEqualTo(200);
        assertThat(ndjson.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<String> lines = ndjson.body().lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4).allMatch(l -> l.startsWith("{\"") && l.endsWith("}"));
    }

    @Test
    void aTestTokenUsedAtProductionIsDiagnosedInItsServicesLog() {
        DataClient service = DataClient.register(server, null, "medical-insurance");
        String token = service.token(portal.aCard("9753"), "9753");

        Api.Reply refused = service.view("GET", "production", "medical-insurance/medications?size=5", token, null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        JsonObject entry = withCode(entries(Api.operator(server), "?service=" + service.clientId()
                + "&environment=production"), "token-wrong-environment");
        assertThat(entry.getJsonObject("diagnosis").getString("en"))
                .isEqualTo("A token from the TEST environment was used at PRODUCTION; a token works only in the "
                        + "environment that issued it.");
        assertThat(entry.getString("apiUser")).isEqualTo(service.apiUserId());
        assertThat(entry.getString("request")).doesNotContain(token);
    }

    @Test
    void badFiltersAre400AndAnApiUserSeesOnlyItsOwnServices() {
        DataClient mine = DataClient.register(server, null, "self-info");
        DataClient theirs = DataClient.register(server, null, "self-info");
        for (DataClient client : List.of(mine, theirs)) {
            assertThat(Api.operator(server).post("/admin/api/accounts", """
                    {"username": "%s", "password": "password-of-%s", "apiUserId": "%s"}
                    """.formatted(client.apiUserId().toLowerCase(), client.apiUserId(), client.apiUserId()))
                    .status()).isEqualTo(201);
        }
        Api me = Api.as(server, mine.apiUserId().toLowerCase(), "password-of-" + mine.apiUserId());
        mine.token(portal.aCard("2468"), "2468");
        theirs.token(portal.aCard("2468"), "2468");
        assertThat(me.get("/admin/api/environments/test/services").status()).isEqualTo(200);

        JsonArray seen = entries(me, "?limit=500");
        assertThat(seen).isNotEmpty().allSatisfy(e -> assertThat(e.asJsonObject().getString("apiUser"))
                .isEqualTo(mine.apiUserId()));
        assertThat(seen.stream().map(e -> e.asJsonObject().getString("endpoint")))
                .contains("online-authorization-web/oauth/token", "admin/api/environments/test/services");
        long id = seen.getJsonObject(0).getJsonNumber("id").longValue();
        assertThat(me.get(LOG + "/" + id).status()).isEqualTo(200);

        JsonArray all = entries(Api.operator(server), "?service=" + theirs.clientId());
        long theirId = all.getJsonObject(0).getJsonNumber("id").longValue();
        assertProblem(me.get(LOG + "?service=" + theirs.clientId()), 404, "not-found");
        assertProblem(me.get(LOG + "/" + theirId), 404, "not-found");
        assertProblem(me.get(LOG + "?result=maybe"), 400, "result-unknown");
        assertProblem(me.get(LOG + "?limit=0"), 400, "limit-range");
        assertProblem(me.get(LOG + "?offset=-1"), 400, "offset-range");
        assertProblem(me.get(LOG + "?from=yesterday"), 400, null);
        assertProblem(me.get(LOG + "?environment=staging"), 400, "environment-unknown");
        assertProblem(me.get(LOG + "?service=SP1"), 400, "client-id-format");
    }

    private static void assertProblem(Api.Reply reply, int status, String rule) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        if (rule != null) {
            assertThat(reply.json().getString("rule")).isEqualTo(rule);
        }
    }

    private static JsonArray entries(Api api, String query) {
        Api.Reply reply = api.get(LOG + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("entries");
    }

    private static List<String> codes(JsonArray entries) {
        return entries.stream().map(e -> e.asJsonObject().getJsonObject("diagnosis").getString("code")).toList();
    }

    private static JsonObject withCode(JsonArray entries, String code) {
        return entries.stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getJsonObject("diagnosis").getString("code").equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " among " + codes(entries)));
    }

    private static Map<String, String> tokenForm(String clientId, String code, String redirect, String verifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirect);
        form.put("client_id", clientId);
        form.put("code_verifier", verifier);
        return form;
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Api.Reply send(HttpRequest.Builder request) {
        HttpResponse<String> response = sendRaw(request);
        return new Api.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response);
    }

    private static HttpResponse<String> sendRaw(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
