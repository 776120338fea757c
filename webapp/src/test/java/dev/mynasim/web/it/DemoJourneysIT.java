package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The guideline's journeys replayed through the demo services in headless Chromium, as a tester walks them: the
 * journey panel counts card reads and consents (normal: 2 and 2, case 1: 1 and 1, case 2: 1 and 2), the services
 * show the data they fetched, 連携をやめる fetches nothing, and 連携を解除 on the citizen page makes the service's next
 * fetch fail. Every key screen is saved under {@code target/screenshots} and checked by axe-core.
 */
@ExtendWith(SharedServer.class)
class DemoJourneysIT {

    private static final Path SHOTS = Path.of("target", "screenshots");

    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
    }

    @Test
    void normalJourneyReadsTheCardTwiceAndAsksForTwoConsents() {
        String card = aCardWithData("1470");
        try (Browser browser = chromium()) {
            browser.open(server.baseUrl() + "/demo/index").clickById("start-normal-1");
            link(browser, "AA0003", card, "1470");
            assertThat(browser.present("demo-table-SIM-MI-0001")).as(browser.page()).isTrue();
            browser.screenshot(SHOTS.resolve("demo-normal-1-medications.png"));

            browser.open(server.baseUrl() + "/demo/AA0004").clickById("demo-link");
            assertThat(browser.onCardStep()).as("no skip feature: the card is read again").isTrue();
            browser.readCard(card, "1470").approve();
            assertThat(browser.url()).endsWith("/demo/AA0004");
            assertThat(browser.present("demo-table-SIM-SI-0001")).isTrue();
            assertCounts(browser, 2, 2);
            browser.screenshot(SHOTS.resolve("demo-normal-2-counts.png"));
        }
    }

    @Test
    void caseOneReadsTheCardOnceForTwoApis() {
        String card = aCardWithData("2581");
        try (Browser browser = chromium()) {
            browser.open(server.baseUrl() + "/demo/index").clickById("start-case1");
            browser.screenshot(SHOTS.resolve("demo-case1-1-service.png"));
            browser.clickById("demo-link");
            browser.readCard(card, "2581");
            assertThat(browser.consentApis()).contains("医療保険情報取得 API").contains("自己情報取得 API");
            browser.screenshot(SHOTS.resolve("demo-case1-2-consent-two-apis.png"));
            browser.approve();
            assertThat(browser.present("demo-table-SIM-MI-0001")).isTrue();
            assertThat(browser.present("demo-table-SIM-SI-0001")).isTrue();
            assertThat(browser.text("demo-table-SIM-MI-0001")).contains("アムロジピン錠5mg");
            assertCounts(browser, 1, 1);
            browser.screenshot(SHOTS.resolve("demo-case1-3-data.png"));
        }
    }

    @Test
    void caseTwoSkipsTheCardReadForTheSecondServiceOfTheGroup() {
        String card = aCardWithData("3692");
        try (Browser browser = chromium()) {
            browser.open(server.baseUrl() + "/demo/index").clickById("start-case2-1");
            link(browser, "AA0001", card, "3692");
            browser.open(server.baseUrl() + "/demo/index").clickById("start-case2-2");
            browser.clickById("demo-link");
            assertThat(browser.onConsent()).as("the group's verification session skips the card step").isTrue();
            assertThat(browser.skipNotice()).isTrue();
            browser.screenshot(SHOTS.resolve("demo-case2-1-consent-skipped.png"));
            browser.approve();
            assertThat(browser.text("demo-linked")).contains("省略");
            assertCounts(browser, 1, 2);
            browser.screenshot(SHOTS.resolve("demo-case2-2-counts.png"));

            browser.clickById("journey-form:reset");
            assertCounts(browser, 0, 0);
            browser.clickById("demo-link");
            assertThat(browser.onCardStep()).as("after 最初からやり直す the card is read again").isTrue();
        }
    }

    @Test
    void cancellingTheLinkFetchesNothingAndSaysSo() {
        String card = aCardWithData("4703");
        try (Browser browser = chromium()) {
            browser.open(server.baseUrl() + "/demo/AA0003").clickById("demo-link");
            browser.readCard(card, "4703").cancel();
            assertThat(browser.url()).endsWith("/demo/AA0003");
            assertThat(browser.text("demo-failure")).contains("連携をやめました").contains("access_denied");
            assertThat(browser.present("demo-data")).isFalse();
            assertCounts(browser, 0, 0);
        }
    }

    @Test
    void unlinkingOnTheCitizenPageMakesTheServicesNextFetchFail() {
        String card = aCardWithData("5814");
        try (Browser browser = chromium()) {
            browser.open(server.baseUrl() + "/demo/AA0001").clickById("demo-link");
            link(browser, card, "5814");

            // a fresh browser: the citizen page asks for the card, then lists the service
            try (Browser citizen = chromium()) {
                citizen.open(server.baseUrl() + "/portal/linked.xhtml");
                citizen.type("linked-login:card", card).type("linked-login:pin", "0000").clickById("linked-login:read");
                assertThat(citizen.text("linked-login:message")).contains("暗証番号");
                citizen.type("linked-login:card", card).type("linked-login:pin", "5814").clickById("linked-login:read");
                assertThat(citizen.text("linked:services")).contains("お薬・健診ノート").contains("医療保険情報取得 API");
                citizen.screenshot(SHOTS.resolve("citizen-1-linked-services.png"));
                citizen.clickById("linked:services:0:revoke");
                assertThat(citizen.text("linked:notice")).contains("お薬・健診ノート");
                assertThat(citizen.present("linked:none")).isTrue();
                citizen.screenshot(SHOTS.resolve("citizen-2-unlinked.png"));
            }

            browser.clickById("demo:refetch");
            assertThat(browser.text("demo-failure")).contains("データを取得できませんでした").contains("EAU0001");
            assertThat(browser.present("demo-data")).isFalse();
            browser.screenshot(SHOTS.resolve("demo-after-unlink.png"));
        }
    }

    @Test
    void theScreensHaveNoSeriousAccessibilityViolation() {
        String card = aCardWithData("6925");
        List<String> found = new ArrayList<>();
        try (Browser browser = chromium()) {
            check(browser.open(server.baseUrl() + "/portal/index.xhtml"), "start", found);
            check(browser.open(server.baseUrl() + "/demo/index"), "demo start", found);
            browser.open(server.baseUrl() + "/demo/AA0001").clickById("demo-link");
            check(browser, "card step", found);
            browser.readCard(card, "0000");
            check(browser, "card step with a message", found);
            browser.readCard(card, "6925");
            check(browser, "consent", found);
            browser.approve();
            check(browser, "demo service with data", found);
            check(browser.open(server.baseUrl() + "/portal/linked.xhtml"), "linked services (session)", found);
            check(browser.open(server.baseUrl() + "/test/online-authorization-web/oauth/authorize?client_id=nobody"),
                    "error page", found);
        }
        try (Browser other = chromium()) {
            check(other.open(server.baseUrl() + "/portal/linked.xhtml"), "linked services (card)", found);
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theLanguageSwitchShowsEnglishAndBackAndReturnsOnlyToThisServer() {
        try (Browser browser = chromium()) {
            browser.open(server.baseUrl() + "/demo/index");
            assertThat(browser.text("demo-start-title")).isEqualTo("デモサービスで本人確認省略を試す");
            browser.clickById("lang-switch");
            assertThat(browser.url()).endsWith("/demo/index");
            assertThat(browser.text("demo-start-title")).isEqualTo("Try the verification skip with the demo services");
            assertThat(browser.page()).contains("lang=\"en\"");
            browser.screenshot(SHOTS.resolve("demo-start-english.png"));
            browser.open(server.baseUrl() + "/portal/index.xhtml").clickById("lang-switch");
            assertThat(browser.text("start-title")).isEqualTo("はじめに");
        }
        Api.Reply away = Api.anonymous(server).get("/lang/en?back=" + Portal.encode("//evil.example/x"));
        assertThat(away.status()).isEqualTo(303);
        assertThat(away.raw().headers().firstValue("Location").orElseThrow()).startsWith(server.baseUrl() + "/portal/index.xhtml");
    }

    private void check(Browser browser, String page, List<String> found) {
        browser.seriousAccessibilityViolations().forEach(v -> found.add(page + ": " + v));
    }

    private Browser chromium() {
        return Browser.chromium(server, Path.of("target", "chromium-profile-" + System.nanoTime()));
    }

    /** On a demo page: 「マイナポータルと連携」, the card step, 連携; back on the service with its data. */
    private void link(Browser browser, String serviceId, String card, String pin) {
        browser.clickById("demo-link");
        link(browser, card, pin);
        assertThat(browser.url()).endsWith("/demo/" + serviceId);
    }

    private void link(Browser browser, String card, String pin) {
        assertThat(browser.onCardStep()).as(browser.url()).isTrue();
        browser.readCard(card, pin).approve();
        assertThat(browser.present("demo-linked")).as(browser.page()).isTrue();
    }

    private static void assertCounts(Browser browser, int cardReads, int consents) {
        assertThat(browser.text("journey-card-reads")).isEqualTo(Integer.toString(cardReads));
        assertThat(browser.text("journey-consents")).isEqualTo(Integer.toString(consents));
    }

    /** A fresh card whose person has medications and vaccinations. */
    private String aCardWithData(String pin) {
        String card = portal.aCard(pin);
        String person = Api.operator(server).get("/admin/api/cards/" + card).json().getString("personId");
        assertThat(Api.operator(server).put("/admin/api/persons/" + person + "/records/medical-insurance/medications", """
                [{"調剤年月日": "2026-10-02", "医療機関名": "霞が関内科", "医薬品名": "アムロジピン錠5mg", "数量": 28,
                  "単位": "錠", "日数": 28}]""").status()).isEqualTo(200);
        assertThat(Api.operator(server).put("/admin/api/persons/" + person + "/records/self-info/vaccinations", """
                [{"接種日": "2025-11-01", "ワクチン名": "インフルエンザHAワクチン", "実施機関名": "𠮷野内科クリニック"}]""")
                .status()).isEqualTo(200);
        return card;
    }
}
