package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DESIGN.md 5A, the Mynaportal-compatible exchange as a service's own code drives it: request with the bearer token
 * and a telegram, a signed completion notice to a real local receiver (retried while the receiver fails), then the
 * result with the data as a JSON string. Every refusal is an errorCode, and stores nothing.
 */
@ExtendWith(SharedServer.class)
class DataExchangeIT {

    private static final String MEDICATIONS = """
            [{"調剤年月日": "2026-03-02", "医療機関名": "霞が関内科", "医薬品名": "アムロジピン錠5mg", "医薬品コード": "2171022F1020",
              "数量": 28, "単位": "錠", "日数": 28},
             {"調剤年月日": "2025-10-15", "医療機関名": "霞が関内科", "医薬品名": "ロキソプロフェンNa錠60mg",
              "医薬品コード": "1149019F1560", "数量": 10, "単位": "錠", "日数": 5}]
            """;

    private SharedServer.Server server;
    private Portal portal;
    private NoticeReceiver receiver;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
        receiver = new NoticeReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aRequestIsAnsweredWithAProcessIdNotifiedWithASignedNoticeAndItsResultCarriesTheRecords() throws Exception {
        DataClient service = DataClient.register(server, receiver.url(), "medical-insurance", "self-info");
        String card = portal.aCard("1357");
        putRecords(card, "medical-insurance/medications", MEDICATIONS);
        String token = service.token(card, "1357");

        String processId = service.request(token, "MIA0301-R01", "medicalInsuranceDataReqInfo",
                "{\"layoutCode\": \"SIM-MI-0001\", \"inquiryCondition\": \"Date=20260101\"}");

        List<NoticeReceiver.Received> notices = receiver.await(1, Duration.ofSeconds(15));
        assertThat(notices).hasSize(1);
        JsonObject notice = json(notices.get(0).body()).getJsonObject("commonHeader");
        assertThat(notice.getString("processId")).isEqualTo(processId);
        assertThat(notice.getString("telegramType")).isEqualTo("MIA0302-R01");
        JWKSet keys = JWKSet.load(URI.create(server.baseUrl() + "/test/online-authorization-web/oauth/jwks").toURL());
        JWSObject signature = JWSObject.parse(notices.get(0).signature(),
                new Payload(notices.get(0).body().getBytes(StandardCharsets.UTF_8)));
        assertThat(signature.verify(new RSASSAVerifier(keys.getKeyByKeyId(signature.getHeader().getKeyID()).toRSAKey())))
                .as("the notice is signed with a published key").isTrue();

        JsonObject data = DataClient.data(service.result(token, "MIA0303-R01", processId),
                "medicalInsuranceDataProvisionInfo", "medicalInsuranceData");
        JsonObject layout = data.getJsonArray("様式").getJsonObject(0);
        assertThat(layout.getString("様式コード")).isEqualTo("SIM-MI-0001");
        assertThat(layout.getInt("件数")).as("Date=20260101 leaves the 2025 record out").isEqualTo(1);
        assertThat(layout.getJsonArray("記録").getJsonObject(0).getString("医薬品名")).isEqualTo("アムロジピン錠5mg");

        JsonObject recorded = awaitNoticeState(processId, "delivered");
        assertThat(recorded.getJsonArray("attempts")).hasSize(1);
        assertThat(recorded.getJsonArray("attempts").getJsonObject(0).getString("outcome")).contains("MIA0302-S01");
    }

    @Test
    void theSelfInformationExchangeUsesThePublicTelegramTypesAndBlocks() {
        DataClient service = DataClient.register(server, receiver.url(), "self-info");
        String card = portal.aCard("2468");
        putRecords(card, "self-info/vaccinations", """
                [{"接種日": "2025-11-01", "ワクチン名": "インフルエンザHAワクチン", "ワクチンコード": "631340123", "回数": 1,
                  "ロット番号": "HA-25-001", "実施機関名": "𠮷野内科クリニック", "実施機関コード": "1312345678"}]
                """);
        String token = service.token(card, "2468");

        String processId = service.request(token, "IFA0301-R01", "selfProvisionDataReqInfo",
                "{\"inquiryCondition\": \"Date=20250101\"}");
        JsonObject data = DataClient.data(service.result(token, "IFA0303-R01", processId),
                "selfPersonalDataProvisionInfo", "selfPersonalData");

        JsonArray layouts = data.getJsonArray("様式");
        assertThat(layouts).as("both self-information layouts without a layoutCode").hasSize(2);
        JsonObject vaccinations = layouts.getJsonObject(0);
        assertThat(vaccinations.getString("様式名")).isEqualTo("予防接種");
        assertThat(vaccinations.getJsonArray("記録").getJsonObject(0).getString("実施機関名")).isEqualTo("𠮷野内科クリニック");
        assertThat(receiver.await(1, Duration.ofSeconds(15)).get(0).body()).contains("IFA0302-R01");
    }

    @Test
    void aFailingReceiverIsTriedAgainAndEveryAttemptIsRecorded() {
        receiver.failing(500, 503);
        DataClient service = DataClient.register(server, receiver.url(), "self-info");
        String card = portal.aCard("3579");
        String token = service.token(card, "3579");
        double failedBefore = noticeAttempts("failed");
        double deliveredBefore = noticeAttempts("delivered");

        String processId = service.request(token, "IFA0301-R01", null, null);

        assertThat(receiver.await(3, Duration.ofSeconds(20))).hasSize(3);
        JsonObject recorded = awaitNoticeState(processId, "delivered");
        JsonArray attempts = recorded.getJsonArray("attempts");
        assertThat(attempts).hasSize(3);
        assertThat(attempts.getJsonObject(0).getInt("httpStatus")).isEqualTo(500);
        assertThat(attempts.getJsonObject(1).getInt("httpStatus")).isEqualTo(503);
        assertThat(attempts.getJsonObject(2).getString("outcome")).contains("IFA0302-S01");
        assertThat(Api.as(server, "nobody", "x").get("/admin/api/data-requests/" + processId).status()).isEqualTo(401);
        // other tests' notices may be attempted meanwhile: at least this test's attempts are counted
        assertThat(noticeAttempts("failed") - failedBefore).isGreaterThanOrEqualTo(2);
        assertThat(noticeAttempts("delivered") - deliveredBefore).isGreaterThanOrEqualTo(1);
        // and the service's request log says what its callback answered, oldest last
        JsonArray log = Api.operator(server).get("/admin/api/request-log?service=" + service.clientId()
                + "&endpoint=notice").json().getJsonArray("entries");
        assertThat(log.stream().map(e -> e.asJsonObject().getJsonObject("diagnosis").getString("code")))
                .containsExactly("notice-delivered", "notice-failed", "notice-failed");
        assertThat(log.getJsonObject(2).getJsonObject("diagnosis").getString("en"))
                .startsWith("The callback URL answered HTTP 500 (attempt 1); next retry at ");
        assertThat(log.getJsonObject(2).getString("request")).contains(processId);
    }

    /** {@code mynasim_notice_attempts_total{result="..."}} of /metrics, 0 before the first. */
    private double noticeAttempts(String result) {
        return Api.anonymous(server).get("/metrics").body().lines()
                .filter(line -> line.startsWith("mynasim_notice_attempts_total{")
                        && line.contains("result=\"" + result + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void badTelegramsGetAnErrorCodeAndStoreNothing() {
        DataClient service = DataClient.register(server, receiver.url(), "self-info");
        DataClient other = DataClient.register(server, receiver.url(), "self-info");
        String card = portal.aCard("4680");
        String token = service.token(card, "4680");
        String otherToken = other.token(card, "4680");
        String otherProcess = other.request(otherToken, "IFA0301-R01", null, null);

        assertRefused(service.exchange("request", token, "{\"commonHeader\": {"), 400, "ETL0001");
        assertRefused(service.exchange("request", token, "[1, 2]"), 400, "ETL0001");
        assertRefused(service.exchange("request", token, service.requestTelegram(service.telegramId(), "IFA0303-R01",
                null, null)), 400, "ETL0004");
        assertRefused(service.exchange("request", token, service.requestTelegram("TL-1-2-3", "IFA0301-R01",
                null, null)), 400, "ETL0002");
        assertRefused(service.exchange("request", token, service.requestTelegram(other.telegramId(), "IFA0301-R01",
                null, null)), 400, "ETL0002");
        assertRefused(service.exchange("request", token, service.requestTelegram(service.telegramId(), "IFA0301-R01",
                "selfProvisionDataReqInfo", "{\"inquiryCondition\": \"Date=2025-01-01\"}")), 400, "ETL0005");
        assertRefused(service.exchange("request", token, service.requestTelegram(service.telegramId(), "IFA0301-R01",
                "selfProvisionDataReqInfo", "[]")), 400, "ETL0005");
        String once = service.telegramId();
        assertThat(service.exchange("request", token, service.requestTelegram(once, "IFA0301-R01", null, null)).status())
                .isEqualTo(200);
        assertRefused(service.exchange("request", token, service.requestTelegram(once, "IFA0301-R01", null, null)),
                409, "ETL0003");
        assertRefused(service.exchange("result", token, service.resultTelegram("IFA0303-R01",
                "00000000-0000-0000-0000-000000000000")), 404, "EPR0001");
        assertRefused(service.exchange("result", token, service.resultTelegram("IFA0303-R01", otherProcess)),
                404, "EPR0001");
        Api.Reply oversized = service.exchange("request", token, service.requestTelegram(service.telegramId(),
                "IFA0301-R01", "selfProvisionDataReqInfo", "{\"pad\": \"" + "x".repeat(70_000) + "\"}"));
        assertThat(oversized.status()).as(oversized.toString()).isEqualTo(400);
        assertThat(oversized.body()).contains("body-too-large");

        Api.Reply list = Api.operator(server).get("/admin/api/data-requests?clientId=" + service.clientId());
        assertThat(list.array()).as("only the one good request was stored").hasSize(1);
    }

    @Test
    void theTokenMustReachTheTelegramsApi() {
        DataClient service = DataClient.register(server, receiver.url(), "self-info");
        String card = portal.aCard("5791");
        String token = service.token(card, "5791");

        Api.Reply none = service.exchange("request", null, service.requestTelegram(service.telegramId(), "IFA0301-R01",
                null, null));
        assertRefused(none, 401, "EAU0001");
        assertThat(none.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> v.startsWith("Bearer"));
        assertRefused(service.exchange("request", "not-a-token", service.requestTelegram(service.telegramId(),
                "IFA0301-R01", null, null)), 401, "EAU0001");
        Api.Reply otherApi = service.exchange("request", token, service.requestTelegram(service.telegramId(),
                "MIA0301-R01", null, null));
        assertRefused(otherApi, 403, "EAU0002");
        assertThat(otherApi.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("insufficient_scope"));
    }

    @Test
    void theMedicalApiRefusesAnUnregisteredPersonUntilTheyRegister() {
        DataClient service = DataClient.register(server, receiver.url(), "medical-insurance");
        String card = portal.aCard("6802", "\"portalRegistered\": false");
        String token = service.token(card, "6802");

        Api.Reply refused = service.exchange("request", token, service.requestTelegram(service.telegramId(),
                "MIA0301-R01", null, null));
        assertRefused(refused, 403, "EPS0001");
        assertThat(refused.json().getJsonObject("errorDetail").getString("messageJa")).contains("利用者登録");

        // a service with the registration API: its flow registers the person (headless: with the consent)
        DataClient registering = DataClient.register(server, receiver.url(), "user-registration");
        String registrationToken = registering.token(card, "6802");
        String status = registering.request(registrationToken, "URA0301-R01", "userRegistrationReqInfo",
                "{\"action\": \"register\"}");
        JsonObject registered = DataClient.data(registering.result(registrationToken, "URA0303-R01", status),
                "userRegistrationProvisionInfo", "userRegistrationData");
        assertThat(registered.getString("登録状況")).isEqualTo("登録済み");
        assertThat(registered.getString("登録日時")).isNotBlank();
        assertThat(service.request(token, "MIA0301-R01", null, null)).as("the first token now gets data").isNotBlank();
        assertRefused(registering.exchange("request", registrationToken, registering.requestTelegram(
                registering.telegramId(), "URA0301-R01", "userRegistrationReqInfo", "{\"action\": \"delete\"}")),
                400, "ETL0005");
    }

    @Test
    void noticesNeedTheAttributeLinkFirstAndUnlinkingStopsThemAgain() {
        DataClient service = DataClient.register(server, receiver.url(), "notices", "attribute-linkage");
        String card = portal.aCard("7913");
        putRecords(card, "notices/notices", """
                [{"受信日時": "2026-05-01T09:30:00+09:00", "件名": "<script>alert(1)</script>", "本文": "本文\\n二行目",
                  "送信元": "デジタル庁", "既読": false}]
                """);
        String token = service.token(card, "7913");

        assertRefused(service.exchange("request", token, service.requestTelegram(service.telegramId(), "NTA0301-R01",
                null, null)), 403, "EPS0002");
        String link = service.request(token, "ALA0301-R01", "attributeLinkageReqInfo",
                "{\"action\": \"link\", \"serviceAccountId\": \"member-0042\"}");
        JsonObject linked = DataClient.data(service.result(token, "ALA0303-R01", link),
                "attributeLinkageProvisionInfo", "attributeLinkageData");
        assertThat(linked.getString("連携状況")).isEqualTo("連携済み");
        assertThat(linked.getString("サービス側アカウントID")).isEqualTo("member-0042");

        String notices = service.request(token, "NTA0301-R01", "noticeDataReqInfo", "{\"layoutCode\": \"SIM-NT-0001\"}");
        JsonObject data = DataClient.data(service.result(token, "NTA0303-R01", notices), "noticeDataProvisionInfo",
                "noticeData");
        assertThat(data.getJsonArray("様式").getJsonObject(0).getJsonArray("記録").getJsonObject(0).getString("件名"))
                .isEqualTo("<script>alert(1)</script>");

        service.request(token, "ALA0301-R01", "attributeLinkageReqInfo", "{\"action\": \"unlink\"}");
        assertRefused(service.exchange("request", token, service.requestTelegram(service.telegramId(), "NTA0301-R01",
                null, null)), 403, "EPS0002");
    }

    private void putRecords(String card, String apiAndResource, String records) {
        String person = Api.operator(server).get("/admin/api/cards/" + card).json().getString("personId");
        Api.Reply put = Api.operator(server).put("/admin/api/persons/" + person + "/records/" + apiAndResource, records);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    private JsonObject awaitNoticeState(String processId, String state) {
        JsonObject request = null;
        for (int i = 0; i < 100; i++) {
            request = Api.operator(server).get("/admin/api/data-requests/" + processId).json();
            if (request.getString("noticeState").equals(state)) {
                return request;
            }
            DataClient.sleep(100);
        }
        assertThat(request.getString("noticeState")).as(request.toString()).isEqualTo(state);
        return request;
    }

    private static void assertRefused(Api.Reply reply, int status, String errorCode) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        JsonObject header = reply.json().getJsonObject("commonHeader");
        assertThat(header.getString("errorCode")).as(reply.toString()).isEqualTo(errorCode);
        assertThat(reply.json().getJsonObject("errorDetail").getString("message")).isNotBlank();
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
