package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request log page of the console in headless Chromium, as an API user: its services' failures with the
 * diagnosis in Japanese, the filters and their bad values, the opened detail with the redacted request, the
 * NDJSON download with the console session; axe-core checks the page. Screenshots under target/screenshots.
 */
@ExtendWith(SharedServer.class)
class RequestLogConsoleIT {

    @Test
    void anApiUserReadsItsServicesFailuresWithTheirDiagnosis(SharedServer.Server server) {
        DataClient service = DataClient.register(server, null, "self-info");
        String user = service.apiUserId().toLowerCase();
        String password = "password-of-" + service.apiUserId();
        assertThat(Api.operator(server).post("/admin/api/accounts", """
                {"username": "%s", "password": "%s", "apiUserId": "%s"}""".formatted(user, password,
                service.apiUserId())).status()).isEqualTo(201);
        service.token(new Portal(server).aCard("3691"), "3691");
        Api.Reply refused = service.oidc("token", Map.of("grant_type", "authorization_code", "code", "not-a-code",
                "redirect_uri", "http://127.0.0.1/DS0001/callback", "client_id", service.clientId(),
                "code_verifier", "v".repeat(43)));
        assertThat(refused.status()).isEqualTo(400);

        Console console = new Console(server);
        List<String> found = new ArrayList<>();
        try (Browser browser = console.chromium()) {
            console.signIn(browser, user, password);
            console.menu(browser, "nav-request-log");
            assertThat(browser.present("log-title")).as(browser.page()).isTrue();
            assertThat(browser.text("log-title")).isEqualTo("リクエストログ");
            assertThat(browser.page()).contains("code-unknown", "認可コードが不明です", "online-authorization-web/oauth/token");
            Console.check(browser, "request-log", found);

            browser.select("log-filter:result", "error").clickById("log-filter:show");
            assertThat(browser.text("log-count")).startsWith("1 件が一致");
            String row = browser.page();
            assertThat(row).contains("code-unknown").doesNotContain("online-authorization-web/oauth/token");
            long id = Api.as(server, user, password).get("/admin/api/request-log?result=error").json()
                    .getJsonArray("entries").getJsonObject(0).getJsonNumber("id").longValue();
            browser.click("log-detail-" + id);
            assertThat(browser.text("log-detail-" + id)).contains("The code is unknown", "code=[code #",
                    "code_verifier=[code_verifier #").doesNotContain("not-a-code");
            console.shot(browser, "30-request-log", "log-title");

            HttpResponse<String> download = console.get(browser, server.baseUrl()
                    + "/console/request-log.ndjson?result=error");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body().lines().toList()).hasSize(1).allMatch(l -> l.contains("\"code-unknown\""));

            browser.type("log-filter:from", "yesterday").clickById("log-filter:show");
            assertThat(browser.page()).contains("yesterday");
            assertThat(browser.present("log-filter:from-error")).as(browser.page()).isTrue();
            console.shot(browser, "31-request-log-bad-filter", "log-title");
        }
        assertThat(found).isEmpty();
    }
}
