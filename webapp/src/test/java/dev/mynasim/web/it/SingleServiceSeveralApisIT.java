package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guideline 2.1 (case 1): one Web service with the skip feature registered for several APIs: one card verification,
 * one consent screen listing all its APIs, one token reaching all of them; within the window its own repeat skips
 * the card step (its skip domain is itself); 連携をやめる sends access_denied back with the state.
 */
@ExtendWith(SharedServer.class)
class SingleServiceSeveralApisIT {

    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
    }

    @Test
    void oneCardStepAndOneConsentGiveOneTokenForBothApis() {
        String card = portal.aCard("1470");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0001", "case1", null);
            assertThat(browser.onCardStep()).isTrue();
            browser.readCard(card, "1470");
            assertThat(browser.onConsent()).as(browser.url()).isTrue();
            assertThat(browser.consentApis()).contains("医療保険情報取得 API", "自己情報取得 API");
            browser.approve();
            Map<String, String> callback = browser.callback();
            assertThat(callback).containsKey("code").containsEntry("state", "case1");
            Api.Reply token = portal.exchange(TEST, "AA0001", callback.get("code"), portal.redirectUri("AA0001"));
            assertThat(token.status()).as(token.toString()).isEqualTo(200);

            assertThat(token.json().getString("scope")).isEqualTo("medical-insurance self-info");
            JsonObject claims = Portal.claims(token.json().getString("access_token"));
            assertThat(claims.getString("scope")).isEqualTo("medical-insurance self-info");
            assertThat(claims.getBoolean("verification_skipped")).isFalse();
            assertThat(claims.getString("client_id")).isEqualTo("SP00000001_AA0001");
            assertThat(claims.getJsonArray("amr").getValuesAs(JsonString::getString)).containsExactly("hwk", "pin");
        }
    }

    @Test
    void anUngroupedServiceWithTheFeatureSkipsTheCardStepOnItsOwnRepeat() {
        String card = portal.aCard("5811");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0005", "first", null);
            assertThat(browser.onCardStep()).isTrue();
            browser.readCard(card, "5811");
            assertThat(browser.skipNotice()).isFalse();
            assertThat(browser.consentApis()).contains("お知らせ／民送情報取得 API", "属性連携設定 API");
            JsonObject first = Portal.claims(portal.tokenAfterConsent(browser, TEST, "AA0005").getString("access_token"));

            portal.authorize(browser, TEST, "AA0005", "again", null);
            assertThat(browser.onCardStep()).as("the repeat within the window skips the card step").isFalse();
            assertThat(browser.onConsent()).as("consent is still asked").isTrue();
            assertThat(browser.skipNotice()).isTrue();
            assertThat(browser.consentApis()).contains("お知らせ／民送情報取得 API", "属性連携設定 API");
            JsonObject second = Portal.claims(portal.tokenAfterConsent(browser, TEST, "AA0005").getString("access_token"));

            assertThat(first.getString("scope")).isEqualTo("attribute-linkage notices");
            assertThat(second.getString("scope")).isEqualTo("attribute-linkage notices");
            assertThat(first.getBoolean("verification_skipped")).isFalse();
            assertThat(second.getBoolean("verification_skipped")).isTrue();
            assertThat(second.getJsonNumber("auth_time").longValue()).as("the time of the card read, not of the skip")
                    .isEqualTo(first.getJsonNumber("auth_time").longValue());
        }
    }

    @Test
    void cancellingConsentReturnsAccessDeniedWithTheState() {
        String card = portal.aCard("9630");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0001", "xyz-cancel", null);
            browser.readCard(card, "9630");
            assertThat(browser.onConsent()).as(browser.url()).isTrue();
            browser.cancel();

            assertThat(browser.url()).startsWith(portal.redirectUri("AA0001") + "?");
            assertThat(browser.callback()).containsEntry("error", "access_denied").containsEntry("state", "xyz-cancel")
                    .doesNotContainKey("code");
        }
    }
}
