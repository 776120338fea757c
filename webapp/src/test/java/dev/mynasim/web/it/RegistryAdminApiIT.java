package dev.mynasim.web.it;

import static dev.mynasim.web.it.Fixtures.aGroup;
import static dev.mynasim.web.it.Fixtures.aService;
import static dev.mynasim.web.it.Fixtures.aServiceWithSkip;
import static dev.mynasim.web.it.Fixtures.aServiceWithoutSkip;
import static dev.mynasim.web.it.Fixtures.anApiUser;
import static dev.mynasim.web.it.Fixtures.anApiUserId;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator registers API users, services, groups and applications over the admin API; every rule answers. */
@ExtendWith(SharedServer.class)
class RegistryAdminApiIT {

    private static final String SERVICES = "/admin/api/environments/test/services";
    private static final String GROUPS = "/admin/api/environments/test/groups";

    private Api operator;
    private String apiUser;

    @BeforeEach
    void anApiUserOfItsOwn(SharedServer.Server server) {
        operator = Api.operator(server);
        apiUser = anApiUserId();
        assertThat(operator.post("/admin/api/api-users", anApiUser(apiUser)).status()).isEqualTo(201);
    }

    @Test
    void createReadUpdateAndDeleteAService() {
        Api.Reply created = operator.post(SERVICES, aServiceWithSkip(apiUser, "AB0001", "medical-insurance", "self-info"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(SERVICES + "/" + apiUser + "_AB0001"));
        JsonObject service = created.json();
        assertThat(service.getString("clientId")).isEqualTo(apiUser + "_AB0001");
        assertThat(service.getJsonArray("apis").getValuesAs(JsonString::getString))
                .containsExactly("medical-insurance", "self-info");
        assertThat(service.getBoolean("usable")).isTrue();

        Api.Reply read = operator.get(SERVICES + "/" + apiUser + "_AB0001");
        assertThat(read.json().getString("consentText")).isEqualTo("<b>同意</b>のお願い & テスト");

        Api.Reply changed = operator.put(SERVICES + "/" + apiUser + "_AB0001",
                aServiceWithoutSkip(apiUser, "AB0001", "self-info"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().getBoolean("skipFeature")).isFalse();

        assertThat(operator.delete(SERVICES + "/" + apiUser + "_AB0001").status()).isEqualTo(204);
        assertThat(operator.get(SERVICES + "/" + apiUser + "_AB0001").status()).isEqualTo(404);
    }

    @Test
    void aServiceWithoutTheSkipFeatureIsRegisteredForExactlyOneApi() {
        Api.Reply reply = operator.post(SERVICES, aService(apiUser, "AB0002", false, "none", "medical-insurance", "self-info"));

        assertProblem(reply, 400, "single-api-without-skip", "apis");
        assertThat(reply.json().getString("detail_ja")).contains("1 つだけ");
        assertThat(operator.get(SERVICES + "/" + apiUser + "_AB0002").status()).isEqualTo(404);
    }

    @Test
    void theSkipFeatureIsNeverRegisteredAlone() {
        assertProblem(operator.post(SERVICES, aService(apiUser, "AB0003", true, "none")), 400, "api-required", "apis");
    }

    @Test
    void clientAuthenticationNoneIsForTestRegistrationsOnly() {
        Api.Reply reply = operator.post("/admin/api/environments/production/services",
                aServiceWithSkip(apiUser, "AB0004", "self-info"));

        assertProblem(reply, 400, "client-auth-none-test-only", "clientAuth");
    }

    @Test
    void aGroupHoldsTwoOrMoreServicesOfOneApiUserEachWithTheSkipFeature() {
        operator.post(SERVICES, aServiceWithSkip(apiUser, "AC0001", "medical-insurance", "self-info"));
        operator.post(SERVICES, aServiceWithSkip(apiUser, "AC0002", "self-info"));
        operator.post(SERVICES, aServiceWithoutSkip(apiUser, "AC0003", "notices"));
        String other = anApiUserId();
        operator.post("/admin/api/api-users", anApiUser(other));
        operator.post(SERVICES, aServiceWithSkip(other, "AC0004", "self-info"));

        assertProblem(operator.post(GROUPS, aGroup(apiUser, "G0001", apiUser + "_AC0001")), 400, "group-too-small", "members");
        assertProblem(operator.post(GROUPS, aGroup(apiUser, "G0001", apiUser + "_AC0001", apiUser + "_AC0003")),
                409, "group-member-without-skip", "members");
        assertProblem(operator.post(GROUPS, aGroup(apiUser, "G0001", apiUser + "_AC0001", other + "_AC0004")),
                400, "group-mixed-api-users", "members");
        assertProblem(operator.post(GROUPS, aGroup(apiUser, "G0001", apiUser + "_AC0001", apiUser + "_AC9999")),
                400, "group-member-unknown", "members");

        Api.Reply declared = operator.post(GROUPS, aGroup(apiUser, "G0001", apiUser + "_AC0001", apiUser + "_AC0002"));
        assertThat(declared.status()).isEqualTo(201);
        assertThat(declared.json().getJsonArray("members").getValuesAs(JsonString::getString))
                .containsExactly(apiUser + "_AC0001", apiUser + "_AC0002");
        assertThat(operator.get(SERVICES + "/" + apiUser + "_AC0002").json().getString("groupId")).isEqualTo("G0001");

        // a service belongs to at most one group per environment
        operator.post(SERVICES, aServiceWithSkip(apiUser, "AC0005", "self-info"));
        assertProblem(operator.post(GROUPS, aGroup(apiUser, "G0002", apiUser + "_AC0002", apiUser + "_AC0005")),
                409, "service-already-grouped", "members");
        // a grouped service keeps the skip feature and cannot be removed
        assertProblem(operator.put(SERVICES + "/" + apiUser + "_AC0002", aServiceWithoutSkip(apiUser, "AC0002", "self-info")),
                409, "grouped-service-needs-skip", "skipFeature");
        assertProblem(operator.delete(SERVICES + "/" + apiUser + "_AC0002"), 409, "service-grouped", "clientId");

        // TEST groups are not copied to PRODUCTION
        assertThat(operator.get("/admin/api/environments/production/groups/" + apiUser + "_G0001").status()).isEqualTo(404);

        assertThat(operator.delete(GROUPS + "/" + apiUser + "_G0001").status()).isEqualTo(204);
        assertThat(operator.get(SERVICES + "/" + apiUser + "_AC0002").json().containsKey("groupId")).isFalse();
    }

    @Test
    void theUsageApplicationWalksItsStepsInOrderWithItsGuards() {
        String path = "/admin/api/applications/" + apiUser;
        assertThat(operator.post("/admin/api/applications", "{\"apiUserId\": \"" + apiUser + "\"}").status()).isEqualTo(201);
        assertProblem(operator.post(path + "/transitions", "{\"step\": \"A-3\"}"), 409, "step-order", "step");
        assertProblem(operator.post(path + "/declarations", "{\"declaration\": \"production-grouping\"}"),
                409, "grouping-declaration-phase", "declaration");
        for (int step = 2; step <= 10; step++) {
            assertThat(operator.post(path + "/transitions", "{\"step\": \"A-" + step + "\", \"note\": \"ok\"}").status())
                    .isEqualTo(200);
        }
        assertProblem(operator.post(path + "/declarations", "{\"declaration\": \"skip-feature\"}"),
                409, "skip-declaration-too-late", "declaration");

        JsonObject application = operator.get(path).json();
        assertThat(application.getString("step")).isEqualTo("A-10");
        assertThat(application.getString("stepLabel")).contains("接続確認環境");
        assertThat(application.getJsonArray("transitions")).hasSize(10);
        JsonObject last = application.getJsonArray("transitions").getJsonObject(9);
        assertThat(last.getString("actor")).isEqualTo(Api.OPERATOR);
        assertThat(last.getString("step")).isEqualTo("A-10");
        assertThat(last.getString("at")).isNotBlank();

        assertThat(operator.get("/admin/api/applications/steps").array()).hasSize(22);
    }

    @Test
    void badInputGetsA400NamingTheProblemAndChangesNothing() {
        String before = operator.get(SERVICES).body();

        assertProblem(operator.post(SERVICES, "{\"apiUserId\": \"" + apiUser + "\", \"serviceId\": \"AD0001\", \"colour\": \"red\"}"),
                400, "field-unknown", "colour");
        assertProblem(operator.post(SERVICES, aServiceWithSkip(apiUser, "AD0001", "self-info")
                .replace("\"skipFeature\": true", "\"skipFeature\": \"yes please\"")), 400, "field-type", "skipFeature");
        assertProblem(operator.post(SERVICES, aServiceWithSkip(apiUser, "AD0001", "self-info")
                .replace("[\"self-info\"]", "[42]")), 400, "field-type", "apis[0]");
        assertProblem(operator.post(SERVICES, "[1, 2]"), 400, "field-type", "body");
        assertProblem(operator.post(SERVICES, "{\"apiUserId\": "), 400, "body-malformed", "body");
        assertProblem(operator.post(SERVICES, aServiceWithSkip(apiUser, "ad0001", "self-info")), 400, "service-id-format", "serviceId");
        assertProblem(operator.post(SERVICES, aServiceWithSkip(apiUser, "AD0001", "self-info", "tax")), 400, "api-unknown", "apis");
        assertProblem(operator.post(SERVICES, aServiceWithSkip(apiUser, "AD0001", "self-info")
                .replace("https://rp.example/AD0001/callback", "http://rp.example/cb")), 400, "url-https", "redirectUris");
        assertProblem(operator.post(SERVICES, aServiceWithSkip(apiUser, "AD0001", "self-info")
                .replace("https://rp.example/AD0001/callback", "https://rp.example/cb#frag")), 400, "url-fragment", "redirectUris");
        assertProblem(operator.post(SERVICES, aServiceWithSkip(apiUser, "AD0001", "self-info")
                .replace("<b>同意</b>のお願い & テスト", "あ".repeat(2001))), 400, "consent-text-length", "consentText");
        assertProblem(operator.get(SERVICES + "/SP1_AA0001"), 400, "client-id-format", "clientId");
        assertProblem(operator.get("/admin/api/api-users/XX00000001"), 400, "api-user-id-format", "apiUserId");
        assertProblem(operator.get("/admin/api/environments/staging/services"), 400, "environment-unknown", "environment");
        assertProblem(operator.send("POST", SERVICES, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"displayName\": \"" + "x".repeat(70_000) + "\"}")),
                400, "body-too-large", "body");
        Api.Reply wrongType = operator.send("POST", SERVICES, "text/plain", HttpRequest.BodyPublishers.ofString("hello"));
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");

        assertThat(operator.get(SERVICES).body()).isEqualTo(before);
    }

    @Test
    void aDuplicateIdIsAConflict() {
        assertProblem(operator.post("/admin/api/api-users", anApiUser(apiUser)), 409, "api-user-exists", "apiUserId");
        operator.post(SERVICES, aServiceWithSkip(apiUser, "AE0001", "self-info"));
        assertProblem(operator.post(SERVICES, aServiceWithSkip(apiUser, "AE0001", "self-info")), 409, "service-exists", "serviceId");
    }

    @Test
    void theSameServiceIdIsRegisteredSeparatelyPerEnvironment() {
        assertThat(operator.post(SERVICES, aServiceWithSkip(apiUser, "AF0001", "self-info")).status()).isEqualTo(201);
        Api.Reply production = operator.post("/admin/api/environments/production/services",
                aService(apiUser, "AF0001", true, "tls_client_auth", "self-info"));

        assertThat(production.status()).isEqualTo(201);
        assertThat(production.json().getString("environment")).isEqualTo("production");
        assertThat(operator.get(SERVICES + "/" + apiUser + "_AF0001").json().getString("clientAuth")).isEqualTo("none");
    }

    static void assertProblem(Api.Reply reply, int status, String rule, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getString("rule")).as(reply.toString()).isEqualTo(rule);
        assertThat(problem.getString("field", null)).isEqualTo(field);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(problem.getString("detail_ja")).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception", "at dev.mynasim");
    }
}
