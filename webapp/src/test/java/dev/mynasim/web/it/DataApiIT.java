package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The synchronous data API of the OpenID Connect door ({@code GET {base}/api/v1/{api}/{resource}}): the same data
 * and token checks as the exchange, paging and date filters, registration and attribute linkage, refresh grants
 * (期間連携), revocation taking effect at once, RFC 9457 errors.
 */
@ExtendWith(SharedServer.class)
class DataApiIT {

    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
    }

    @Test
    void recordsArePagedNewestFirstAndFilteredByDate() {
        DataClient service = DataClient.register(server, null, "medical-insurance");
        String card = portal.aCard("1122");
        StringBuilder records = new StringBuilder("[");
        for (int month = 1; month <= 12; month++) {
            records.append(month == 1 ? "" : ",").append("""
                    {"調剤年月日": "2025-%02d-10", "医療機関名": "永田町クリニック", "医薬品名": "薬 %d", "数量": 14, "単位": "錠", "日数": 14}
                    """.formatted(month, month));
        }
        putRecords(card, "medical-insurance/medications", records.append("]").toString());
        String token = service.oidcTokens(card, "1122", "medical-insurance").getString("access_token");

        JsonObject first = ok(service.view("GET", "test", "medical-insurance/medications?size=5", token, null));
        assertThat(first.getInt("total")).isEqualTo(12);
        assertThat(first.getJsonArray("records")).hasSize(5);
        assertThat(first.getJsonArray("records").getJsonObject(0).getString("医薬品名")).isEqualTo("薬 12");
        JsonObject third = ok(service.view("GET", "test", "medical-insurance/medications?size=5&page=3", token, null));
        assertThat(third.getJsonArray("records")).hasSize(2);
        assertThat(third.getInt("total")).as("a last page that is not full tells the total").isEqualTo(12);
        JsonObject past = ok(service.view("GET", "test", "medical-insurance/medications?size=5&page=4", token, null));
        assertThat(past.getJsonArray("records")).isEmpty();
        assertThat(past.getInt("total")).as("an empty page past the end still says the total").isEqualTo(12);
        JsonObject spring = ok(service.view("GET", "test",
                "medical-insurance/medications?from=2025-03-01&to=2025-05-31", token, null));
        assertThat(spring.getInt("total")).isEqualTo(3);
        assertThat(spring.getString("layoutCode")).isEqualTo("SIM-MI-0001");
    }

    @Test
    void aChangedRegistrationIsWhatTheVeryNextAuthorizationSees() {
        DataClient service = DataClient.register(server, null, "self-info");
        String card = portal.aCard("1357");
        String first = "http://127.0.0.1/DS0001/callback";
        String challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assertThat(service.oidcAuthorize(card, "1357", "self-info", first, challenge).query()).containsKey("code");

        service.change(first, "medical-insurance"); // only the APIs, a collection table of the registration, change
        HeadlessClient.Answer apiGone = service.oidcAuthorize(card, "1357", "self-info", first, challenge);
        assertThat(apiGone.query()).as(apiGone.toString()).containsEntry("error", "invalid_scope");
        assertThat(service.oidcAuthorize(card, "1357", "medical-insurance", first, challenge).query()).containsKey("code");

        String second = "http://127.0.0.1/DS0001/other";
        service.change(second, "medical-insurance");
        HeadlessClient.Answer oldRedirect = service.oidcAuthorize(card, "1357", "medical-insurance", first, challenge);
        assertThat(oldRedirect.status()).as("an unregistered redirect URI is never redirected to").isEqualTo(400);
        assertThat(service.oidcAuthorize(card, "1357", "medical-insurance", second, challenge).query()).containsKey("code");

        service.registerAgain(first, "self-info"); // a new row under the same client id, its version starting over
        assertThat(service.oidcAuthorize(card, "1357", "medical-insurance", first, challenge).query())
                .containsEntry("error", "invalid_scope");
        assertThat(service.oidcAuthorize(card, "1357", "self-info", second, challenge).status()).isEqualTo(400);
        assertThat(service.oidcAuthorize(card, "1357", "self-info", first, challenge).query()).containsKey("code");
    }

    @Test
    void everyDataCallReachesTheAuditTrailWithinASecondOrSoThroughTheBatchWriterAndTheChainHolds() {
        DataClient service = DataClient.register(server, null, "self-info");
        String card = portal.aCard("4455");
        String token = service.oidcTokens(card, "4455", "self-info").getString("access_token");
        for (int i = 0; i < 3; i++) {
            assertThat(service.view("GET", "test", "self-info/vaccinations", token, null).status()).isEqualTo(200);
        }
        Api operator = Api.operator(server);
        String actor = "client:" + service.clientId();

        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(operator.get("/admin/api/audit?action=data.view&actor=" + actor).array()).hasSize(3));
        JsonObject entry = operator.get("/admin/api/audit?action=data.view&actor=" + actor).array().getJsonObject(0);
        assertThat(entry.getString("detail")).isEqualTo("GET self-info/vaccinations");
        assertThat(operator.get("/admin/api/audit/check").json().getBoolean("intact")).isTrue();
    }

    @Test
    void aTokenReachesOnlyItsApisInItsEnvironment() {
        DataClient service = DataClient.register(server, null, "self-info", "medical-insurance");
        String card = portal.aCard("2233");
        String selfInfoOnly = service.oidcTokens(card, "2233", "self-info").getString("access_token");

        assertThat(service.view("GET", "test", "self-info/vaccinations", selfInfoOnly, null).status()).isEqualTo(200);
        Api.Reply otherApi = service.view("GET", "test", "medical-insurance/medications", selfInfoOnly, null);
        assertProblem(otherApi, 403, "EAU0002");
        assertThat(otherApi.raw().headers().firstValue("WWW-Authenticate").orElse("")).contains("insufficient_scope");
        assertProblem(service.view("GET", "production", "self-info/vaccinations", selfInfoOnly, null), 401, "EAU0001");
        assertProblem(service.view("GET", "test", "self-info/vaccinations", null, null), 401, "EAU0001");
    }

    @Test
    void badParametersAndUnknownResourcesAreProblemsNotFailures() {
        DataClient service = DataClient.register(server, null, "self-info", "attribute-linkage");
        String card = portal.aCard("3344");
        String token = service.oidcTokens(card, "3344", "self-info attribute-linkage").getString("access_token");

        assertProblem(service.view("GET", "test", "self-info/vaccinations?from=2025-02-30", token, null), 400, "date-format");
        assertProblem(service.view("GET", "test", "self-info/vaccinations?size=101", token, null), 400, "size-range");
        assertProblem(service.view("GET", "test", "self-info/medications", token, null), 404, "EVW0404");
        assertProblem(service.view("GET", "test", "no-such-api/records", token, null), 404, "EVW0404");
        assertProblem(service.view("POST", "test", "self-info/vaccinations", token, "{}"), 405, "EVW0405");
        assertProblem(service.view("PUT", "test", "attribute-linkage/link", token, "{\"serviceAccountId\": "), 400,
                "malformed-json");
        assertProblem(service.view("PUT", "test", "attribute-linkage/link", token, "{}"), 400, "ETL0005");
    }

    @Test
    void registrationAndAttributeLinkageWorkThroughTheViewAndNoticesFollowTheLink() {
        DataClient linking = DataClient.register(server, null, "attribute-linkage", "notices");
        String card = portal.aCard("4455", "\"portalRegistered\": false");
        String token = linking.oidcTokens(card, "4455", "attribute-linkage notices").getString("access_token");
        assertProblem(linking.view("PUT", "test", "attribute-linkage/link", token, "{\"serviceAccountId\": \"u-1\"}"),
                403, "EPS0001");

        DataClient registering = DataClient.register(server, null, "user-registration");
        String registration = registering.oidcTokens(card, "4455", "user-registration").getString("access_token");
        assertThat(ok(registering.view("GET", "test", "user-registration/registration", registration, null))
                .getString("登録状況")).as("the flow registered the person").isEqualTo("登録済み");
        assertThat(ok(registering.view("POST", "test", "user-registration/registration", registration, null))
                .getString("登録状況")).as("registering again changes nothing").isEqualTo("登録済み");

        assertProblem(linking.view("GET", "test", "notices/notices", token, null), 403, "EPS0002");
        assertThat(ok(linking.view("PUT", "test", "attribute-linkage/link", token, "{\"serviceAccountId\": \"u-1\"}"))
                .getString("サービス側アカウントID")).isEqualTo("u-1");
        assertThat(ok(linking.view("GET", "test", "notices/notices", token, null)).getInt("total")).isZero();
        assertThat(ok(linking.view("DELETE", "test", "attribute-linkage/link", token, null)).getString("連携状況"))
                .isEqualTo("未連携");
        assertProblem(linking.view("GET", "test", "notices/notices", token, null), 403, "EPS0002");
    }

    @Test
    void revokingTheConsentStopsDataAtOnce() {
        DataClient service = DataClient.register(server, null, "self-info");
        String card = portal.aCard("6677");
        String token = service.oidcTokens(card, "6677", "self-info").getString("access_token");
        assertThat(service.view("GET", "test", "self-info/vaccinations", token, null).status()).isEqualTo(200);
        String person = Api.operator(server).get("/admin/api/cards/" + card).json().getString("personId");
        Api.Reply consents = Api.operator(server).get("/admin/api/consents?personId=" + person);
        assertThat(consents.array()).hasSize(1);
        String consentId = consents.array().getJsonObject(0).getString("consentId");
        assertThat(Api.as(server, "sp00000002", "demo-password-2").delete("/admin/api/consents/" + consentId).status())
                .as("another API user's consent is not there").isEqualTo(404);

        assertThat(Api.operator(server).delete("/admin/api/consents/" + consentId).status()).isEqualTo(204);

        assertProblem(service.view("GET", "test", "self-info/vaccinations", token, null), 401, "EAU0001");
        assertThat(Api.operator(server).get("/admin/api/consents?personId=" + person).array().getJsonObject(0)
                .getString("revokedAt")).isNotBlank();
    }

    @Test
    void aRefreshedTokenFetchesMedicalDataWithoutANewCardStepAndRevocationStopsDataAtOnce() {
        DataClient service = DataClient.register(server, null, "medical-insurance");
        String card = portal.aCard("5566");
        JsonObject tokens = service.oidcTokens(card, "5566", "medical-insurance");
        AdminClock clock = new AdminClock(server);
        try {
            clock.move(Duration.ofDays(30));
            Api.Reply refreshed = service.oidc("token", Map.of("grant_type", "refresh_token",
                    "refresh_token", tokens.getString("refresh_token"), "client_id", service.clientId()));
            assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
            String access = refreshed.json().getString("access_token");
            assertThat(service.view("GET", "test", "medical-insurance/medications", access, null).status())
                    .as("期間連携: thirty days later, no card step").isEqualTo(200);

            Api.Reply revoked = service.oidc("revoke", Map.of("token", refreshed.json().getString("refresh_token"),
                    "client_id", service.clientId()));
            assertThat(revoked.status()).isEqualTo(200);
            assertProblem(service.view("GET", "test", "medical-insurance/medications", access, null), 401, "EAU0001");
        } finally {
            clock.reset();
        }
    }

    @Test
    void theOpenApiDocumentListsTheDataSurfacesAsSimulatorDefined() {
        Api.Reply openapi = Api.anonymous(server).get("/openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/online-resource-web/request", "/online-resource-web/result",
                "/api/v1/{api}/{resource}", "/admin/api/persons/{personId}/records/{api}/{resource}",
                "x-mynasim-simulator-defined");
    }

    private void putRecords(String card, String apiAndResource, String records) {
        String person = Api.operator(server).get("/admin/api/cards/" + card).json().getString("personId");
        Api.Reply put = Api.operator(server).put("/admin/api/persons/" + person + "/records/" + apiAndResource, records);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    private static JsonObject ok(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static void assertProblem(Api.Reply reply, int status, String rule) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("rule")).as(reply.toString()).isEqualTo(rule);
        assertThat(reply.json().getString("detail_ja")).isNotBlank();
    }
}
