package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A first-time user of a service that uses the user-registration API registers with the portal after consent. */
@ExtendWith(SharedServer.class)
class UserRegistrationStepIT {

    private SharedServer.Server server;
    private Portal portal;
    private String serviceId;
    private String redirectUri;

    @BeforeEach
    void aServiceThatRegistersUsers(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
        serviceId = "UR" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        redirectUri = server.baseUrl() + "/demo/" + serviceId + "/callback";
        Api.Reply registered = Api.operator(server).post("/admin/api/environments/test/services", """
                {"apiUserId": "SP00000001", "serviceId": "%s", "displayName": "はじめてのマイナポータル連携",
                 "consentText": "利用者登録と予防接種情報の取得を行います。", "redirectUris": ["%s"],
                 "apis": ["user-registration", "self-info"], "skipFeature": true, "clientAuth": "none"}
                """.formatted(serviceId, redirectUri));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    }

    @Test
    void aPersonWithoutAPortalAccountRegistersAfterConsentAndOnlyOnce() {
        String card = portal.aCard("1122", "\"portalRegistered\": false");
        try (Browser browser = Browser.htmlUnit(server)) {
            authorize(browser, "first").readCard(card, "1122");
            browser.approve();

            assertThat(browser.onRegistration()).as(browser.url()).isTrue();
            assertThat(browser.text("register-person")).isEqualTo("試験 花子");
            browser.register();
            String code = browser.callback().get("code");
            assertThat(code).isNotBlank();
            assertThat(portal.token(TEST, java.util.Map.of("grant_type", "authorization_code", "code", code,
                    "redirect_uri", redirectUri, "client_id", "SP00000001_" + serviceId)).status()).isEqualTo(200);

            authorize(browser, "second");
            assertThat(browser.onConsent()).as(browser.url()).isTrue();
            assertThat(browser.skipNotice()).isTrue();
            browser.approve();
            assertThat(browser.onRegistration()).as("registered once is enough").isFalse();
            assertThat(browser.callback()).containsKey("code").containsEntry("state", "second");
        }
    }

    @Test
    void decliningTheRegistrationReturnsAccessDeniedWithTheState() {
        String card = portal.aCard("3344", "\"portalRegistered\": false");
        try (Browser browser = Browser.htmlUnit(server)) {
            authorize(browser, "declined").readCard(card, "3344");
            browser.approve();
            browser.text("register:cancel");
            browser.clickById("register:cancel");

            assertThat(browser.callback()).containsEntry("error", "access_denied").containsEntry("state", "declined")
                    .doesNotContainKey("code");
        }
    }

    private Browser authorize(Browser browser, String state) {
        return browser.authorize(TEST, "SP00000001_" + serviceId, Portal.encode(redirectUri), state, null);
    }
}
