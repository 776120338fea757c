package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The connection-test report in the console, in headless Chromium, as an API user: the checklist part-way (items
 * passed and not yet seen), a citizen's stop on the consent page counted as the cancel item, an entry's detail page
 * from the evidence, the printable page, then every item passed and the connection test submitted (A-13).
 * Screenshots under target/screenshots; axe-core checks each page.
 */
@ExtendWith(SharedServer.class)
class ConnectionTestConsoleIT {

    @Test
    void anApiUserFollowsItsChecklistToTheSubmission(SharedServer.Server server) {
        NoticeReceiver receiver = new NoticeReceiver();
        DataClient service = DataClient.register(server, receiver.url(), "self-info");
        String user = service.apiUserId().toLowerCase();
        String password = "password-of-" + service.apiUserId();
        assertThat(Api.operator(server).post("/admin/api/accounts", """
                {"username": "%s", "password": "%s", "apiUserId": "%s"}""".formatted(user, password,
                service.apiUserId())).status()).isEqualTo(201);
        ConnectionTestReportIT.startApplicationAt12(server, service.apiUserId());
        String card = new Portal(server).aCard(ConnectionTestReportIT.PIN);
        String token = service.token(card, ConnectionTestReportIT.PIN);
        String processId = service.request(token, "IFA0301-R01", null, null);
        receiver.await(1, Duration.ofSeconds(20));
        assertThat(service.result(token, "IFA0303-R01", processId).status()).isEqualTo(200);

        Console console = new Console(server);
        List<String> found = new ArrayList<>();
        try (Browser browser = console.chromium()) {
            // the citizen stops on the consent page: a page's stop, not a request of the service
            browser.authorize("test", service.clientId(), Portal.encode("http://127.0.0.1/DS0001/callback"), "ct", null)
                    .readCard(card, ConnectionTestReportIT.PIN).cancel();

            console.signIn(browser, user, password);
            console.menu(browser, "nav-connection-test");
            assertThat(browser.text("report-title")).as(browser.page()).isEqualTo("接続試験レポート");
            assertThat(browser.attribute("#report-consent-cancel", "class")).isEqualTo("report-passed");
            assertThat(browser.attribute("#report-api-self-info", "class")).isEqualTo("report-passed");
            assertThat(browser.attribute("#report-notice-answer", "class")).isEqualTo("report-passed");
            assertThat(browser.attribute("#report-error-path", "class")).isEqualTo("report-not-yet-seen");
            assertThat(browser.text("report-error-path")).contains("未確認", "障害注入");
            assertThat(browser.text("report-summary")).startsWith("3 / 7 項目合格");
            assertThat(browser.attribute("#report-submit\\:submit", "disabled")).isNotNull();
            Console.check(browser, "connection-test", found);
            console.shot(browser, "32-connection-test-report", "report-title");

            HttpResponse<String> printable = console.get(browser, server.baseUrl()
                    + "/console/connection-test.html?service=" + service.clientId());
            assertThat(printable.statusCode()).isEqualTo(200);
            assertThat(printable.body()).contains("接続試験レポート", "id=\"item-error-path\" class=\"not-yet-seen\"");

            // the cancel's evidence: the portal's answer to the redirect URI, on its own detail page
            browser.open(browser.attribute("#report-consent-cancel a.evidence", "href"));
            assertThat(browser.text("entry-title")).startsWith("リクエストログ #");
            assertThat(browser.text("entry-diagnosis")).contains("authorization-denied", "連携をやめた");
            assertThat(browser.page()).contains("authorization response (outgoing)", "access_denied");
            Console.check(browser, "request-log-entry", found);
            console.shot(browser, "33-request-log-entry", "entry-title");

            ConnectionTestReportIT.walkEveryItem(server, service, receiver, card);
            console.menu(browser, "nav-connection-test");
            assertThat(browser.text("report-summary")).startsWith("7 / 7 項目合格");
            browser.clickById("report-submit:submit");
            assertThat(browser.text("report-notice")).as(browser.page()).contains("提出しました");
            console.shot(browser, "34-connection-test-submitted", "report-title");
        } finally {
            receiver.close();
        }
        JsonObject application = Api.operator(server).get("/admin/api/applications/" + service.apiUserId()).json();
        assertThat(application.getString("step")).isEqualTo("A-13");
        assertThat(found).isEmpty();
    }
}
