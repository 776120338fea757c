package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guideline figure 1.3-1 (DESIGN.md 4, normal flow): AA0003 and AA0004 have no skip feature and one API each, so a
 * person who wants both APIs goes through two services, two card verifications and two consents, even in one browser
 * a minute apart; the same service twice also reads the card twice.
 */
@ExtendWith(SharedServer.class)
class NormalFlowWithoutSkipIT {

    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
    }

    @Test
    void twoServicesWithoutTheFeatureNeedTwoCardStepsAndTwoConsents() {
        String card = portal.aCard("3141");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "medicines", null);
            assertThat(browser.onCardStep()).as("first service: card step").isTrue();
            browser.readCard(card, "3141");
            assertThat(browser.onConsent()).as(browser.url()).isTrue();
            assertThat(browser.skipNotice()).isFalse();
            assertThat(browser.consentApis()).contains("医療保険情報取得 API").doesNotContain("自己情報取得 API");
            JsonObject first = Portal.claims(portal.tokenAfterConsent(browser, TEST, "AA0003").getString("access_token"));

            portal.authorize(browser, TEST, "AA0004", "checkups", null);
            assertThat(browser.onCardStep()).as("second service: the card is read again").isTrue();
            assertThat(browser.onConsent()).isFalse();
            browser.readCard(card, "3141");
            assertThat(browser.skipNotice()).isFalse();
            assertThat(browser.consentApis()).contains("自己情報取得 API").doesNotContain("医療保険情報取得 API");
            JsonObject second = Portal.claims(portal.tokenAfterConsent(browser, TEST, "AA0004").getString("access_token"));

            assertThat(first.getString("scope")).isEqualTo("medical-insurance");
            assertThat(second.getString("scope")).isEqualTo("self-info");
            assertThat(first.getBoolean("verification_skipped")).isFalse();
            assertThat(second.getBoolean("verification_skipped")).isFalse();
            assertThat(second.getString("sub")).as("pairwise per API user, not per service").isEqualTo(first.getString("sub"));
        }
    }

    @Test
    void theSameServiceWithoutTheFeatureReadsTheCardAgainOnItsRepeat() {
        String card = portal.aCard("2718");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "once", null);
            assertThat(browser.onCardStep()).isTrue();
            browser.readCard(card, "2718");
            JsonObject first = Portal.claims(portal.tokenAfterConsent(browser, TEST, "AA0003").getString("access_token"));
            assertThat(browser.cookie("mynasim_vs_test")).as("a verification session exists, yet it is not used").isPresent();

            portal.authorize(browser, TEST, "AA0003", "twice", null);
            assertThat(browser.onCardStep()).as("the repeat reads the card again").isTrue();
            browser.readCard(card, "2718");
            assertThat(browser.skipNotice()).isFalse();
            JsonObject second = Portal.claims(portal.tokenAfterConsent(browser, TEST, "AA0003").getString("access_token"));

            assertThat(second.getBoolean("verification_skipped")).isFalse();
            assertThat(second.getJsonNumber("auth_time").longValue())
                    .isGreaterThanOrEqualTo(first.getJsonNumber("auth_time").longValue());
            assertThat(second.getString("gid")).as("a grant of its own").isNotEqualTo(first.getString("gid"));
        }
    }
}
