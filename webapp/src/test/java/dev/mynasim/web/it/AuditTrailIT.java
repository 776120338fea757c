package dev.mynasim.web.it;

import static dev.mynasim.web.it.Fixtures.aServiceWithSkip;
import static dev.mynasim.web.it.Fixtures.anApiUser;
import static dev.mynasim.web.it.Fixtures.anApiUserId;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DESIGN.md 9.10: every admin change is in the audit trail, filterable, and a changed record breaks the chain. */
@ExtendWith(SharedServer.class)
class AuditTrailIT {

    private SharedServer.Server server;
    private Api operator;
    private String apiUser;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        operator = Api.operator(server);
        apiUser = anApiUserId();
    }

    @Test
    void everyAdminChangeIsRecordedWithActorActionAndSubject() {
        Instant before = Instant.now().minusSeconds(1);
        operator.post("/admin/api/api-users", anApiUser(apiUser));
        operator.post("/admin/api/environments/test/services", aServiceWithSkip(apiUser, "AU0001", "self-info"));

        List<JsonObject> records = operator.get("/admin/api/audit?subject=test/" + apiUser + "_AU0001").array()
                .getValuesAs(JsonObject.class);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getString("actor")).isEqualTo(Api.OPERATOR);
        assertThat(records.get(0).getString("action")).isEqualTo("service.register");
        assertThat(records.get(0).getString("detail")).contains("apis=self-info", "skip=true");

        List<JsonObject> byTime = operator.get("/admin/api/audit?limit=1000&from="
                        + URLEncoder.encode(before.toString(), StandardCharsets.UTF_8))
                .array().getValuesAs(JsonObject.class);
        assertThat(byTime).extracting(r -> r.getString("subjectId")).contains(apiUser, "test/" + apiUser + "_AU0001");
        assertThat(operator.get("/admin/api/audit?actor=nobody-at-all").array()).isEmpty();
        assertThat(operator.get("/admin/api/audit?from=yesterday").status()).isEqualTo(400);
        assertThat(operator.get("/admin/api/audit?limit=5000").status()).isEqualTo(400);
    }

    @Test
    void aRefusedChangeLeavesNoRecord() {
        operator.post("/admin/api/api-users", anApiUser(apiUser));
        operator.post("/admin/api/environments/test/services",
                aServiceWithSkip(apiUser, "AU0002", "self-info").replace("\"skipFeature\": true", "\"skipFeature\": false")
                        .replace("\"self-info\"", "\"self-info\", \"notices\""));

        assertThat(operator.get("/admin/api/audit?subject=test/" + apiUser + "_AU0002").array()).isEmpty();
    }

    @Test
    void aTamperedRecordIsFoundByTheChainCheck() throws SQLException {
        operator.post("/admin/api/api-users", anApiUser(apiUser));
        JsonObject record = operator.get("/admin/api/audit?subject=" + apiUser).array().getJsonObject(0);
        long seq = record.getJsonNumber("seq").longValue();
        assertThat(operator.get("/admin/api/audit/check").json().getBoolean("intact")).isTrue();

        String original = record.getString("detail");
        try (Connection db = connect()) {
            update(db, seq, "name=someone else");
            JsonObject check = operator.get("/admin/api/audit/check").json();

            assertThat(check.getBoolean("intact")).isFalse();
            assertThat(check.getJsonNumber("firstBrokenSeq").longValue()).isEqualTo(seq);
            assertThat(check.getString("reason")).contains("changed");
        } finally {
            try (Connection db = connect()) {
                update(db, seq, original);
            }
        }
        assertThat(operator.get("/admin/api/audit/check").json().getBoolean("intact")).isTrue();
    }

    private Connection connect() throws SQLException {
        SharedServer.Settings settings = server.settings();
        return DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
    }

    private static void update(Connection db, long seq, String detail) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("update audit_record set detail = ? where seq = ?")) {
            update.setString(1, detail);
            update.setLong(2, seq);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement read = db.prepareStatement("select detail from audit_record where seq = ?")) {
            read.setLong(1, seq);
            try (ResultSet rows = read.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(detail);
            }
        }
    }
}
