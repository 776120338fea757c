package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DESIGN.md 4 and 9.6: three wrong PINs in a row lock the card for every service, a right PIN resets the count, an
 * expired or revoked certificate is refused, and a PIN that is not 4 digits is refused without counting.
 */
@ExtendWith(SharedServer.class)
class PinLockIT {

    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
    }

    @Test
    void threeWrongPinsInARowLockTheCardForEveryService() {
        String card = portal.aCard("4321");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "lock", null);
            browser.readCard(card, "0000");
            assertThat(browser.onCardStep()).isTrue();
            assertThat(browser.cardMessage()).isEqualTo("暗証番号が違います。あと 2 回間違えるとロックされます");
            assertThat(card(card).getInt("failures")).isEqualTo(1);

            browser.readCard(card, "1111");
            assertThat(browser.cardMessage()).isEqualTo("暗証番号が違います。あと 1 回間違えるとロックされます");

            browser.readCard(card, "2222");
            assertThat(browser.onConsent()).isFalse();
            assertThat(browser.cardMessage()).contains("ロックされました");
            assertThat(card(card).getString("state")).isEqualTo("locked");

            browser.readCard(card, "4321");
            assertThat(browser.onConsent()).as("the right PIN no longer opens the locked card").isFalse();
            assertThat(browser.cardMessage()).contains("ロックされています");
        }
        try (Browser other = Browser.htmlUnit(server)) {
            portal.authorize(other, TEST, "AA0004", "other-service", null);
            assertThat(other.onCardStep()).isTrue();
            other.readCard(card, "4321");
            assertThat(other.onConsent()).as("locked for every service").isFalse();
            assertThat(other.cardMessage()).contains("ロックされています");
        }
    }

    @Test
    void theCardStepWordsARefusedReadInTheReadersLanguage() {
        String card = portal.aCard("6543");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "english", null);
            browser.addCookie(new org.openqa.selenium.Cookie("mynasim_lang", "en", "/"));
            browser.readCard(card, "0000");
            assertThat(browser.cardMessage()).isEqualTo("Wrong PIN; 2 more wrong and the card locks");
            assertThat(card(card).getInt("failures")).isEqualTo(1);
        }
    }

    @Test
    void aRightPinAfterAWrongOneResetsTheCount() {
        String card = portal.aCard("5432");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "reset", null);
            browser.readCard(card, "0000");
            assertThat(card(card).getInt("failures")).isEqualTo(1);

            browser.readCard(card, "0001");
            assertThat(card(card).getInt("failures")).isEqualTo(2);

            browser.readCard(card, "5432");
            assertThat(browser.onConsent()).as(browser.page()).isTrue();
            JsonObject state = card(card);
            assertThat(state.getInt("failures")).isZero();
            assertThat(state.getString("state")).isEqualTo("usable");
        }
        try (Browser again = Browser.htmlUnit(server)) {
            portal.authorize(again, TEST, "AA0004", "reset-2", null);
            again.readCard(card, "0000");
            assertThat(again.cardMessage()).as("the count started over").isEqualTo("暗証番号が違います。あと 2 回間違えるとロックされます");
        }
    }

    @Test
    void anExpiredCertificateIsRefused() {
        String card = portal.aCard("6543", """
                "notBefore": "2019-04-01T00:00:00Z", "notAfter": "2024-03-31T23:59:59Z"
                """);
        assertThat(card(card).getString("state")).isEqualTo("expired");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "expired", null);
            browser.readCard(card, "6543");
            assertThat(browser.onConsent()).isFalse();
            assertThat(browser.cardMessage()).isEqualTo("利用者証明用電子証明書の有効期限が切れています");
        }
    }

    @Test
    void aRevokedCertificateIsRefused() {
        String card = portal.aCard("7654");
        Api.Reply revoked = Api.operator(server).post("/admin/api/cards/" + card + "/revoke", "");
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "revoked", null);
            browser.readCard(card, "7654");
            assertThat(browser.onConsent()).isFalse();
            assertThat(browser.cardMessage()).isEqualTo("利用者証明用電子証明書は失効しています");
        }
    }

    @Test
    void aPinThatIsNotFourDigitsIsRefusedWithoutCounting() {
        String card = portal.aCard("8765");
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "format", null);
            browser.readCard(card, "12a");
            assertThat(browser.onConsent()).isFalse();
            assertThat(browser.cardMessage()).isEqualTo("暗証番号は数字 4 桁で入力してください");
            browser.readCard(card, "123");
            assertThat(browser.cardMessage()).isEqualTo("暗証番号は数字 4 桁で入力してください");
            assertThat(card(card).getInt("failures")).as("a malformed PIN is not a wrong PIN").isZero();

            browser.readCard(card, "8765");
            assertThat(browser.onConsent()).isTrue();
        }
    }

    private JsonObject card(String serial) {
        Api.Reply reply = Api.operator(server).get("/admin/api/cards/" + serial);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }
}
