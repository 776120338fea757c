package dev.mynasim.web.it;

import static dev.mynasim.web.it.Fixtures.aGroup;
import static dev.mynasim.web.it.Fixtures.aServiceWithSkip;
import static dev.mynasim.web.it.Fixtures.anApiUser;
import static dev.mynasim.web.it.Fixtures.anApiUserId;
import static dev.mynasim.web.it.RegistryAdminApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DESIGN.md 9.8: consoles need a login; an API user sees and changes only its own records, others answer 404. */
@ExtendWith(SharedServer.class)
class ApiUserIsolationIT {

    private static final String SERVICES = "/admin/api/environments/test/services";

    private SharedServer.Server server;
    private String mine;
    private String theirs;
    private Api me;
    private Api them;

    @BeforeEach
    void twoApiUsersWithAnAccountEach(SharedServer.Server server) {
        this.server = server;
        Api operator = Api.operator(server);
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
        assertThat(them.post(SERVICES, aServiceWithSkip(theirs, "TH0001", "self-info")).status()).isEqualTo(201);
        assertThat(them.post(SERVICES, aServiceWithSkip(theirs, "TH0002", "self-info")).status()).isEqualTo(201);
        assertThat(them.post("/admin/api/environments/test/groups",
                aGroup(theirs, "G0001", theirs + "_TH0001", theirs + "_TH0002")).status()).isEqualTo(201);
    }

    @Test
    void anApiUserManagesItsOwnServicesWithoutNamingItself() {
        Api.Reply created = me.post(SERVICES, aServiceWithSkip(mine, "MY0001", "self-info")
                .replace("\"apiUserId\": \"" + mine + "\", ", ""));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().getString("clientId")).isEqualTo(mine + "_MY0001");
        assertThat(me.get(SERVICES).array()).extracting(s -> s.asJsonObject().getString("clientId"))
                .containsExactly(mine + "_MY0001");
        assertThat(me.get("/admin/api/api-users").array()).extracting(u -> u.asJsonObject().getString("apiUserId"))
                .containsExactly(mine);
    }

    @Test
    void anotherApiUsersRecordsAnswerNotFound() {
        String theirService = SERVICES + "/" + theirs + "_TH0001";

        assertProblem(me.get(theirService), 404, "not-found", null);
        assertProblem(me.put(theirService, aServiceWithSkip(theirs, "TH0001", "self-info", "notices")), 404, "not-found", null);
        assertProblem(me.delete(theirService), 404, "not-found", null);
        assertProblem(me.get("/admin/api/api-users/" + theirs), 404, "not-found", null);
        assertProblem(me.get("/admin/api/environments/test/groups/" + theirs + "_G0001"), 404, "not-found", null);
        assertProblem(me.delete("/admin/api/environments/test/groups/" + theirs + "_G0001"), 404, "not-found", null);
        assertProblem(me.post(SERVICES, aServiceWithSkip(theirs, "MY0002", "self-info")), 404, "not-found", null);
        // a service of another API user looks the same as one that does not exist
        assertProblem(me.post("/admin/api/environments/test/groups", aGroup(mine, "G0009", theirs + "_TH0001", theirs + "_TH0002")),
                400, "group-member-unknown", "members");
        assertThat(me.get("/admin/api/environments/test/groups").array()).isEqualTo(JsonValue.EMPTY_JSON_ARRAY);

        // and nothing of theirs changed
        assertThat(them.get(theirService).json().getJsonArray("apis")).hasSize(1);
        assertThat(them.get("/admin/api/environments/test/groups/" + theirs + "_G0001").status()).isEqualTo(200);
    }

    @Test
    void anApiUsersTestCardsAreItsOwnAndInvisibleToAnotherApiUser() {
        Api.Reply created = them.post("/admin/api/cards", """
                {"pin": "1234", "name": "試験 次郎", "nameKana": "シケン ジロウ", "birthdate": "1985-05-05",
                 "gender": "male", "address": "大阪府大阪市北区"}
                """);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String serial = created.json().getString("serial");
        assertThat(created.json().getString("apiUserId")).isEqualTo(theirs);

        assertThat(them.get("/admin/api/cards/" + serial).status()).isEqualTo(200);
        assertProblem(me.get("/admin/api/cards/" + serial), 404, "not-found", null);
        assertProblem(me.post("/admin/api/cards/" + serial + "/revoke", "{}"), 404, "not-found", null);
        assertThat(them.get("/admin/api/cards/" + serial).json().getString("state")).isEqualTo("usable");
        assertProblem(me.get("/admin/api/cards/100000000001"), 404, "not-found", null);
    }

    @Test
    void operatorOnlyActionsAreForbiddenToAnApiUser() {
        assertProblem(me.post("/admin/api/api-users", anApiUser(anApiUserId())), 403, "operator-only", null);
        assertProblem(me.post("/admin/api/accounts", "{\"username\": \"intruder\", \"password\": \"long-enough-password\"}"),
                403, "operator-only", null);
        assertProblem(me.get("/admin/api/audit"), 403, "operator-only", null);
        assertThat(me.get("/admin/api/accounts").array()).extracting(a -> a.asJsonObject().getString("username"))
                .containsExactly(mine.toLowerCase());
    }

    @Test
    void withoutAValidLoginTheAdminApiAnswers401WithAChallenge() {
        Api.Reply anonymous = Api.anonymous(server).get(SERVICES);
        assertProblem(anonymous, 401, "authentication-required", null);
        assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm=\"mynasim\""));

        assertProblem(Api.as(server, mine.toLowerCase(), "wrong-password").get(SERVICES), 401, "authentication-required", null);
        assertProblem(Api.as(server, "nobody", "whatever-password").get(SERVICES), 401, "authentication-required", null);
    }
}
