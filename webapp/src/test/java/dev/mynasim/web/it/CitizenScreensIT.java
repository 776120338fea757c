package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a new citizen meets on the portal's screens in headless Chromium: a way out of the card step on both doors
 * (RFC 6749 §4.1.2.1), the holder's name in the card chooser, the consent button the registration chose, 連携中のサービス
 * on a phone, English mode in English, and a page (not JSON) for a path that does not exist.
 */
@ExtendWith(SharedServer.class)
class CitizenScreensIT {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
    }

    @Test
    void cancellingOnTheCardStepOfTheMynaportalDoorReturnsAccessDeniedWithTheState() {
        String apiUser = registeredApiUser();
        String redirect = server.baseUrl() + "/cb/card-step";
        register(apiUser, "CS0001", redirect, "");
        try (Browser browser = chromium()) {
            browser.authorize(Portal.TEST, apiUser + "_CS0001", encode(redirect), "card-out-1", null);
            assertThat(browser.onCardStep()).isTrue();
            browser.screenshot(SHOTS.resolve("citizen-0-card-step-cancel.png"));
            browser.clickById("verify:cancel");
            assertThat(browser.url()).startsWith(redirect);
            assertThat(browser.callback()).containsEntry("error", "access_denied").containsEntry("state", "card-out-1")
                    .doesNotContainKey("code").doesNotContainKey("iss");
        }
        // as a demo service shows it: no data, and why
        try (Browser browser = chromium()) {
            browser.open(server.baseUrl() + "/demo/AA0003").clickById("demo-link");
            browser.clickById("verify:cancel");
            assertThat(browser.url()).endsWith("/demo/AA0003");
            assertThat(browser.text("demo-failure")).contains("連携をやめました").contains("access_denied");
        }
    }

    @Test
    void cancellingOnTheCardStepOfTheOpenIdConnectDoorReturnsAccessDeniedWithStateAndIssuer() {
        try (Browser browser = chromium()) {
            String redirect = portal.redirectUri("AA0006");
            browser.open(server.baseUrl() + "/test/oidc/authorize?response_type=code&client_id=SP00000001_AA0006"
                    + "&redirect_uri=" + encode(redirect) + "&scope=" + encode("openid self-info") + "&state=card-out-2"
                    + "&nonce=n1&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
            assertThat(browser.onCardStep()).isTrue();
            browser.clickById("verify:cancel");
            assertThat(browser.url()).startsWith(redirect);
            assertThat(browser.callback()).containsEntry("error", "access_denied").containsEntry("state", "card-out-2")
                    .containsEntry("iss", server.baseUrl() + "/test").doesNotContainKey("code");
        }
    }

    @Test
    void theCardChooserNamesEachCardsHolderAndItsState() {
        try (Browser browser = chromium()) {
            portal.authorize(browser, Portal.TEST, "AA0004", "chooser", null);
            assertThat(browser.optionTexts("verify:card"))
                    .contains("100000000001 山田 太郎", "100000000009 小林 大輔 (ロック中)");
            browser.clickById("lang-switch");
            assertThat(browser.optionTexts("verify:card")).contains("100000000009 小林 大輔 (locked)");
            assertThat(browser.page()).doesNotContain("接続確認環境</dd>").contains("TEST environment");
            browser.clickById("lang-switch");
        }
    }

    @Test
    void aRegistrationChoosesDataAcquisitionAsItsConsentButtonAndTheDefaultIsLink() {
        String apiUser = registeredApiUser();
        String redirect = server.baseUrl() + "/cb/button";
        Api.Reply fetch = register(apiUser, "DB0001", redirect, ", \"consentButton\": \"fetch-data\"");
        assertThat(fetch.status()).as(fetch.toString()).isEqualTo(201);
        assertThat(fetch.json().getString("consentButton")).isEqualTo("fetch-data");
        Api.Reply plain = register(apiUser, "DB0002", redirect, "");
        assertThat(plain.json().getString("consentButton")).isEqualTo("link");
        Api.Reply wrong = register(apiUser, "DB0003", redirect, ", \"consentButton\": \"yes\"");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().getString("field")).isEqualTo("consentButton");

        String card = portal.aCard("7531");
        try (Browser browser = chromium()) {
            browser.authorize(Portal.TEST, apiUser + "_DB0001", encode(redirect), "b1", null).readCard(card, "7531");
            assertThat(browser.attribute("#consent\\:approve", "value")).isEqualTo("データ取得");
            browser.screenshot(SHOTS.resolve("citizen-3-consent-data-button.png"));
            browser.authorize(Portal.TEST, apiUser + "_DB0002", encode(redirect), "b2", null).readCard(card, "7531");
            assertThat(browser.attribute("#consent\\:approve", "value")).isEqualTo("連携");
        }
    }

    @Test
    void linkedServicesOnAPhoneShowOneCardPerServiceTheCitizensNameAndJst() {
        String card = portal.aCard("8642");
        try (Browser browser = chromium()) {
            // AA0001 linked twice: one row; AA0002 once
            for (String state : new String[] {"p1", "p2"}) {
                portal.authorize(browser, Portal.TEST, "AA0001", state, "prompt=login");
                browser.readCard(card, "8642").approve();
            }
            portal.authorize(browser, Portal.TEST, "AA0002", "p3", null);
            browser.approve();

            browser.windowSize(390, 1400).open(server.baseUrl() + "/portal/linked.xhtml");
            assertThat(browser.count("table[id='linked:services'] tbody tr")).isEqualTo(2);
            assertThat(browser.text("linked-person")).contains("試験 花子");
            assertThat(browser.text("linked:services")).contains("JST").contains("お薬・健診ノート").contains("予防接種記録");
            assertThat(browser.scrollWidth()).as("nothing wider than the phone").isLessThanOrEqualTo(390);
            browser.screenshot(Path.of("target", "screenshots", "citizen-4-linked-services-phone.png"));

            browser.clickById("linked:services:0:revoke");
            assertThat(browser.count("table[id='linked:services'] tbody tr")).as("every consent of the service ended")
                    .isEqualTo(1);
        }
    }

    @Test
    void theAuthorizeErrorPageSpeaksOneLanguageAndSwitches() {
        try (Browser browser = chromium()) {
            browser.open(server.baseUrl() + "/test/online-authorization-web/oauth/authorize?client_id=nobody");
            assertThat(browser.text("error-title")).isEqualTo("サービスと連携できません");
            assertThat(browser.page()).doesNotContain("is missing or malformed");
            browser.clickById("lang-switch");
            assertThat(browser.text("error-title")).isEqualTo("The service cannot be linked");
            assertThat(browser.text("error-reason")).contains("client_id is missing or malformed");
            assertThat(browser.page()).doesNotContain("形式が正しくありません");
            browser.clickById("lang-switch");
        }
    }

    @Test
    void anUnknownPathGivesABrowserAPageAndAnApiClientProblemJson() {
        try (Browser browser = chromium()) {
            browser.open(server.baseUrl() + "/no/such/page");
            assertThat(browser.text("not-found-title")).isEqualTo("ページが見つかりません");
            assertThat(browser.present("not-found-home")).isTrue();
        }
        Api.Reply api = Api.anonymous(server).get("/no/such/page");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }

    private Browser chromium() {
        return Browser.chromium(server, Path.of("target", "chromium-profile-" + System.nanoTime()));
    }

    private String registeredApiUser() {
        String apiUser = Fixtures.anApiUserId();
        Api.Reply created = Api.operator(server).post("/admin/api/api-users", Fixtures.anApiUser(apiUser));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return apiUser;
    }

    /** A TEST service without the skip feature redirecting to this server ({@code extra}: more JSON fields). */
    private Api.Reply register(String apiUser, String serviceId, String redirect, String extra) {
        return Api.operator(server).post("/admin/api/environments/test/services", """
                {"apiUserId": "%s", "serviceId": "%s", "displayName": "試験サービス %s", "consentText": "試験です。",
                 "redirectUris": ["%s"], "apis": ["self-info"], "skipFeature": false, "clientAuth": "none"%s}
                """.formatted(apiUser, serviceId, serviceId, redirect, extra));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
