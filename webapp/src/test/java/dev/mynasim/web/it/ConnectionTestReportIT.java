package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connection-test report through its REST API: a service walks every item of the checklist (the case 1 skip, a
 * cancel, an API's request → notice → result, an error path, a refresh, a revoked consent), the report says so item
 * by item with its evidence, and its API user submits the connection test from it; the bad-input paths answer.
 */
@ExtendWith(SharedServer.class)
class ConnectionTestReportIT {

    private static final String REPORT = "/admin/api/request-log/report";
    /** The PIN of the card {@link #walkEveryItem} reads. */
    static final String PIN = "5791";

    private SharedServer.Server server;
    private Api operator;
    private NoticeReceiver receiver;
    private DataClient service;
    private Api owner;
    private String card;

    @BeforeEach
    void aServiceWithItsOwnAccount(SharedServer.Server server) {
        this.server = server;
        operator = Api.operator(server);
        receiver = new NoticeReceiver();
        service = DataClient.register(server, receiver.url(), "self-info");
        assertThat(operator.post("/admin/api/accounts", """
                {"username": "%s", "password": "password-of-%s", "apiUserId": "%s"}
                """.formatted(service.apiUserId().toLowerCase(), service.apiUserId(), service.apiUserId()))
                .status()).isEqualTo(201);
        owner = Api.as(server, service.apiUserId().toLowerCase(), "password-of-" + service.apiUserId());
        card = new Portal(server).aCard(PIN);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aServiceThatWalksEveryItemPassesAndItsApiUserSubmitsTheConnectionTest() {
        startApplicationAt12(server, service.apiUserId());
        assertThat(statuses(report(owner))).containsOnlyKeys("card-skip", "consent-cancel", "api:self-info",
                "notice-answer", "error-path", "refresh", "revoked-consent").containsValues("not-yet-seen");
        assertProblem(owner.post(REPORT + "/submit?service=" + service.clientId(), ""), 409,
                "connection-test-incomplete");

        walkEveryItem(server, service, receiver, card);

        JsonObject report = report(owner);
        assertThat(statuses(report)).as(report.toString()).containsValues("passed").doesNotContainValue("not-yet-seen")
                .doesNotContainValue("failed");
        assertThat(report.getBoolean("passed")).isTrue();
        JsonObject api = item(report, "api:self-info");
        assertThat(api.getJsonArray("evidence")).hasSize(3);
        List<String> endpoints = api.getJsonArray("evidence").stream().map(id -> owner.get("/admin/api/request-log/"
                + id).json().getString("endpoint")).toList();
        assertThat(endpoints).containsExactly("online-resource-web/request", "notice (outgoing)",
                "online-resource-web/result");
        JsonObject revoked = owner.get("/admin/api/request-log/" + item(report, "revoked-consent")
                .getJsonArray("evidence").getJsonNumber(0)).json();
        assertThat(revoked.getJsonObject("diagnosis").getString("code")).isEqualTo("consent-revoked");
        assertThat(owner.get("/admin/api/request-log/" + item(report, "card-skip").getJsonArray("evidence")
                .getJsonNumber(0)).json().getJsonObject("facts").getString("verification")).isEqualTo("skipped");

        Api.Reply page = owner.get(REPORT + ".html?service=" + service.clientId());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("接続試験レポート", "Connection-test report", "id=\"item-api-self-info\" "
                + "class=\"passed\"", "すべて合格 (all passed)");

        Api.Reply submitted = owner.post(REPORT + "/submit?service=" + service.clientId(), "");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().getString("step")).isEqualTo("A-13");
        JsonArray transitions = operator.get("/admin/api/applications/" + service.apiUserId()).json()
                .getJsonArray("transitions");
        assertThat(transitions.getJsonObject(transitions.size() - 1).getString("note"))
                .contains("接続試験レポート " + service.clientId(), "all items passed");
        // submitted once: the application has moved on
        assertProblem(owner.post(REPORT + "/submit?service=" + service.clientId(), ""), 409, "step-order");
    }

    @Test
    void aMalformedNoticeAnswerFailsItsItemAndBadInputIsRefused() {
        receiver.answering("{\"commonHeader\": {\"telegramType\": \"IFA0302-R01\"}}");
        String token = service.token(card, PIN);
        service.request(token, "IFA0301-R01", null, null);
        receiver.await(1, Duration.ofSeconds(20));

        JsonObject failed = item(reportEventually(owner, "notice-answer", "failed"), "notice-answer");
        assertThat(failed.getString("detailEn")).contains("expected IFA0302-S01");
        JsonObject entry = owner.get("/admin/api/request-log/" + failed.getJsonArray("evidence").getJsonNumber(0))
                .json();
        assertThat(entry.getJsonObject("diagnosis").getString("code")).isEqualTo("notice-answer-malformed");
        assertThat(entry.getString("result")).isEqualTo("error");

        DataClient other = DataClient.register(server, null, "self-info");
        assertProblem(owner.get(REPORT + "?service=" + other.clientId()), 404, "not-found");
        assertProblem(owner.get(REPORT + ".html?service=" + other.clientId()), 404, "not-found");
        assertProblem(owner.post(REPORT + "/submit?service=" + other.clientId(), ""), 404, "not-found");
        assertProblem(owner.get(REPORT), 400, "service-required");
        assertProblem(owner.get(REPORT + "?service=SP1"), 400, "client-id-format");
        assertProblem(operator.get(REPORT + "?service=" + service.apiUserId() + "_ZZ9999"), 404, "not-found");
    }

    /**
     * What a service does to pass every item (README: Connection-test report): the case 1 skip, a headless stop, an
     * API's request → notice → result, a failure rule and the retry, a refresh, a revoked consent and a new authorization.
     */
    static void walkEveryItem(SharedServer.Server server, DataClient service, NoticeReceiver receiver, String card) {
        // case 1: the second authorization in the same browser skips the card read
        HeadlessClient browser = new HeadlessClient(server);
        assertThat(authorize(server, service, browser, HeadlessClient.cardAndConsent(card, PIN, "approve")).query()).containsKey("code");
        assertThat(authorize(server, service, browser, "mynasim_consent=approve").query()).containsKey("code");
        // the citizen stops on the consent screen
        assertThat(authorize(server, service, new HeadlessClient(server), HeadlessClient.cardAndConsent(card, PIN, "cancel")).query())
                .containsEntry("error", "access_denied");

        // request → notice → result
        String token = service.token(card, PIN);
        String processId = service.request(token, "IFA0301-R01", null, null);
        receiver.await(1, Duration.ofSeconds(20));
        assertThat(service.result(token, "IFA0303-R01", processId).status()).isEqualTo(200);

        // an error path: a failure rule refuses the request, the service retries once it is gone
        Api.Reply rule = Api.operator(server).post("/admin/api/faults", "{\"environment\": \"test\", \"clientId\": \""
                + service.clientId() + "\", \"step\": \"request\", \"effect\": \"unavailable\"}");
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        assertThat(service.exchange("request", token, service.requestTelegram(service.telegramId(), "IFA0301-R01",
                null, null)).status()).isEqualTo(503);
        assertThat(Api.operator(server).delete("/admin/api/faults/" + rule.json().getString("id")).status()).isEqualTo(204);
        service.request(token, "IFA0301-R01", null, null);

        // a refresh on the OpenID Connect door
        JsonObject tokens = service.oidcTokens(card, PIN, "self-info");
        Map<String, String> refresh = new LinkedHashMap<>();
        refresh.put("grant_type", "refresh_token");
        refresh.put("refresh_token", tokens.getString("refresh_token"));
        refresh.put("client_id", service.clientId());
        assertThat(service.oidc("token", refresh).status()).isEqualTo(200);

        // the citizen revokes the consent: the old token is refused, the service authorizes again
        String person = Api.operator(server).get("/admin/api/cards/" + card).json().getString("personId");
        for (JsonValue consent : Api.operator(server).get("/admin/api/consents?personId=" + person).array()) {
            JsonObject c = consent.asJsonObject();
            if (c.getString("clientId").equals(service.clientId()) && c.isNull("revokedAt")) {
                assertThat(Api.operator(server).delete("/admin/api/consents/" + c.getString("consentId")).status()).isEqualTo(204);
            }
        }
        assertThat(service.exchange("request", token, service.requestTelegram(service.telegramId(), "IFA0301-R01",
                null, null)).status()).isEqualTo(401);
        service.token(card, PIN);

    }

    private static HeadlessClient.Answer authorize(SharedServer.Server server, DataClient service,
                                                   HeadlessClient browser, String headless) {
        HeadlessClient.Answer answer = browser.get("/test/online-authorization-web/oauth/authorize?response_type=code"
                + "&client_id=" + service.clientId() + "&redirect_uri=" + Portal.encode("http://127.0.0.1/DS0001/callback")
                + "&state=ct&login_type=0&" + headless);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        return answer;
    }

    /** The API user's usage application, started and walked to A-12 (接続試験の実施) by the operator. */
    static void startApplicationAt12(SharedServer.Server server, String apiUserId) {
        Api operator = Api.operator(server);
        String path = "/admin/api/applications";
        assertThat(operator.post(path, "{\"apiUserId\": \"" + apiUserId + "\"}").status()).isEqualTo(201);
        for (int step = 2; step <= 12; step++) {
            Api.Reply moved = operator.post(path + "/" + apiUserId + "/transitions",
                    "{\"step\": \"A-" + step + "\"}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
    }

    private JsonObject report(Api api) {
        Api.Reply reply = api.get(REPORT + "?service=" + service.clientId());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** The notice's entry is written after the service answered it: read until the item shows (bounded). */
    private JsonObject reportEventually(Api api, String code, String status) {
        JsonObject report = report(api);
        for (int i = 0; i < 50 && !status.equals(statuses(report).get(code)); i++) {
            DataClient.sleep(100);
            report = report(api);
        }
        return report;
    }

    private static Map<String, String> statuses(JsonObject report) {
        return report.getJsonArray("items").stream().map(JsonValue::asJsonObject).collect(Collectors.toMap(
                i -> i.getString("code"), i -> i.getString("status"), (a, b) -> a, LinkedHashMap::new));
    }

    private static JsonObject item(JsonObject report, String code) {
        return report.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(i -> i.getString("code").equals(code)).findFirst().orElseThrow();
    }

    private static void assertProblem(Api.Reply reply, int status, String rule) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("rule")).isEqualTo(rule);
    }
}
