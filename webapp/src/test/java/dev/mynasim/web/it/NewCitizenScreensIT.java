package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a new citizen, integrator and hosting team meet first: a way out of the card step on both doors (RFC 6749
 * §4.1.2.1 access_denied with the state), the card chooser naming each card's holder, the registration's consent
 * button (連携 or データ取得), 連携中のサービス with one row per service, the citizen's name and JST times, stacked on a
 * 390 px phone, English that is English, and a page for a path nothing serves.
 */
@ExtendWith(SharedServer.class)
class NewCitizenScreensIT {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
    }

    @Test
    void onTheMynaportalDoorTheCardStepsCancelReturnsAccessDeniedWithTheState() {
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "locked-card-1", null);
            assertThat(browser.onCardStep()).as(browser.url()).isTrue();
            assertThat(browser.value("verify:cancel")).isEqualTo("連携をやめる");
            browser.clickById("verify:cancel");

            assertThat(browser.url()).startsWith(portal.redirectUri("AA0003") + "?");
            assertThat(browser.callback()).containsEntry("error", "access_denied")
                    .containsEntry("state", "locked-card-1").doesNotContainKey("code");
        }
    }

    @Test
    void onTheOpenIdConnectDoorTheCardStepsCancelReturnsAccessDeniedWithStateAndIssuer() {
        try (Browser browser = Browser.htmlUnit(server)) {
            browser.open(server.baseUrl() + "/test/oidc/authorize?response_type=code&client_id=SP00000001_AA0006"
                    + "&redirect_uri=" + Portal.encode(portal.redirectUri("AA0006")) + "&scope=openid%20self-info"
                    + "&state=oidc-out&nonce=n1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                    + "&code_challenge_method=S256");
            assertThat(browser.onCardStep()).as(browser.page()).isTrue();
            browser.clickById("verify:cancel");

            Map<String, String> callback = browser.callback();
            assertThat(browser.url()).startsWith(portal.redirectUri("AA0006") + "?");
            assertThat(callback).containsEntry("error", "access_denied").containsEntry("state", "oidc-out")
                    .containsEntry("iss", server.baseUrl() + "/test").doesNotContainKey("code");
        }
    }

    @Test
    void theCardChooserNamesEachCardsHolderAndItsState() {
        String card = portal.aCard("3141");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "names", null);
            assertThat(browser.options("verify:card"))
                    .contains(card + " 試験 花子", "100000000001 山田 太郎", "100000000009 小林 大輔 (ロック中)");
        }
    }

    @Test
    void aRegistrationChoosesItsConsentButtonAndTheScreenShowsIt() {
        String apiUser = Fixtures.anApiUserId();
        Api operator = Api.operator(server);
        assertThat(operator.post("/admin/api/api-users", Fixtures.anApiUser(apiUser)).status()).isEqualTo(201);
        String fetching = Fixtures.aServiceWithoutSkip(apiUser, "DT0001", "self-info")
                .replace("\"clientAuth\": \"none\"}", "\"clientAuth\": \"none\", \"consentButton\": \"fetch-data\"}");
        Api.Reply created = operator.post("/admin/api/environments/test/services", fetching);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getString("consentButton")).isEqualTo("fetch-data");
        Api.Reply plain = operator.post("/admin/api/environments/test/services",
                Fixtures.aServiceWithoutSkip(apiUser, "DT0002", "self-info"));
        assertThat(plain.json().getString("consentButton")).as("the default").isEqualTo("link");
        Api.Reply bad = operator.post("/admin/api/environments/test/services", Fixtures.aServiceWithoutSkip(apiUser,
                "DT0003", "self-info").replace("\"clientAuth\": \"none\"}", "\"clientAuth\": \"none\", \"consentButton\": \"ok\"}"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("consentButton").contains("fetch-data");
        assertThat(operator.get("/admin/api/environments/test/services/" + apiUser + "_DT0003").status())
                .as("nothing was registered").isEqualTo(404);

        String card = portal.aCard("2718");
        try (Browser browser = Browser.htmlUnit(server)) {
            browser.authorize(TEST, apiUser + "_DT0001", Portal.encode("https://rp.example/DT0001/callback"), "b", null);
            browser.readCard(card, "2718");
            assertThat(browser.onConsent()).as(browser.url()).isTrue();
            assertThat(browser.value("consent:approve")).isEqualTo("データ取得");
            assertThat(browser.value("consent:cancel")).isEqualTo("連携をやめる");

            browser.authorize(TEST, apiUser + "_DT0002", Portal.encode("https://rp.example/DT0002/callback"), "c", null);
            browser.readCard(card, "2718");
            assertThat(browser.value("consent:approve")).isEqualTo("連携");
        }
    }

    @Test
    void linkedServicesShowOneRowPerServiceTheNameAndJstAndStackOnAPhone() throws Exception {
        String card = portal.aCard("1618");
        try (Browser browser = chromium()) {
            // AA0001 twice (two consents) and AA0003 once: two services
            for (String service : new String[] {"AA0001", "AA0001", "AA0003"}) {
                portal.authorize(browser, TEST, service, "l", "prompt=login");
                browser.readCard(card, "1618");
                assertThat(browser.onConsent()).as(browser.url()).isTrue();
                browser.approve();
            }
            try (Browser citizen = chromium()) {
                citizen.resize(390, 1000);
                citizen.open(server.baseUrl() + "/portal/linked.xhtml");
                citizen.type("linked-login:card", card).type("linked-login:pin", "1618").clickById("linked-login:read");
                assertThat(citizen.text("linked-person")).contains("試験 花子");
                assertThat(citizen.count("table.linked-services tbody tr")).as("one row per service").isEqualTo(2);
                assertThat(citizen.text("linked:services")).contains("お薬・健診ノート", "お薬手帳ビューア", "JST");
                assertThat(citizen.pageWidth()).as("nothing wider than the phone").isLessThanOrEqualTo(390);
                citizen.screenshot(SHOTS.resolve("citizen-linked-services-390.png"));
                assertThat(Files.size(SHOTS.resolve("citizen-linked-services-390.png"))).isPositive();

                citizen.clickById("linked:services:0:revoke");
                assertThat(citizen.count("table.linked-services tbody tr")).as("every consent of that service ended")
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void englishModeIsEnglishAndTheErrorPageHasTheSwitch() {
        try (Browser browser = Browser.htmlUnit(server)) {
            browser.open(server.baseUrl() + "/test/online-authorization-web/oauth/authorize?client_id=nobody");
            assertThat(browser.text("error-title")).isEqualTo("サービスと連携できません");
            assertThat(browser.page()).doesNotContain("lang=\"en\" id=\"error-reason-en\"").doesNotContain("is missing");
            assertThat(browser.present("lang-switch")).isTrue();
            browser.clickById("lang-switch");
            assertThat(browser.text("error-title")).isEqualTo("The service cannot be linked");
            assertThat(browser.text("error-reason")).contains("client_id is missing");

            String card = portal.aCard("5772");
            portal.authorize(browser, TEST, "AA0001", "en", null);
            assertThat(browser.page()).contains("TEST environment").doesNotContain("(ロック中)");
            browser.readCard(card, "5772");
            assertThat(browser.consentApis()).contains("Medical insurance information API", "Self-information API")
                    .contains("medications");
            assertThat(browser.value("consent:approve")).isEqualTo("Link");
        }
    }

    @Test
    void aPathNothingServesGivesABrowserAPageAndAClientProblemJson() {
        Api.Reply page = Api.anonymous(server).get("/no/such/page");
        assertThat(page.status()).isEqualTo(404);
        try (Browser browser = Browser.htmlUnit(server)) {
            browser.open(server.baseUrl() + "/no/such/page");
            assertThat(browser.text("not-found-title")).isEqualTo("ページが見つかりません");
            assertThat(browser.present("lang-switch")).isTrue();
            assertThat(browser.present("not-found-home")).isTrue();
        }
        assertThat(page.contentType()).as("an API client keeps RFC 9457").startsWith("application/problem+json");
    }

    private Browser chromium() {
        return Browser.chromium(server, Path.of("target", "chromium-profile-" + System.nanoTime()));
    }
}
