package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /admin/api/cards/{serial}/expire} and {@code PUT /admin/api/cards/{serial}/pin}: an expired card fails
 * the card step as a real one does, a new PIN unlocks the card and is the one that works, bad input is refused with
 * the PIN rule, and an API user reaches only the cards it owns; the other card paths still answer.
 */
@ExtendWith(SharedServer.class)
class CardExpiryAndPinResetIT {

    private SharedServer.Server server;
    private Portal portal;
    private Api operator;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
        operator = Api.operator(server);
    }

    @Test
    void anExpiredCardFailsTheCardStepAsARealExpiredCardDoes() {
        String card = portal.aCard("3141");
        Api.Reply expired = operator.post("/admin/api/cards/" + card + "/expire", "");
        assertThat(expired.status()).as(expired.toString()).isEqualTo(200);
        assertThat(expired.json().getString("state")).isEqualTo("expired");
        assertThat(operator.get("/admin/api/audit?action=card.expire&subject=card/" + card).array()).hasSize(1);
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "expired", null);
            browser.readCard(card, "3141");
            assertThat(browser.onConsent()).isFalse();
            assertThat(browser.cardMessage()).isEqualTo("利用者証明用電子証明書の有効期限が切れています");
        }
    }

    @Test
    void aNewPinUnlocksTheCardAndOnlyItOpensTheCard() {
        String card = portal.aCard("2718");
        assertThat(operator.post("/admin/api/cards/" + card + "/lock", "").json().getString("state")).isEqualTo("locked");

        Api.Reply refused = operator.put("/admin/api/cards/" + card + "/pin", "{\"pin\": \"12\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("rule")).isEqualTo("pin-format");
        assertThat(refused.json().getString("field")).isEqualTo("pin");
        assertThat(operator.put("/admin/api/cards/" + card + "/pin", "{\"pin\": \"1234\", \"old\": \"2718\"}").status())
                .as("an unknown field").isEqualTo(400);

        Api.Reply reset = operator.put("/admin/api/cards/" + card + "/pin", "{\"pin\": \"8080\"}");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        JsonObject state = reset.json();
        assertThat(state.getString("state")).isEqualTo("usable");
        assertThat(state.getInt("failures")).isZero();
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, TEST, "AA0003", "old-pin", null);
            browser.readCard(card, "2718");
            assertThat(browser.cardMessage()).as("the old PIN is wrong now").startsWith("暗証番号が違います");
            browser.readCard(card, "8080");
            assertThat(browser.onConsent()).isTrue();
        }
        assertThat(operator.post("/admin/api/cards/" + card + "/unlock", "").status())
                .as("the other card paths still reach their resource").isEqualTo(200);
    }

    @Test
    void anApiUserReachesOnlyTheCardsItOwns() {
        Api demo1 = Api.as(server, "sp00000001", "demo-password-1");
        Api demo2 = Api.as(server, "sp00000002", "demo-password-2");
        String own = demo1.post("/admin/api/cards", """
                {"pin": "5555", "name": "所有 一郎", "nameKana": "ショユウ イチロウ", "birthdate": "1980-08-08",
                 "gender": "male", "address": "札幌市中央区1-1"}""").json().getString("serial");
        assertThat(demo2.post("/admin/api/cards/" + own + "/expire", "").status()).isEqualTo(404);
        assertThat(demo2.put("/admin/api/cards/" + own + "/pin", "{\"pin\": \"1111\"}").status()).isEqualTo(404);
        assertThat(demo1.post("/admin/api/cards/100000000001/expire", "").status())
                .as("a global demo card is not an API user's").isEqualTo(404);
        assertThat(demo1.put("/admin/api/cards/" + own + "/pin", "{\"pin\": \"1111\"}").status()).isEqualTo(200);
        assertThat(demo1.post("/admin/api/cards/" + own + "/expire", "").json().getString("state")).isEqualTo("expired");
    }
}
