package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DESIGN.md 6, failure injection at the data steps, as a service's own code meets it: the exchange's request and
 * result answering 503/429/500 or an errorCode, the synchronous data API answering 429 or late, and the completion
 * notice never sent, sent late or sent twice to a real local receiver. Removing the rule restores the normal answers;
 * a rule narrowed to one API or made for another service does not strike; every hit is listed under the rule; an API
 * user's own console account can add a rule for its service.
 */
@ExtendWith(SharedServer.class)
class DataFailureInjectionIT {

    private static final String FAULTS = "/admin/api/faults";
    private static final String SELF_INFO_REQUEST = "IFA0301-R01";
    private static final String SELF_INFO_RESULT = "IFA0303-R01";
    private static final String MEDICAL_REQUEST = "MIA0301-R01";

    private SharedServer.Server server;
    private Api operator;
    private NoticeReceiver receiver;
    private DataClient service;
    private String card;

    @BeforeEach
    void aServiceWithACallbackAndACard(SharedServer.Server server) {
        this.server = server;
        operator = Api.operator(server);
        receiver = new NoticeReceiver();
        service = DataClient.register(server, receiver.url(), "self-info", "medical-insurance");
        card = new Portal(server).aCard("8642");
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    // ---- request step ----

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "unavailable,       7, 503, ESV0503, 7",
            "too-many-requests, 2, 429, ESV0429, 2",
            "server-error,       , 500, ESV0500, ",
    })
    void aRefusedRequestAnswersTheConfiguredStatusStoresNothingAndTheSameTelegramGoesThroughOnceTheRuleIsGone(
            String effect, String parameter, int status, String errorCode, String retryAfter) {
        String token = service.token(card, "8642");
        String rule = addRule(service, "\"step\": \"request\", \"effect\": \"" + effect + "\""
                + (parameter == null ? "" : ", \"parameter\": \"" + parameter + "\""));
        String telegramId = service.telegramId();
        String telegram = service.requestTelegram(telegramId, SELF_INFO_REQUEST, null, null);

        Api.Reply refused = service.exchange("request", token, telegram);

        assertRefused(refused, status, errorCode);
        assertThat(refused.raw().headers().firstValue("Retry-After")).isEqualTo(Optional.ofNullable(retryAfter));
        assertThat(refused.json().getJsonObject("errorDetail").getString("message")).contains(rule);
        assertThat(storedRequests(service)).as("a refused request stores nothing").isEmpty();
        JsonArray hits = hits(rule);
        assertThat(hits).hasSize(1);
        assertThat(hits.getJsonObject(0).getString("step")).isEqualTo("request");
        assertThat(hits.getJsonObject(0).getString("subject")).isEqualTo(telegramId);
        assertThat(hits.getJsonObject(0).getString("detail")).contains("HTTP " + status);
        assertThat(hits.getJsonObject(0).getString("detailJa")).contains("HTTP " + status, "で応答しました");

        removeRule(rule);
        Api.Reply accepted = service.exchange("request", token, telegram);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().getJsonObject("commonHeader").getString("errorCode")).isEmpty();
        assertThat(accepted.json().getJsonObject("commonHeader").getString("processId")).isNotBlank();
        assertThat(storedRequests(service)).hasSize(1);
    }

    @Test
    void anErrorCodeAtTheRequestIsAnsweredWithHttp200AndTheCodeAndStoresNothing() {
        String token = service.token(card, "8642");
        String rule = addRule(service, "\"step\": \"request\", \"effect\": \"error-code\", \"parameter\": \"EA0100\"");
        String telegram = service.requestTelegram(service.telegramId(), SELF_INFO_REQUEST, null, null);

        Api.Reply refused = service.exchange("request", token, telegram);

        assertRefused(refused, 200, "EA0100");
        assertThat(refused.json().getJsonObject("commonHeader").getString("processId", "")).isEmpty();
        assertThat(storedRequests(service)).isEmpty();
        assertThat(receiver.await(1, Duration.ofSeconds(2))).as("no request, no notice").isEmpty();
        assertThat(hits(rule)).hasSize(1);
        assertThat(hits(rule).getJsonObject(0).getString("detail")).contains("EA0100");

        removeRule(rule);
        Api.Reply accepted = service.exchange("request", token, telegram);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().getJsonObject("commonHeader").getString("errorCode")).isEmpty();
    }

    // ---- result step ----

    @Test
    void anErrorCodeAtTheResultReplacesTheDataUntilTheRuleIsRemoved() {
        String token = service.token(card, "8642");
        String processId = service.request(token, SELF_INFO_REQUEST, null, null);
        String rule = addRule(service, "\"step\": \"result\", \"effect\": \"error-code\", \"parameter\": \"EB0001\"");

        Api.Reply refused = service.result(token, SELF_INFO_RESULT, processId);

        assertRefused(refused, 200, "EB0001");
        assertThat(refused.json().getJsonObject("commonHeader").getString("processId")).isEqualTo(processId);
        assertThat(refused.json().containsKey("selfPersonalDataProvisionInfo")).as("no data with the code").isFalse();
        JsonArray hits = hits(rule);
        assertThat(hits).hasSize(1);
        assertThat(hits.getJsonObject(0).getString("step")).isEqualTo("result");
        assertThat(hits.getJsonObject(0).getString("subject")).isEqualTo(processId);

        removeRule(rule);
        JsonObject data = DataClient.data(service.result(token, SELF_INFO_RESULT, processId),
                "selfPersonalDataProvisionInfo", "selfPersonalData");
        assertThat(data.getJsonArray("様式")).isNotEmpty();
    }

    @Test
    void aServerErrorAtTheResultIsHttp500AndTheResultCanBeFetchedAfterwards() {
        String token = service.token(card, "8642");
        String processId = service.request(token, SELF_INFO_REQUEST, null, null);
        String rule = addRule(service, "\"step\": \"result\", \"effect\": \"server-error\"");

        assertRefused(service.result(token, SELF_INFO_RESULT, processId), 500, "ESV0500");
        assertRefused(service.result(token, SELF_INFO_RESULT, processId), 500, "ESV0500");
        assertThat(hits(rule)).hasSize(2)
                .allSatisfy(hit -> assertThat(hit.asJsonObject().getString("subject")).isEqualTo(processId));

        removeRule(rule);
        assertThat(DataClient.data(service.result(token, SELF_INFO_RESULT, processId), "selfPersonalDataProvisionInfo",
                "selfPersonalData").getJsonArray("様式")).isNotEmpty();
    }

    // ---- data step (synchronous view) ----

    @Test
    void theDataApiAnswers429WithRetryAfterWhileTheExchangeGoesOn() {
        String access = service.oidcTokens(card, "8642", "self-info").getString("access_token");
        String rule = addRule(service, "\"step\": \"data\", \"effect\": \"too-many-requests\", \"parameter\": \"4\"");

        Api.Reply refused = service.view("GET", "test", "self-info/vaccinations", access, null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getString("rule")).isEqualTo("ESV0429");
        assertThat(refused.json().getString("detail")).contains(rule);
        assertThat(refused.raw().headers().firstValue("Retry-After")).contains("4");
        assertThat(service.request(service.token(card, "8642"), SELF_INFO_REQUEST, null, null))
                .as("a rule of the data step leaves the exchange alone").isNotBlank();
        JsonArray hits = hits(rule);
        assertThat(hits).hasSize(1);
        assertThat(hits.getJsonObject(0).getString("step")).isEqualTo("data");
        assertThat(hits.getJsonObject(0).getString("detail")).contains("429", "Retry-After 4");

        removeRule(rule);
        Api.Reply served = service.view("GET", "test", "self-info/vaccinations", access, null);
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        assertThat(served.json().getInt("total")).isZero();
    }

    @Test
    void latencyDelaysTheDataAnswerByAtLeastTheRulesMilliseconds() {
        String access = service.oidcTokens(card, "8642", "self-info").getString("access_token");
        String rule = addRule(service, "\"step\": \"data\", \"effect\": \"latency\", \"parameter\": \"1200\"");

        long started = System.nanoTime();
        Api.Reply slow = service.view("GET", "test", "self-info/vaccinations", access, null);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(slow.status()).as(slow.toString()).isEqualTo(200);
        assertThat(millis).isGreaterThanOrEqualTo(1200);
        assertThat(hits(rule)).hasSize(1);
        assertThat(hits(rule).getJsonObject(0).getString("detail")).contains("1200 ms");

        removeRule(rule);
        assertThat(service.view("GET", "test", "self-info/vaccinations", access, null).status()).isEqualTo(200);
    }

    @Test
    void aRefusalAfterALatencyRuleStruckIsDelayedLikeAnAnswer() {
        String unregistered = new Portal(server).aCard("9753", "\"portalRegistered\": false");
        String access = service.oidcTokens(unregistered, "9753", "medical-insurance").getString("access_token");
        String rule = addRule(service, "\"step\": \"data\", \"effect\": \"latency\", \"parameter\": \"900\"");

        long started = System.nanoTime();
        Api.Reply refused = service.view("GET", "test", "medical-insurance/medications", access, null);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().getString("rule")).isEqualTo("EPS0001");
        assertThat(millis).as("the refusal waited for the rule").isGreaterThanOrEqualTo(900);
        assertThat(hits(rule)).hasSize(1);
        removeRule(rule);
    }

    // ---- callback step ----

    @Test
    void aWithheldNoticeNeverArrivesWhileTheResultStillWorks() {
        String token = service.token(card, "8642");
        String rule = addRule(service, "\"effect\": \"callback-never\"");
        String telegramId = service.telegramId();
        Api.Reply requested = service.exchange("request", token,
                service.requestTelegram(telegramId, SELF_INFO_REQUEST, null, null));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(200);
        String withheld = requested.json().getJsonObject("commonHeader").getString("processId");

        assertThat(DataClient.data(service.result(token, SELF_INFO_RESULT, withheld), "selfPersonalDataProvisionInfo",
                "selfPersonalData").getJsonArray("様式")).isNotEmpty();
        assertThat(receiver.await(1, Duration.ofSeconds(4))).as("no notice within four seconds").isEmpty();
        JsonObject recorded = dataRequest(withheld);
        assertThat(recorded.getString("noticeState")).isEqualTo("withheld");
        assertThat(recorded.getJsonArray("attempts")).isEmpty();
        JsonArray hits = hits(rule);
        assertThat(hits).hasSize(1);
        assertThat(hits.getJsonObject(0).getString("step")).isEqualTo("callback");
        assertThat(hits.getJsonObject(0).getString("subject")).as("the stored request it struck").isEqualTo(withheld);
        assertThat(hits.getJsonObject(0).getString("detail")).contains("withheld");

        removeRule(rule);
        String next = service.request(token, SELF_INFO_REQUEST, null, null);
        List<NoticeReceiver.Received> notices = receiver.await(1, Duration.ofSeconds(15));
        assertThat(notices).extracting(n -> processIdOf(n)).containsExactly(next);
        assertThat(dataRequest(withheld).getString("noticeState")).as("a withheld notice stays withheld")
                .isEqualTo("withheld");
    }

    @Test
    void aLateNoticeArrivesNotBeforeTheExtraSecondsAndTheResultIsReadyBeforeIt() {
        String token = service.token(card, "8642");
        String rule = addRule(service, "\"effect\": \"callback-late\", \"parameter\": \"3\"");

        long sent = System.nanoTime();
        String processId = service.request(token, SELF_INFO_REQUEST, null, null);
        assertThat(service.result(token, SELF_INFO_RESULT, processId).status()).isEqualTo(200);
        assertThat(receiver.received()).as("the result is ready before the late notice").isEmpty();

        List<NoticeReceiver.Received> notices = receiver.await(1, Duration.ofSeconds(20));
        assertThat(notices).extracting(n -> processIdOf(n)).containsExactly(processId);
        long lateBy = (receiver.arrivals().get(0) - sent) / 1_000_000;
        assertThat(lateBy).as("milliseconds from the request to the notice").isGreaterThanOrEqualTo(3000);
        JsonObject recorded = awaitNoticeState(processId, "delivered");
        assertThat(Duration.between(Instant.parse(recorded.getString("readyAt")),
                Instant.parse(recorded.getString("noticeDueAt")))).isEqualTo(Duration.ofSeconds(3));
        assertThat(hits(rule)).hasSize(1);
        assertThat(hits(rule).getJsonObject(0).getString("detail")).contains("3 s late");

        removeRule(rule);
        String onTime = service.request(token, SELF_INFO_REQUEST, null, null);
        assertThat(receiver.await(2, Duration.ofSeconds(15))).extracting(n -> processIdOf(n))
                .containsExactly(processId, onTime);
        JsonObject normal = awaitNoticeState(onTime, "delivered");
        assertThat(normal.getString("noticeDueAt")).as("without the rule the notice is due when the result is ready")
                .isEqualTo(normal.getString("readyAt"));
    }

    @Test
    void aDuplicatedNoticeArrivesTwiceForOneProcessIdAndBothCopiesAreRecorded() {
        String token = service.token(card, "8642");
        String rule = addRule(service, "\"effect\": \"callback-twice\"");

        String processId = service.request(token, SELF_INFO_REQUEST, null, null);

        List<NoticeReceiver.Received> notices = receiver.await(2, Duration.ofSeconds(15));
        assertThat(notices).extracting(n -> processIdOf(n)).containsExactly(processId, processId);
        assertThat(notices.get(1).body()).isEqualTo(notices.get(0).body());
        assertThat(notices.get(1).signature()).isNotBlank();
        JsonObject recorded = awaitNoticeState(processId, "delivered");
        assertThat(recorded.getInt("noticeCopies")).isEqualTo(2);
        JsonArray attempts = awaitAttempts(processId, 2);
        assertThat(attempts).hasSize(2);
        assertThat(attempts.getJsonObject(0).getString("outcome")).contains("IFA0302-S01");
        assertThat(attempts.getJsonObject(1).getString("outcome")).startsWith("second copy").contains("IFA0302-S01");
        assertThat(hits(rule)).hasSize(1);
        assertThat(hits(rule).getJsonObject(0).getString("detail")).contains("twice");

        removeRule(rule);
        String single = service.request(token, SELF_INFO_REQUEST, null, null);
        assertThat(receiver.await(3, Duration.ofSeconds(15))).hasSize(3);
        assertThat(receiver.await(4, Duration.ofSeconds(2))).as("one notice only without the rule")
                .extracting(n -> processIdOf(n)).containsExactly(processId, processId, single);
    }

    // ---- which calls a rule strikes, and who may add one ----

    @Test
    void aRuleNarrowedToOneApiLeavesTheServicesOtherApiAlone() {
        String token = service.token(card, "8642");
        String rule = addRule(service, "\"api\": \"medical-insurance\", \"step\": \"request\", \"effect\": \"server-error\"");

        assertThat(service.request(token, SELF_INFO_REQUEST, null, null)).isNotBlank();
        String medical = service.telegramId();
        assertRefused(service.exchange("request", token, service.requestTelegram(medical, MEDICAL_REQUEST, null, null)),
                500, "ESV0500");

        assertThat(hits(rule)).hasSize(1);
        assertThat(hits(rule).getJsonObject(0).getString("subject")).isEqualTo(medical);
        assertThat(storedRequests(service)).extracting(r -> r.asJsonObject().getString("api"))
                .containsExactly("self-info");
    }

    @Test
    void anotherServicesRuleDoesNotStrikeThisOne() {
        DataClient other = DataClient.register(server, receiver.url(), "self-info", "medical-insurance");
        String rule = addRule(other, "\"effect\": \"server-error\"");
        String token = service.token(card, "8642");
        String otherToken = other.token(card, "8642");

        String processId = service.request(token, SELF_INFO_REQUEST, null, null);
        assertThat(DataClient.data(service.result(token, SELF_INFO_RESULT, processId), "selfPersonalDataProvisionInfo",
                "selfPersonalData").getJsonArray("様式")).isNotEmpty();
        String theirs = other.telegramId();
        assertRefused(other.exchange("request", otherToken, other.requestTelegram(theirs, SELF_INFO_REQUEST, null, null)),
                500, "ESV0500");

        assertThat(hits(rule)).extracting(h -> h.asJsonObject().getString("subject")).containsExactly(theirs);
        assertThat(hits(rule)).allSatisfy(h -> assertThat(h.asJsonObject().getString("clientId"))
                .isEqualTo(other.clientId()));
    }

    @Test
    void anApiUsersOwnConsoleAccountAddsARuleForItsServiceSeesItsHitsAndRemovesIt() {
        String username = service.apiUserId().toLowerCase();
        Api.Reply account = operator.post("/admin/api/accounts", """
                {"username": "%s", "password": "password-of-%s", "apiUserId": "%s"}
                """.formatted(username, username, service.apiUserId()));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        Api me = Api.as(server, username, "password-of-" + username);
        String token = service.token(card, "8642");

        Api.Reply added = me.post(FAULTS, """
                {"environment": "test", "clientId": "%s", "step": "request", "effect": "unavailable", "parameter": "5"}
                """.formatted(service.clientId()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().getString("createdBy")).isEqualTo(username);
        String rule = added.json().getString("id");

        Api.Reply refused = service.exchange("request", token,
                service.requestTelegram(service.telegramId(), SELF_INFO_REQUEST, null, null));
        assertRefused(refused, 503, "ESV0503");
        assertThat(refused.raw().headers().firstValue("Retry-After")).contains("5");
        assertThat(me.get(FAULTS + "/" + rule + "/hits").array()).hasSize(1);

        assertThat(me.delete(FAULTS + "/" + rule).status()).isEqualTo(204);
        String processId = service.request(token, SELF_INFO_REQUEST, null, null);
        assertThat(me.get("/admin/api/data-requests").array()).extracting(r -> r.asJsonObject().getString("processId"))
                .containsExactly(processId);
    }

    // ---- helpers ----

    private String addRule(DataClient owner, String fields) {
        Api.Reply added = operator.post(FAULTS, "{\"environment\": \"test\", \"clientId\": \"" + owner.clientId()
                + "\", " + fields + "}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json().getString("id");
    }

    private void removeRule(String rule) {
        assertThat(operator.delete(FAULTS + "/" + rule).status()).isEqualTo(204);
    }

    private JsonArray hits(String rule) {
        Api.Reply hits = operator.get(FAULTS + "/" + rule + "/hits");
        assertThat(hits.status()).as(hits.toString()).isEqualTo(200);
        return hits.array();
    }

    private JsonArray storedRequests(DataClient owner) {
        return operator.get("/admin/api/data-requests?clientId=" + owner.clientId()).array();
    }

    private JsonObject dataRequest(String processId) {
        Api.Reply reply = operator.get("/admin/api/data-requests/" + processId);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private JsonObject awaitNoticeState(String processId, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonObject request = dataRequest(processId);
        while (!request.getString("noticeState").equals(state) && System.nanoTime() < deadline) {
            DataClient.sleep(100);
            request = dataRequest(processId);
        }
        assertThat(request.getString("noticeState")).as(request.toString()).isEqualTo(state);
        return request;
    }

    /** The notice attempts once {@code count} are recorded (the second copy is recorded after the first). */
    private JsonArray awaitAttempts(String processId, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonArray attempts = dataRequest(processId).getJsonArray("attempts");
        while (attempts.size() < count && System.nanoTime() < deadline) {
            DataClient.sleep(100);
            attempts = dataRequest(processId).getJsonArray("attempts");
        }
        return attempts;
    }

    private static String processIdOf(NoticeReceiver.Received notice) {
        try (var reader = Json.createReader(new StringReader(notice.body()))) {
            return reader.readObject().getJsonObject("commonHeader").getString("processId");
        }
    }

    private static void assertRefused(Api.Reply reply, int status, String errorCode) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.json().getJsonObject("commonHeader").getString("errorCode")).as(reply.toString())
                .isEqualTo(errorCode);
        assertThat(reply.json().getJsonObject("errorDetail").getString("messageJa")).isNotBlank();
    }
}
