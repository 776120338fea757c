package dev.mynasim.web.it;

import static dev.mynasim.web.it.Portal.TEST;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator console in headless Chromium, driven through the ids README lists: the PIN lock-out on the portal's
 * card step and the operator's unlock, the card operations, forms that show the admin API's own messages next to the
 * field (in Japanese and, after the switch, English), the audit trail with its filters and chain check, the console
 * session (login, logout, a session that ran out, protected views, security headers), and axe-core on every page.
 * Key screens are saved under {@code target/screenshots}.
 */
@ExtendWith(SharedServer.class)
class OperatorConsoleIT {

    private SharedServer.Server server;
    private Portal portal;
    private Console console;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        portal = new Portal(server);
        console = new Console(server);
    }

    @Test
    void aCardLockedByThreeWrongPinsOnThePortalReadsAgainAfterTheOperatorUnlocksIt() {
        String card = portal.aCard("2468");
        try (Browser citizen = console.chromium(); Browser operator = console.chromium()) {
            portal.authorize(citizen, TEST, "AA0003", "lock-1", null);
            citizen.readCard(card, "0000").readCard(card, "1111").readCard(card, "2222");
            assertThat(citizen.cardMessage()).contains("ロックされました");
            console.shot(citizen, "01-portal-card-locked");

            console.operator(operator);
            console.shot(operator, "02-operator-dashboard");
            console.menu(operator, "nav-cards");
            assertThat(operator.text("state-" + card)).isEqualTo("ロック中");
            console.shot(operator, "03-cards");
            operator.clickById("open-card-" + card);
            assertThat(operator.text("card-state")).isEqualTo("ロック中");
            assertThat(operator.text("card-failures")).isEqualTo("3");
            console.shot(operator, "04-card-locked");
            operator.clickById("card-actions:unlock");
            assertThat(operator.text("card-notice")).contains("ロックを解除しました");
            assertThat(operator.text("card-state")).isEqualTo("利用可能");
            assertThat(operator.text("card-failures")).isEqualTo("0");
            console.shot(operator, "05-card-unlocked");

            portal.authorize(citizen, TEST, "AA0003", "lock-2", null);
            citizen.readCard(card, "2468");
            assertThat(citizen.onConsent()).as("the unlocked card reads again").isTrue();
        }
        assertThat(Api.operator(server).get("/admin/api/audit?action=card.unlock&subject=card/" + card).array())
                .as("the unlock is audited with the operator as actor").hasSize(1)
                .allSatisfy(r -> assertThat(r.asJsonObject().getString("actor")).isEqualTo(Api.OPERATOR));
    }

    @Test
    void theOperatorLocksResetsThePinExpiresAndRevokesACard() {
        String card = portal.aCard("1357");
        try (Browser operator = console.chromium()) {
            console.operator(operator);
            console.menu(operator, "nav-cards").clickById("open-card-" + card);

            operator.clickById("card-actions:lock");
            assertThat(operator.text("card-state")).isEqualTo("ロック中");
            operator.type("card-pin:pin", "97a3").clickById("card-pin:reset");
            assertThat(operator.text("card-pin:pin-error")).isEqualTo("暗証番号は数字 4 桁です");
            operator.type("card-pin:pin", "9753").clickById("card-pin:reset");
            assertThat(operator.text("card-notice")).contains("暗証番号を再設定しました");
            assertThat(operator.text("card-state")).as("a new PIN also unlocks").isEqualTo("利用可能");
            try (Browser citizen = Browser.htmlUnit(server)) {
                portal.authorize(citizen, TEST, "AA0003", "new-pin", null);
                citizen.readCard(card, "9753");
                assertThat(citizen.onConsent()).as("the new PIN opens the card").isTrue();
            }

            operator.clickById("card-actions:expire");
            assertThat(operator.text("card-state")).isEqualTo("有効期限切れ");
            assertThat(state(card)).isEqualTo("expired");
            operator.clickById("card-actions:revoke");
            assertThat(operator.text("card-state")).isEqualTo("失効");
            assertThat(state(card)).isEqualTo("revoked");
            console.shot(operator, "06-card-revoked");
        }
    }

    @Test
    void aFormShowsTheAdminApisMessageNextToItsFieldInJapaneseAndInEnglish() {
        JsonObject rest = Api.operator(server).post("/admin/api/cards", """
                {"pin": "12a4", "name": "試験 次郎", "nameKana": "シケン ジロウ", "birthdate": "1985-05-05",
                 "gender": "male", "address": "東京都千代田区永田町1-7-1"}""").json();
        assertThat(rest.getString("rule")).isEqualTo("pin-format");
        try (Browser operator = console.chromium()) {
            console.operator(operator);
            console.menu(operator, "nav-cards");
            fillCard(operator, "12a4");
            operator.clickById("card-new:issue");
            assertThat(operator.text("card-new:pin-error")).isEqualTo(rest.getString("detail_ja"));
            assertThat(operator.text("card-new:problem")).contains(rest.getString("detail_ja")).contains("pin-format");
            assertThat(operator.attribute("[id='card-new:pin']", "aria-invalid")).isEqualTo("true");
            assertThat(operator.attribute("[id='card-new:pin']", "aria-describedby")).contains("card-new:pin-error");
            console.shot(operator, "07-form-error", "card-new-title");
            List<String> found = new ArrayList<>();
            Console.check(operator, "cards with a form error", found);
            assertThat(found).isEmpty();

            operator.clickById("session:language");
            assertThat(operator.attribute("html", "lang")).isEqualTo("en");
            assertThat(operator.text("cards-title")).isEqualTo("Persons and cards");
            fillCard(operator, "12a4");
            operator.clickById("card-new:issue");
            assertThat(operator.text("card-new:pin-error")).isEqualTo(rest.getString("detail"));
            console.shot(operator, "08-form-error-english", "card-new-title");
            operator.clickById("session:language");
            assertThat(operator.attribute("html", "lang")).isEqualTo("ja");
        }
    }

    @Test
    void theAuditTrailIsFilteredAndItsChainChecked() {
        String card = portal.aCard("8642");
        Api.operator(server).post("/admin/api/cards/" + card + "/lock", "");
        String bad = Api.operator(server).get("/admin/api/audit?from=yesterday").json().getString("detail_ja");
        try (Browser operator = console.chromium()) {
            console.operator(operator);
            console.menu(operator, "nav-audit");
            operator.type("audit-filter:action", "card.lock").type("audit-filter:subject", "card/" + card)
                    .clickById("audit-filter:show");
            assertThat(operator.text("audit-records")).contains("card.lock").contains("card/" + card);
            assertThat(operator.count("#audit-records tbody tr")).isEqualTo(1);
            operator.clickById("audit-chain:check");
            assertThat(operator.text("audit-chain:result")).startsWith("改ざんは見つかりませんでした");
            console.shot(operator, "09-audit", "audit-chain-title");

            operator.type("audit-filter:from", "yesterday").clickById("audit-filter:show");
            assertThat(operator.text("audit-filter:from-error")).isEqualTo(bad);
        }
    }

    @Test
    void theConsoleNeedsASignInEndsItsSessionAndRefusesPagesOpenedFromOutside() throws IOException {
        try (Browser browser = console.chromium()) {
            browser.open(server.baseUrl() + "/console/dashboard");
            assertThat(browser.present("login-title")).as("signed out: the login page").isTrue();
            browser.type("login:username", Api.OPERATOR).type("login:password", "wrong").clickById("login:submit");
            assertThat(browser.text("login:failed")).isEqualTo("ユーザー名またはパスワードが違います。");
            console.shot(browser, "00-login");

            console.operator(browser);
            var cookie = browser.cookieDetails("mynasim_console");
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getPath()).isEqualTo("/console");
            assertThat(cookie.getSameSite()).isEqualTo("Strict");
            assertThat(browser.count("script")).as("no script at all, so none inline").isZero();

            HttpResponse<String> dashboard = console.get(browser, server.baseUrl() + "/console/dashboard");
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(dashboard.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(dashboard.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

            browser.open(server.baseUrl() + "/console");
            assertThat(browser.present("dashboard-title")).as("/console leads to the dashboard").isTrue();
            browser.open(server.baseUrl() + "/console/cards");
            assertThat(browser.text("error-reason")).as("a protected view without its token").contains("メニューやリンク");
            assertThat(console.get(browser, server.baseUrl() + "/console/cards").statusCode()).isEqualTo(403);
            assertThat(Files.readString(server.log())).as("the session's Faces token never reaches the log")
                    .doesNotContain("correctSecretKeyValue").doesNotContain("incomingSecretKeyValue");
            browser.open(server.baseUrl() + "/console/dashboard");
            assertThat(browser.href("nav-cards")).contains("jakarta.faces.Token=");

            browser.clickById("session:logout");
            assertThat(browser.present("login-out")).isTrue();
            browser.open(server.baseUrl() + "/console/dashboard");
            assertThat(browser.present("login-title")).isTrue();
            assertThat(browser.present("login-expired")).isFalse();
        }
        HttpResponse<String> signedOut = console.getSignedOut("/console");
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/login"));
        assertThat(signedOut.headers().firstValue("Content-Security-Policy")).as("also on the login redirect")
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(console.postFrom("http://attacker.example", "/console/login",
                "login=login&login%3Ausername=operator&login%3Apassword=mynasim-operator&login%3Asubmit=x").statusCode())
                .as("a sign-in form posted from another site").isEqualTo(403);
        try (Browser stale = console.chromium()) {
            stale.open(server.baseUrl() + "/console/login");
            stale.addCookie(new org.openqa.selenium.Cookie("mynasim_console", "a-session-that-ran-out", "/console"));
            stale.open(server.baseUrl() + "/console/dashboard");
            assertThat(stale.text("login-expired")).contains("有効期限が切れました");
        }
    }

    @Test
    void everyOperatorPageHasNoSeriousAccessibilityViolation() {
        String apiUser = Fixtures.anApiUserId();
        Api.Reply registered = Api.operator(server).post("/admin/api/api-users", Fixtures.anApiUser(apiUser));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        List<String> found = new ArrayList<>();
        try (Browser operator = console.chromium()) {
            Console.check(operator.open(server.baseUrl() + "/console/login"), "login", found);
            console.operator(operator);
            Console.check(operator, "dashboard", found);
            Console.check(console.menu(operator, "nav-services"), "services", found);
            console.shot(operator, "10-services");
            Console.check(operator.clickById("open-test-SP00000001_AA0001"), "service", found);
            console.shot(operator, "11-service");
            Console.check(console.menu(operator, "nav-services").clickById("service-new"), "new service", found);
            Console.check(console.menu(operator, "nav-groups"), "groups", found);
            console.shot(operator, "12-groups");
            Console.check(console.menu(operator, "nav-applications"), "applications", found);
            operator.type("application-start:apiUserId", apiUser).clickById("application-start:start");
            assertThat(operator.text("application-step")).startsWith("A-1 ");
            operator.type("application:note", "企画書を受領").clickById("application:advance");
            assertThat(operator.text("application-step")).startsWith("A-2 ");
            Console.check(operator, "application", found);
            console.shot(operator, "13-application", "application-title");
            Console.check(console.menu(operator, "nav-cards"), "cards", found);
            Console.check(operator.clickById("open-card-100000000001"), "card", found);
            Console.check(console.menu(operator, "nav-faults"), "faults", found);
            Console.check(console.menu(operator, "nav-api-users"), "api users and accounts", found);
            console.shot(operator, "14-api-users");
            Console.check(console.menu(operator, "nav-audit"), "audit", found);
            operator.clickById("audit-chain:check");
            Console.check(operator, "audit with the chain checked", found);
            Console.check(operator.open(server.baseUrl() + "/console/faults"), "refused page", found);
            operator.open(server.baseUrl() + "/console/dashboard").clickById("session:language");
            Console.check(operator, "dashboard in English", found);
            console.shot(operator, "15-dashboard-english");
            operator.clickById("session:language");
        }
        assertThat(found).isEmpty();
    }

    private static void fillCard(Browser browser, String pin) {
        browser.type("card-new:name", "試験 次郎").type("card-new:nameKana", "シケン ジロウ")
                .type("card-new:birthdate", "1985-05-05").select("card-new:gender", "male")
                .type("card-new:address", "東京都千代田区永田町1-7-1").type("card-new:pin", pin);
    }

    private String state(String card) {
        return Api.operator(server).get("/admin/api/cards/" + card).json().getString("state");
    }
}
