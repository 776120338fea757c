package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an operator checks first: readiness, the OpenAPI document, metrics, the demo data, the movable clock. */
@ExtendWith(SharedServer.class)
class ServerBasicsIT {

    private SharedServer.Server server;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
    }

    @Test
    void readinessReportsTheDatabaseUp() {
        Api.Reply ready = Api.anonymous(server).get("/health/ready");

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().getString("status")).isEqualTo("UP");
        assertThat(ready.body()).contains("\"database\"");
        assertThat(ready.json().getJsonArray("checks").getJsonObject(0).getJsonObject("data").getString("product"))
                .isEqualTo(server.settings().postgres() ? "PostgreSQL" : "H2");
    }

    @Test
    void livenessAndMetricsAnswerWithoutCredentialsAsReadmeSays() {
        Api.Reply live = Api.anonymous(server).get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().getString("status")).isEqualTo("UP");

        Api.Reply metrics = Api.anonymous(server).get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).as("Prometheus text format").contains("# TYPE ");
    }

    @Test
    void theRootUrlLeadsToAJapaneseStartPageWithStrictSecurityHeaders() {
        Api.Reply root = Api.anonymous(server).get("/");
        assertThat(root.status()).isEqualTo(303);
        String location = root.raw().headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/portal/index.xhtml");

        Api.Reply page = Api.anonymous(server).get("/portal/index.xhtml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html", "lang=\"ja\"", "本人確認省略", "href=\"/openapi\"")
                .doesNotContain("<script>", " onclick=", " style=\"");
        var headers = page.raw().headers();
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void openApiDocumentListsTheAdminApiOfTheRegistryModule() {
        Api.Reply openapi = Api.anonymous(server).get("/openapi");

        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/admin/api/api-users", "/admin/api/environments/{environment}/services",
                "/admin/api/environments/{environment}/groups", "/admin/api/applications", "/admin/api/audit",
                "/admin/api/accounts", "/admin/api/clock");
    }

    @Test
    void tokensAreSignedWithTheNimbusOfTheWarNotTheOneInsidePayara() throws Exception {
        assertThat(java.nio.file.Files.readString(server.log()))
                .containsPattern("Access tokens are signed with Nimbus JOSE\\+JWT 10\\.10 from \\S*nimbus-jose-jwt-10\\.10\\.jar");
    }

    @Test
    void theTestCaCertificateCanBeDownloaded() {
        Api.Reply pem = Api.anonymous(server).get("/ca/mynasim-test-ca.pem");

        assertThat(pem.status()).isEqualTo(200);
        assertThat(pem.body()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void metricsAreServed() {
        Api.Reply metrics = Api.anonymous(server).get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).isNotBlank();
    }

    @Test
    void demoRegistrationsOfTheGuidelineFiguresAreLoaded() {
        Api operator = Api.operator(server);

        var test = operator.get("/admin/api/environments/test/services").array();
        assertThat(test.stream().map(s -> s.asJsonObject().getString("clientId")))
                .contains("SP00000001_AA0001", "SP00000001_AA0002", "SP00000001_AA0003", "SP00000001_AA0004",
                        "SP00000001_AA0005", "SP00000001_AA0006", "SP00000002_BB0001");
        assertThat(operator.get("/admin/api/environments/test/services/SP00000001_AA0006").json().getString("clientAuth"))
                .isEqualTo("private_key_jwt");
        var aa0001 = operator.get("/admin/api/environments/test/services/SP00000001_AA0001").json();
        assertThat(aa0001.getJsonArray("apis").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("medical-insurance", "self-info");
        assertThat(aa0001.getString("groupId")).isEqualTo("G0001");
        assertThat(aa0001.getString("redirectUris", null)).isNull();
        assertThat(aa0001.getJsonArray("redirectUris").getString(0)).isEqualTo(server.baseUrl() + "/demo/AA0001/callback");

        var production = operator.get("/admin/api/environments/production/groups").array();
        assertThat(production.stream().map(g -> g.asJsonObject().getString("id"))).containsExactly("SP00000001_G0001");
    }

    @Test
    void operatorMovesTheClockInDevModeAndPutsItBack() {
        Api operator = Api.operator(server);
        try {
            Api.Reply set = operator.put("/admin/api/clock", "{\"instant\": \"2030-01-01T00:00:00Z\", \"frozen\": true}");
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.json().getString("now")).isEqualTo("2030-01-01T00:00:00Z");

            Api.Reply moved = operator.put("/admin/api/clock", "{\"moveSeconds\": 600}");
            assertThat(moved.json().getString("now")).isEqualTo("2030-01-01T00:10:00Z");

            Api.Reply both = operator.put("/admin/api/clock", "{\"instant\": \"2030-01-01T00:00:00Z\", \"moveSeconds\": 1}");
            assertThat(both.status()).isEqualTo(400);
            assertThat(both.json().getString("rule")).isEqualTo("clock-request");
        } finally {
            operator.delete("/admin/api/clock");
        }
        Instant now = Instant.parse(operator.get("/admin/api/clock").json().getString("now"));
        assertThat(Duration.between(now, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void anApiUserAccountCannotMoveTheClock() {
        Api.Reply reply = Api.as(server, "sp00000001", "demo-password-1")
                .put("/admin/api/clock", "{\"moveSeconds\": 600}");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
