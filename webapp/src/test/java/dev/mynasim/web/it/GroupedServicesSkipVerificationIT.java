package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guideline 2.2 (figures 2.2-1 … 2.2-6): AA0001 and AA0002 of SP00000001 are grouped; in one browser within the
 * window, the card is read once and consent is asked per service.
 */
@ExtendWith(SharedServer.class)
class GroupedServicesSkipVerificationIT {

    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
    }

    @Test
    void theSecondServiceOfTheGroupSkipsTheCardStepButAsksItsOwnConsent() {
        String card = portal.aCard("2468");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0001", "first", null);
            assertThat(browser.onCardStep()).isTrue();
            browser.readCard(card, "2468");
            assertThat(browser.skipNotice()).isFalse();
            assertThat(browser.consentApis()).contains("医療保険情報取得 API", "自己情報取得 API");
            JsonObject first = Portal.claims(portal.tokenAfterConsent(browser, TEST, "AA0001").getString("access_token"));

            portal.authorize(browser, TEST, "AA0002", "second", null);
            assertThat(browser.onCardStep()).as("the card step is skipped").isFalse();
            assertThat(browser.onConsent()).isTrue();
            assertThat(browser.skipNotice()).isTrue();
            assertThat(browser.text("consent:skipped")).isEqualTo("本人確認済みのため、マイナンバーカードによる本人確認を省略しました");
            assertThat(browser.consentApis()).contains("自己情報取得 API").doesNotContain("医療保険情報取得 API");
            JsonObject second = Portal.claims(portal.tokenAfterConsent(browser, TEST, "AA0002").getString("access_token"));

            assertThat(first.getBoolean("verification_skipped")).isFalse();
            assertThat(second.getBoolean("verification_skipped")).isTrue();
            assertThat(second.getJsonNumber("auth_time").longValue()).isEqualTo(first.getJsonNumber("auth_time").longValue());
            assertThat(second.getString("sub")).as("pairwise per API user").isEqualTo(first.getString("sub"));
            assertThat(second.getString("scope")).isEqualTo("self-info");
            assertThat(first.getString("scope")).isEqualTo("medical-insurance self-info");
            assertThat(second.getJsonArray("amr").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("hwk", "pin");
        }
    }

    @Test
    void theVerificationSessionCookieIsHttpOnlyLaxAndChangesAtEveryCardRead() {
        String card = portal.aCard("1357");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "a", null).readCard(card, "1357");
            var cookie = browser.cookieDetails("mynasim_vs_test");
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Lax");
            assertThat(cookie.isSecure()).as("plain HTTP on loopback").isFalse();
            browser.approve();

            portal.authorize(browser, TEST, "AA0003", "b", null).readCard(card, "1357");
            assertThat(browser.cookie("mynasim_vs_test")).isPresent().get().isNotEqualTo(cookie.getValue());
            assertThat(browser.present("jsessionid")).isFalse();
        }
    }

    @Test
    void caseTwoInARealBrowser() {
        String card = portal.aCard("8642");
        Path shots = Path.of("target", "screenshots");
        try (Browser browser = Browser.chromium(server, Path.of("target", "chromium-profile-" + System.nanoTime()))) {
            portal.authorize(browser, TEST, "AA0001", "first", null);
            browser.screenshot(shots.resolve("case2-1-card-step.png"));
            browser.readCard(card, "8642");
            browser.screenshot(shots.resolve("case2-2-consent-first-service.png"));
            browser.approve();
            assertThat(browser.callback()).containsKey("code").containsEntry("state", "first");

            portal.authorize(browser, TEST, "AA0002", "second", null);
            browser.screenshot(shots.resolve("case2-3-consent-second-service-skipped.png"));
            assertThat(browser.onCardStep()).isFalse();
            assertThat(browser.skipNotice()).isTrue();
            browser.approve();
            assertThat(browser.callback()).containsKey("code").containsEntry("state", "second");
        }
    }
}
