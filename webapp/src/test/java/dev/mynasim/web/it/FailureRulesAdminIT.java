package dev.mynasim.web.it;

import static dev.mynasim.web.it.Fixtures.aServiceWithSkip;
import static dev.mynasim.web.it.Fixtures.aServiceWithoutSkip;
import static dev.mynasim.web.it.Fixtures.anApiUser;
import static dev.mynasim.web.it.Fixtures.anApiUserId;
import static dev.mynasim.web.it.RegistryAdminApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The failure rules over the admin API: an API user manages the rules of its own services only (another's answer
 * 404, DESIGN.md 9.8), bad input gets a 400 naming the field and the rule and stores nothing (9.9), every change is
 * audited; and a callback URL outside mynasim.callback.allowed-hosts is refused at registration (9.11).
 */
@ExtendWith(SharedServer.class)
class FailureRulesAdminIT {

    private static final String FAULTS = "/admin/api/faults";
    private static final String SERVICES = "/admin/api/environments/test/services";

    private Api operator;
    private String mine;
    private String theirs;
    private Api me;
    private Api them;

    @BeforeEach
    void twoApiUsersWithAServiceEach(SharedServer.Server server) {
        operator = Api.operator(server);
        mine = anApiUserId();
        theirs = anApiUserId();
        for (String id : new String[] {mine, theirs}) {
            assertThat(operator.post("/admin/api/api-users", anApiUser(id)).status()).isEqualTo(201);
            assertThat(operator.post("/admin/api/accounts", """
                    {"username": "%s", "password": "password-of-%s", "apiUserId": "%s"}
                    """.formatted(id.toLowerCase(), id, id)).status()).isEqualTo(201);
        }
        me = Api.as(server, mine.toLowerCase(), "password-of-" + mine);
        them = Api.as(server, theirs.toLowerCase(), "password-of-" + theirs);
        assertThat(me.post(SERVICES, aServiceWithSkip(mine, "FR0001", "medical-insurance", "self-info")).status())
                .isEqualTo(201);
        assertThat(them.post(SERVICES, aServiceWithoutSkip(theirs, "FR0002", "self-info")).status()).isEqualTo(201);
    }

    @Test
    void anApiUserAddsReadsReplacesAndRemovesARuleOfItsOwnService() {
        Api.Reply added = me.post(FAULTS, """
                {"environment": "test", "clientId": "%s_FR0001", "api": "medical-insurance", "step": "result",
                 "effect": "error-code", "parameter": "EB0001", "activeUntil": "2099-01-01T00:00:00Z"}
                """.formatted(mine));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonObject rule = added.json();
        String id = rule.getString("id");
        assertThat(added.raw().headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith(FAULTS + "/" + id));
        assertThat(rule.getString("environment")).isEqualTo("test");
        assertThat(rule.getString("clientId")).isEqualTo(mine + "_FR0001");
        assertThat(rule.getString("api")).isEqualTo("medical-insurance");
        assertThat(rule.getString("step")).isEqualTo("result");
        assertThat(rule.getString("effect")).isEqualTo("error-code");
        assertThat(rule.getString("parameter")).isEqualTo("EB0001");
        assertThat(rule.getString("activeUntil")).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(rule.containsKey("activeFrom")).isFalse();
        assertThat(rule.getString("createdBy")).isEqualTo(mine.toLowerCase());
        assertThat(rule.getString("createdAt")).isNotBlank();

        assertThat(me.get(FAULTS + "/" + id).json()).isEqualTo(rule);

        Api.Reply replaced = me.put(FAULTS + "/" + id, """
                {"environment": "test", "clientId": "%s_FR0001", "effect": "unavailable", "parameter": "0120"}
                """.formatted(mine));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().getString("effect")).isEqualTo("unavailable");
        assertThat(replaced.json().getString("parameter")).as("kept in its canonical form").isEqualTo("120");
        assertThat(replaced.json().containsKey("api")).isFalse();
        assertThat(replaced.json().containsKey("activeUntil")).isFalse();
        assertThat(replaced.json().getString("createdAt")).isEqualTo(rule.getString("createdAt"));

        assertThat(me.get(FAULTS + "?environment=test&clientId=" + mine + "_FR0001").array())
                .extracting(r -> r.asJsonObject().getString("id")).containsExactly(id);
        assertThat(me.get(FAULTS + "?environment=production").array()).isEmpty();
        assertThat(me.get(FAULTS + "/" + id + "/hits").array()).isEmpty();

        assertThat(me.delete(FAULTS + "/" + id).status()).isEqualTo(204);
        assertProblem(me.get(FAULTS + "/" + id), 404, "not-found", null);

        assertThat(operator.get("/admin/api/audit?subject=test/" + mine + "_FR0001").array())
                .extracting(r -> r.asJsonObject().getString("action"))
                .contains("fault.add", "fault.change", "fault.remove");
    }

    @Test
    void anotherApiUsersRulesAndServicesAnswerNotFound() {
        Api.Reply theirRule = them.post(FAULTS, """
                {"environment": "test", "clientId": "%s_FR0002", "effect": "token-unauthorized"}
                """.formatted(theirs));
        assertThat(theirRule.status()).as(theirRule.toString()).isEqualTo(201);
        String path = FAULTS + "/" + theirRule.json().getString("id");

        assertProblem(me.get(path), 404, "not-found", null);
        assertProblem(me.get(path + "/hits"), 404, "not-found", null);
        assertProblem(me.put(path, """
                {"environment": "test", "clientId": "%s_FR0002", "effect": "access-denied"}
                """.formatted(theirs)), 404, "not-found", null);
        assertProblem(me.put(path, """
                {"environment": "test", "clientId": "%s_FR0001", "effect": "access-denied"}
                """.formatted(mine)), 404, "not-found", null);
        assertProblem(me.delete(path), 404, "not-found", null);
        assertProblem(me.post(FAULTS, """
                {"environment": "test", "clientId": "%s_FR0002", "effect": "access-denied"}
                """.formatted(theirs)), 404, "not-found", null);
        assertThat(me.get(FAULTS).array()).isEqualTo(JsonValue.EMPTY_JSON_ARRAY);
        assertThat(me.get(FAULTS + "?clientId=" + theirs + "_FR0002").array()).isEqualTo(JsonValue.EMPTY_JSON_ARRAY);

        assertThat(them.get(path).json().getString("effect")).as("nothing of theirs changed").isEqualTo("token-unauthorized");
        assertThat(them.get(FAULTS).array()).hasSize(1);
        assertThat(operator.get(FAULTS + "?clientId=" + theirs + "_FR0002").array()).hasSize(1);
    }

    @Test
    void badInputGetsA400NamingTheFieldAndTheRuleAndStoresNothing() {
        String service = mine + "_FR0001";
        assertProblem(add("\"effect\": \"explode\""), 400, "effect-unknown", "effect");
        assertProblem(add("\"effect\": \"access-denied\", \"step\": \"token\""), 400, "step-not-for-effect", "step");
        assertProblem(add("\"effect\": \"access-denied\", \"step\": \"later\""), 400, "step-unknown", "step");
        assertProblem(add("\"effect\": \"latency\""), 400, "parameter-required", "parameter");
        assertProblem(add("\"effect\": \"latency\", \"parameter\": 500"), 400, "field-type", "parameter");
        assertProblem(add("\"effect\": \"latency\", \"parameter\": \"30001\""), 400, "parameter-milliseconds", "parameter");
        assertProblem(add("\"effect\": \"callback-late\", \"parameter\": \"soon\""), 400, "parameter-seconds", "parameter");
        assertProblem(add("\"effect\": \"error-code\", \"parameter\": \"eb0001\""), 400, "parameter-error-code", "parameter");
        assertProblem(add("\"effect\": \"access-denied\", \"parameter\": \"1\""), 400, "parameter-unexpected", "parameter");
        assertProblem(add("\"effect\": \"access-denied\", \"colour\": \"red\""), 400, "field-unknown", "colour");
        assertProblem(add("\"effect\": \"server-error\", \"api\": \"notices\""), 400, "api-not-registered", "api");
        assertProblem(add("\"effect\": \"server-error\", \"api\": \"tax\""), 400, "api-unknown", "api");
        assertProblem(add("\"effect\": \"access-denied\", \"activeFrom\": \"tomorrow\""), 400, "instant-format", "activeFrom");
        assertProblem(add("\"effect\": \"access-denied\", \"activeFrom\": \"2026-05-01T00:00:00Z\", "
                + "\"activeUntil\": \"2026-04-01T00:00:00Z\""), 400, "active-until-not-after-from", "activeUntil");
        assertProblem(me.post(FAULTS, "{\"clientId\": \"" + service + "\", \"effect\": \"access-denied\"}"),
                400, "required", "environment");
        assertProblem(me.post(FAULTS, "{\"environment\": \"staging\", \"clientId\": \"" + service
                + "\", \"effect\": \"access-denied\"}"), 400, "environment-unknown", "environment");
        assertProblem(me.post(FAULTS, "{\"environment\": \"test\", \"clientId\": \"FR0001\", \"effect\": \"access-denied\"}"),
                400, "client-id-format", "clientId");
        assertProblem(me.post(FAULTS, "{\"environment\": \"production\", \"clientId\": \"" + service
                + "\", \"effect\": \"access-denied\"}"), 404, "not-found", null);
        Api.Reply empty = me.post(FAULTS, "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");

        assertThat(me.get(FAULTS).array()).as("nothing was stored").isEqualTo(JsonValue.EMPTY_JSON_ARRAY);
    }

    @Test
    void removingAServiceRemovesItsRules() {
        assertThat(me.post(SERVICES, aServiceWithSkip(mine, "FR0003", "self-info")).status()).isEqualTo(201);
        Api.Reply added = me.post(FAULTS, """
                {"environment": "test", "clientId": "%s_FR0003", "effect": "card-locked"}
                """.formatted(mine));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        assertThat(me.delete(SERVICES + "/" + mine + "_FR0003").status()).isEqualTo(204);

        assertProblem(me.get(FAULTS + "/" + added.json().getString("id")), 404, "not-found", null);
        assertThat(me.post(SERVICES, aServiceWithSkip(mine, "FR0003", "self-info")).status()).isEqualTo(201);
        assertThat(me.get(FAULTS + "?clientId=" + mine + "_FR0003").array()).as("a new registration starts clean").isEmpty();
    }

    @Test
    void aCallbackUrlOutsideTheAllowedHostsIsRefusedAtRegistration() {
        String outside = aServiceWithSkip(mine, "FR0004", "self-info")
                .replace("https://localhost/rp/FR0004/notice", "https://internal.example/notice");

        assertProblem(me.post(SERVICES, outside), 400, "host-not-allowed", "callbackUrl");
        assertProblem(me.get(SERVICES + "/" + mine + "_FR0004"), 404, "not-found", null);
        assertProblem(me.put(SERVICES + "/" + mine + "_FR0001", aServiceWithSkip(mine, "FR0001", "medical-insurance", "self-info")
                .replace("https://localhost/rp/FR0001/notice", "https://169.254.169.254/notice")), 400, "host-not-allowed",
                "callbackUrl");
        assertThat(me.get(SERVICES + "/" + mine + "_FR0001").json().getString("callbackUrl"))
                .isEqualTo("https://localhost/rp/FR0001/notice");

        Api.Reply loopback = me.post(SERVICES, aServiceWithSkip(mine, "FR0004", "self-info")
                .replace("https://localhost/rp/FR0004/notice", "http://[::1]:9000/notice"));
        assertThat(loopback.status()).as(loopback.toString()).isEqualTo(201);
    }

    private Api.Reply add(String fields) {
        return me.post(FAULTS, "{\"environment\": \"test\", \"clientId\": \"" + mine + "_FR0001\", " + fields + "}");
    }
}
