package dev.mynasim.web.it;

import static dev.mynasim.web.it.Fixtures.aGroup;
import static dev.mynasim.web.it.Fixtures.aServiceWithSkip;
import static dev.mynasim.web.it.Fixtures.anApiUser;
import static dev.mynasim.web.it.Fixtures.anApiUserId;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nothing is lost when the server stops: registrations, groups, applications and the audit chain survive. */
@ExtendWith(SharedServer.class)
class RestartSurvivalIT {

    @Test
    void registrationsGroupsApplicationsAndTheAuditChainSurviveARestart(SharedServer.Server server) {
        Api operator = Api.operator(server);
        String apiUser = anApiUserId();
        operator.post("/admin/api/api-users", anApiUser(apiUser));
        operator.post("/admin/api/environments/test/services", aServiceWithSkip(apiUser, "RS0001", "medical-insurance", "self-info"));
        operator.post("/admin/api/environments/test/services", aServiceWithSkip(apiUser, "RS0002", "self-info"));
        operator.post("/admin/api/environments/test/groups", aGroup(apiUser, "G0001", apiUser + "_RS0001", apiUser + "_RS0002"));
        operator.post("/admin/api/applications", "{\"apiUserId\": \"" + apiUser + "\"}");
        operator.post("/admin/api/applications/" + apiUser + "/transitions", "{\"step\": \"A-2\"}");
        String servicesBefore = operator.get("/admin/api/environments/test/services").body();
        long recordsBefore = operator.get("/admin/api/audit/check").json().getJsonNumber("checked").longValue();

        server.restart();

        assertThat(operator.get("/admin/api/environments/test/services").body()).isEqualTo(servicesBefore);
        assertThat(operator.get("/admin/api/environments/test/groups/" + apiUser + "_G0001").json()
                .getJsonArray("members")).hasSize(2);
        assertThat(operator.get("/admin/api/applications/" + apiUser).json().getString("step")).isEqualTo("A-2");
        var check = operator.get("/admin/api/audit/check").json();
        assertThat(check.getBoolean("intact")).isTrue();
        // the demo data is loaded once: a restart adds nothing to the trail
        assertThat(check.getJsonNumber("checked").longValue()).isEqualTo(recordsBefore);
    }
}
