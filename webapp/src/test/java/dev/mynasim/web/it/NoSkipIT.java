package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.PRODUCTION;
import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DESIGN.md 4 (the skip rule) and 9.1: a card read is never skipped across browsers, API users, services without the
 * feature or environments, nor after the window, nor when the card behind the session became unusable, nor when the
 * request asks for a fresh verification (prompt=login, a max_age shorter than the session's age). Where it can, each
 * test first shows the same browser skipping, so the refusal is caused by the one condition it changes.
 */
@ExtendWith(SharedServer.class)
class NoSkipIT {

    private SharedServer.Server server;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
    }

    @Test
    void anotherBrowserReadsTheCardAgain() {
        String card = portal.aCard("1122");
        try (Browser first = Browser.htmlUnit(server); Browser second = Browser.htmlUnit(server)) {
            verifiedFor(first, "AA0001", card, "1122");
            assertThat(skips(first, "AA0002")).as("control: the same browser skips").isTrue();

            portal.authorize(second, TEST, "AA0002", "other-browser", null);
            assertThat(second.onCardStep()).isTrue();
            assertThat(second.onConsent()).isFalse();
        }
    }

    @Test
    void aServiceOfAnotherApiUserReadsTheCardAgain() {
        String card = portal.aCard("2233");
        try (Browser browser = Browser.htmlUnit(server)) {
            JsonObject sp1 = verifiedFor(browser, "AA0001", card, "2233");

            portal.authorize(browser, TEST, "BB0001", "other-api-user", null);
            assertThat(browser.onCardStep()).as("BB0001 belongs to SP00000002").isTrue();
            browser.readCard(card, "2233");
            assertThat(browser.skipNotice()).isFalse();
            JsonObject sp2 = Portal.claims(portal.tokenAfterConsent(browser, TEST, "BB0001").getString("access_token"));

            assertThat(sp2.getBoolean("verification_skipped")).isFalse();
            assertThat(sp2.getString("sub")).as("subjects are pairwise per API user").isNotEqualTo(sp1.getString("sub"));
        }
    }

    @Test
    void servicesWithoutTheFeatureReadTheCardAgainAfterAGroupedServiceRead() {
        String card = portal.aCard("3344");
        try (Browser browser = Browser.htmlUnit(server)) {
            verifiedFor(browser, "AA0001", card, "3344");

            portal.authorize(browser, TEST, "AA0003", "no-feature-1", null);
            assertThat(browser.onCardStep()).as("AA0003 has no skip feature").isTrue();
            portal.authorize(browser, TEST, "AA0004", "no-feature-2", null);
            assertThat(browser.onCardStep()).as("AA0004 has no skip feature").isTrue();
            assertThat(skips(browser, "AA0002")).as("control: the session still stands for its group").isTrue();
        }
    }

    @Test
    void theProductionEnvironmentDoesNotUseATestVerification() {
        String card = portal.aCard("4455");
        try (Browser browser = Browser.htmlUnit(server)) {
            verifiedFor(browser, "AA0001", card, "4455");
            assertThat(skips(browser, "AA0002")).as("control: TEST skips").isTrue();

            portal.authorize(browser, PRODUCTION, "AA0002", "production", null);
            assertThat(browser.onCardStep()).as("PRODUCTION AA0002 after a TEST card read: " + browser.url()).isTrue();
            portal.authorize(browser, PRODUCTION, "AA0001", "production", null);
            assertThat(browser.onCardStep()).as("PRODUCTION AA0001 after a TEST card read: " + browser.url()).isTrue();
        }
    }

    @Test
    void noSkipAfterTheWindow() {
        String card = portal.aCard("5566");
        AdminClock clock = new AdminClock(server);
        try (Browser browser = Browser.htmlUnit(server)) {
            verifiedFor(browser, "AA0001", card, "5566");
            try {
                clock.move(Duration.ofSeconds(590));
                assertThat(skips(browser, "AA0002")).as("control: 9 minutes 50 seconds after the card read").isTrue();
                clock.move(Duration.ofSeconds(11));
                portal.authorize(browser, TEST, "AA0002", "after-window", null);
                assertThat(browser.onCardStep()).as("10 minutes and 1 second after the card read").isTrue();
            } finally {
                clock.reset();
            }
        }
    }

    @Test
    void noSkipOnceTheCertificateBehindTheSessionHasExpired() {
        AdminClock clock = new AdminClock(server);
        String card = portal.aCard("6655", "\"notAfter\": \"" + clock.now().plusSeconds(300) + "\"");
        try (Browser browser = Browser.htmlUnit(server)) {
            verifiedFor(browser, "AA0001", card, "6655");
            assertThat(skips(browser, "AA0002")).as("control: certificate still valid").isTrue();
            try {
                clock.move(Duration.ofSeconds(301));
                portal.authorize(browser, TEST, "AA0002", "certificate-expired", null);
                assertThat(browser.onCardStep()).as("within the window, but the certificate has expired").isTrue();
            } finally {
                clock.reset();
            }
        }
    }

    @Test
    void noSkipOnceTheCardBehindTheSessionIsLocked() {
        String card = portal.aCard("6677");
        try (Browser browser = Browser.htmlUnit(server)) {
            verifiedFor(browser, "AA0001", card, "6677");
            assertThat(skips(browser, "AA0002")).as("control: card usable").isTrue();

            Api.Reply locked = Api.operator(server).post("/admin/api/cards/" + card + "/lock", "");
            assertThat(locked.status()).as(locked.toString()).isEqualTo(200);
            assertThat(locked.json().getString("state")).isEqualTo("locked");

            portal.authorize(browser, TEST, "AA0002", "locked", null);
            assertThat(browser.onCardStep()).isTrue();
        }
    }

    @Test
    void noSkipOnceTheCardBehindTheSessionIsRevoked() {
        String card = portal.aCard("7788");
        try (Browser browser = Browser.htmlUnit(server)) {
            verifiedFor(browser, "AA0001", card, "7788");
            assertThat(skips(browser, "AA0002")).as("control: card usable").isTrue();

            Api.Reply revoked = Api.operator(server).post("/admin/api/cards/" + card + "/revoke", "");
            assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
            assertThat(revoked.json().getString("state")).isEqualTo("revoked");

            portal.authorize(browser, TEST, "AA0002", "revoked", null);
            assertThat(browser.onCardStep()).isTrue();
        }
    }

    @Test
    void promptLoginAsksForAFreshCardRead() {
        String card = portal.aCard("8899");
        try (Browser browser = Browser.htmlUnit(server)) {
            verifiedFor(browser, "AA0001", card, "8899");
            assertThat(skips(browser, "AA0002")).as("control: without prompt").isTrue();

            portal.authorize(browser, TEST, "AA0002", "prompt", "prompt=login");
            assertThat(browser.onCardStep()).isTrue();
        }
    }

    @Test
    void aMaxAgeShorterThanTheSessionAsksForAFreshCardReadAndALongOneStillSkips() {
        String card = portal.aCard("9900");
        try (Browser browser = Browser.htmlUnit(server)) {
            verifiedFor(browser, "AA0001", card, "9900");

            portal.authorize(browser, TEST, "AA0002", "short", "max_age=0");
            assertThat(browser.onCardStep()).as("max_age=0").isTrue();

            portal.authorize(browser, TEST, "AA0002", "long", "max_age=3600");
            assertThat(browser.onCardStep()).as("max_age=3600, same session").isFalse();
            assertThat(browser.skipNotice()).isTrue();
        }
    }

    /** Reads the card for a service and finishes its authorization; returns the token's claims. */
    private JsonObject verifiedFor(Browser browser, String serviceId, String card, String pin) {
        portal.authorize(browser, TEST, serviceId, "verify", null);
        assertThat(browser.onCardStep()).as(browser.url()).isTrue();
        browser.readCard(card, pin);
        return Portal.claims(portal.tokenAfterConsent(browser, TEST, serviceId).getString("access_token"));
    }

    /** Starts an authorization and tells whether it went straight to consent with the skip notice. */
    private boolean skips(Browser browser, String serviceId) {
        portal.authorize(browser, TEST, serviceId, "control", null);
        return !browser.onCardStep() && browser.onConsent() && browser.skipNotice();
    }
}
