package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** DESIGN.md 9.4, 9.7 and 9.9 on the portal pages: escaped output, strict headers, no session, no stack traces. */
@ExtendWith(SharedServer.class)
class PortalSecurityIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
    }

    @Test
    void theConsentTextOfTheIntegratorIsShownEscaped() {
        String serviceId = "XS" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String redirectUri = server.baseUrl() + "/demo/" + serviceId + "/callback";
        assertThat(Api.operator(server).post("/admin/api/environments/test/services", """
                {"apiUserId": "SP00000001", "serviceId": "%s", "displayName": "<i>名前</i>",
                 "consentText": "<script>alert('x')</script> & <b>太字</b>", "redirectUris": ["%s"],
                 "apis": ["self-info"], "skipFeature": false, "clientAuth": "none"}
                """.formatted(serviceId, redirectUri)).status()).isEqualTo(201);
        String card = portal.aCard("5566");
        try (Browser browser = Browser.htmlUnit(server)) {
            browser.authorize(TEST, "SP00000001_" + serviceId, Portal.encode(redirectUri), "x", null).readCard(card, "5566");

            assertThat(browser.text("consent-text")).isEqualTo("<script>alert('x')</script> & <b>太字</b>");
            assertThat(browser.page()).doesNotContain("<script>alert").doesNotContain("<b>太字</b>")
                    .doesNotContain("<i>名前</i>");
        }
    }

    @Test
    void portalPagesRefuseFramingAllowNoInlineScriptAndOpenNoHttpSession() throws Exception {
        HttpResponse<String> authorize = get("/test/online-authorization-web/oauth/authorize?response_type=code"
                + "&client_id=SP00000001_AA0003&redirect_uri=" + Portal.encode(portal.redirectUri("AA0003"))
                + "&state=s&login_type=0");
        assertThat(authorize.statusCode()).isEqualTo(302);
        HttpResponse<String> page = get(authorize.headers().firstValue("Location").orElseThrow()
                .replace(server.baseUrl(), ""));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("frame-ancestors 'none'", "script-src 'self'").doesNotContain("unsafe"));
        assertThat(page.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(page.body()).contains("jakarta.faces.ViewState").doesNotContain("<script>", " onclick=", " style=\"");
    }

    @Test
    void theAuthorizeErrorPageEscapesWhatTheRequestCarried() throws Exception {
        HttpResponse<String> page = get("/test/online-authorization-web/oauth/authorize?response_type=code"
                + "&client_id=SP00000001_AA0003&redirect_uri=" + Portal.encode("https://rp.example/<script>x</script>")
                + "&state=s&login_type=0");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x");
    }

    @Test
    void aBrokenPortalRequestShowsTheErrorPageWithoutAStackTrace() throws Exception {
        HttpResponse<String> page = get("/portal/no-such-page.xhtml");

        assertThat(page.body()).contains("ページを表示できません").doesNotContain("Exception", "at dev.", "Payara");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Accept-Language", "ja")
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
