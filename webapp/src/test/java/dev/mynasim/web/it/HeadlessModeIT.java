package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.PRODUCTION;
import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DESIGN.md 6, headless mode for CI in TEST: {@code login_hint=card:SERIAL} with {@code mynasim_pin} completes the card
 * step without a screen and {@code mynasim_consent} the consent; the verification session cookie works as a browser's
 * would, so case 2 runs headless too. A plain HTTP client with a cookie jar, redirects not followed.
 */
@ExtendWith(SharedServer.class)
class HeadlessModeIT {

    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
    }

    @Test
    void caseTwoRunsHeadlessAndTheSecondServiceSkipsWithTheSameAuthTime() {
        String card = portal.aCard("2580");
        HeadlessClient client = new HeadlessClient(server);

        HeadlessClient.Answer first = client.authorize(TEST, "AA0001", "h-first",
                HeadlessClient.cardAndConsent(card, "2580", "approve"));
        assertThat(first.status()).as(first.toString()).isEqualTo(302);
        assertThat(first.target()).isEqualTo(portal.redirectUri("AA0001"));
        assertThat(first.query()).containsKey("code").containsEntry("state", "h-first");
        assertThat(first.raw().headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("mynasim_vs_test="));
        assertThat(client.cookie("mynasim_vs_test")).as("the jar keeps the verification session").isPresent();

        HeadlessClient.Answer second = client.authorize(TEST, "AA0002", "h-second", "mynasim_consent=approve");
        assertThat(second.status()).as(second.toString()).isEqualTo(302);
        assertThat(second.target()).isEqualTo(portal.redirectUri("AA0002"));
        assertThat(second.query()).as(second.toString()).containsKey("code").containsEntry("state", "h-second");

        JsonObject firstToken = token("AA0001", first.query().get("code"));
        JsonObject secondToken = token("AA0002", second.query().get("code"));
        assertThat(firstToken.getBoolean("verification_skipped")).isFalse();
        assertThat(secondToken.getBoolean("verification_skipped")).isTrue();
        assertThat(secondToken.getJsonNumber("auth_time").longValue())
                .isEqualTo(firstToken.getJsonNumber("auth_time").longValue());
        assertThat(secondToken.getString("sub")).isEqualTo(firstToken.getString("sub"));
        assertThat(secondToken.getString("scope")).isEqualTo("self-info");
    }

    @Test
    void aLoginHintNamingAnotherCardReadsThatCardInsteadOfSkipping() {
        String first = portal.aCard("1470");
        String other = portal.aCard("2581");
        HeadlessClient client = new HeadlessClient(server);
        JsonObject firstToken = token("AA0001", client.authorize(TEST, "AA0001", "h-a",
                HeadlessClient.cardAndConsent(first, "1470", "approve")).query().get("code"));

        HeadlessClient.Answer wrongPin = client.authorize(TEST, "AA0002", "h-b",
                HeadlessClient.cardAndConsent(other, "0000", "approve"));
        assertThat(wrongPin.query()).as(wrongPin.toString()).containsEntry("error", "access_denied")
                .doesNotContainKey("code");
        assertThat(Api.operator(server).get("/admin/api/cards/" + other).json().getInt("failures")).isEqualTo(1);

        HeadlessClient.Answer right = client.authorize(TEST, "AA0002", "h-c",
                HeadlessClient.cardAndConsent(other, "2581", "approve"));
        JsonObject otherToken = token("AA0002", right.query().get("code"));
        assertThat(otherToken.getBoolean("verification_skipped")).isFalse();
        assertThat(otherToken.getString("sub")).as("another person").isNotEqualTo(firstToken.getString("sub"));
    }

    @Test
    void withoutTheSessionCookieTheSecondServiceShowsTheCardStep() {
        String card = portal.aCard("3690");
        HeadlessClient.Answer first = new HeadlessClient(server).authorize(TEST, "AA0001", "jar-1",
                HeadlessClient.cardAndConsent(card, "3690", "approve"));
        assertThat(first.query()).as(first.toString()).containsKey("code");

        HeadlessClient.Answer second = new HeadlessClient(server).authorize(TEST, "AA0002", "jar-2", "mynasim_consent=approve");
        assertThat(second.status()).as(second.toString()).isEqualTo(302);
        assertThat(second.location().orElseThrow()).as("a fresh jar is another browser").contains("/portal/verify.xhtml");
    }

    @Test
    void aWrongPinIsAccessDeniedAndCountsTowardTheLock() {
        String card = portal.aCard("1593");
        HeadlessClient client = new HeadlessClient(server);

        HeadlessClient.Answer wrong = client.authorize(TEST, "AA0004", "wrong-1",
                HeadlessClient.cardAndConsent(card, "0000", "approve"));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(302);
        assertThat(wrong.target()).isEqualTo(portal.redirectUri("AA0004"));
        assertThat(wrong.query()).containsEntry("error", "access_denied").containsEntry("state", "wrong-1")
                .doesNotContainKey("code");
        assertThat(card(card).getInt("failures")).isEqualTo(1);

        client.authorize(TEST, "AA0004", "wrong-2", HeadlessClient.cardAndConsent(card, "0001", "approve"));
        client.authorize(TEST, "AA0004", "wrong-3", HeadlessClient.cardAndConsent(card, "0002", "approve"));
        assertThat(card(card).getString("state")).isEqualTo("locked");

        HeadlessClient.Answer right = client.authorize(TEST, "AA0004", "right",
                HeadlessClient.cardAndConsent(card, "1593", "approve"));
        assertThat(right.query()).as("locked: the right PIN is refused too").containsEntry("error", "access_denied")
                .doesNotContainKey("code");
    }

    @Test
    void aBadConsentPresetWithAWrongPinIsRefusedBeforeThePinCounts() {
        String card = portal.aCard("3579");
        HeadlessClient.Answer answer = new HeadlessClient(server).authorize(TEST, "AA0004", "bad-preset",
                HeadlessClient.cardAndConsent(card, "0000", "maybe"));
        assertThat(answer.query()).as(answer.toString()).containsEntry("error", "invalid_request")
                .containsEntry("error_description", "mynasim_consent must be approve or cancel")
                .containsEntry("state", "bad-preset").doesNotContainKey("code");
        assertThat(card(card).getInt("failures")).as("DESIGN.md 9.9: bad input changes nothing").isZero();
    }

    @Test
    void headlessModeIsRefusedInProduction() {
        String card = portal.aCard("7531");
        HeadlessClient.Answer answer = new HeadlessClient(server).authorize(PRODUCTION, "AA0001", "prod",
                HeadlessClient.cardAndConsent(card, "7531", "approve"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        assertThat(answer.target()).isEqualTo(portal.redirectUri("AA0001"));
        assertThat(answer.query()).containsEntry("error", "invalid_request").containsEntry("state", "prod")
                .doesNotContainKey("code");
        assertThat(card(card).getInt("failures")).as("the PIN was not even tried").isZero();
    }

    @Test
    void aCancelPresetIsAccessDenied() {
        String card = portal.aCard("8520");
        HeadlessClient.Answer answer = new HeadlessClient(server).authorize(TEST, "AA0001", "no-thanks",
                HeadlessClient.cardAndConsent(card, "8520", "cancel"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        assertThat(answer.target()).isEqualTo(portal.redirectUri("AA0001"));
        assertThat(answer.query()).containsEntry("error", "access_denied").containsEntry("state", "no-thanks")
                .doesNotContainKey("code");
    }

    private JsonObject token(String serviceId, String code) {
        Api.Reply reply = portal.exchange(TEST, serviceId, code, portal.redirectUri(serviceId));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return Portal.claims(reply.json().getString("access_token"));
    }

    private JsonObject card(String serial) {
        Api.Reply reply = Api.operator(server).get("/admin/api/cards/" + serial);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }
}
