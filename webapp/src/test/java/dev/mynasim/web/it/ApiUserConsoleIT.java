package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API-user console in headless Chromium: an API user sees only its own records and another's URLs answer 404
 * (DESIGN.md 9.8), registers and edits its services under the admin API's rules (redirect URIs, consent text, a
 * JWKS upload, the skip feature), issues its own test cards, manages the failure rules of its own services, declares
 * a group and follows its usage application; axe-core checks every page.
 */
@ExtendWith(SharedServer.class)
class ApiUserConsoleIT {

    private static final String SERVICES = "/admin/api/environments/test/services";

    private SharedServer.Server server;
    private Console console;
    private String apiUser;
    private String user;
    private String password;

    @BeforeEach
    void anApiUserWithAnAccount(SharedServer.Server server) {
        this.server = server;
        console = new Console(server);
        apiUser = Fixtures.anApiUserId();
        user = apiUser.toLowerCase();
        password = "password-of-" + apiUser;
        assertThat(Api.operator(server).post("/admin/api/api-users", Fixtures.anApiUser(apiUser)).status()).isEqualTo(201);
        assertThat(Api.operator(server).post("/admin/api/accounts", """
                {"username": "%s", "password": "%s", "apiUserId": "%s"}""".formatted(user, password, apiUser))
                .status()).isEqualTo(201);
    }

    @Test
    void anotherApiUsersServiceAndCardAreNotShownAndTheirUrlsAnswer404() {
        String theirCard = Api.as(server, "sp00000001", "demo-password-1").post("/admin/api/cards", """
                {"pin": "1111", "name": "他社 太郎", "nameKana": "タシャ タロウ", "birthdate": "1970-07-07",
                 "gender": "male", "address": "大阪府大阪市北区1-1"}""").json().getString("serial");
        try (Browser browser = console.chromium()) {
            console.signIn(browser, "sp00000002", "demo-password-2");
            console.menu(browser, "nav-services");
            assertThat(browser.present("open-test-SP00000002_BB0001")).isTrue();
            assertThat(browser.present("open-test-SP00000001_AA0001")).as("another's service is not listed").isFalse();
            assertThat(browser.page()).doesNotContain("SP00000001");

            String own = browser.href("open-test-SP00000002_BB0001");
            String theirs = own.replace("SP00000002_BB0001", "SP00000001_AA0001");
            browser.open(theirs);
            assertThat(browser.present("not-found")).isTrue();
            assertThat(browser.page()).doesNotContain("お薬・健診ノート").doesNotContain("/demo/AA0001");
            console.shot(browser, "20-api-user-refused");
            assertThat(console.get(browser, theirs).statusCode()).isEqualTo(404);
            assertThat(console.get(browser, own).statusCode()).isEqualTo(200);
            assertThat(console.get(browser, theirs.replace("SP00000001_AA0001", "SP00000009_ZZ9999")).statusCode())
                    .as("the same answer as for a service that does not exist").isEqualTo(404);

            console.menu(browser, "nav-cards");
            assertThat(browser.present("open-card-" + theirCard)).isFalse();
            assertThat(browser.present("open-card-100000000001")).as("only its own cards").isFalse();
            browser.open(own.replace("/console/service?", "/console/card?").replaceAll("&env=[^&]*", "")
                    .replaceAll("&clientId=[^&]*", "") + "&serial=" + theirCard);
            assertThat(browser.present("not-found")).isTrue();

            console.menu(browser, "nav-dashboard");
            assertThat(browser.present("nav-audit")).as("the operator's pages are not offered").isFalse();
            browser.open(server.baseUrl() + "/console/audit");
            assertThat(browser.text("error-reason")).contains("アカウントでは利用できません");
        }
    }

    @Test
    void aServiceIsRegisteredUnderTheAdminApisRulesAndEditedWithAnUploadedJwks() throws Exception {
        String serviceId = "CU" + String.format("%04d", (int) (System.nanoTime() % 10_000));
        JsonObject refused = Api.as(server, user, password).post(SERVICES, Fixtures.aService(apiUser, "XX0001", false,
                "none", "self-info", "medical-insurance")).json();
        assertThat(refused.getString("rule")).isEqualTo("single-api-without-skip");
        try (Browser browser = console.chromium()) {
            console.signIn(browser, user, password);
            console.menu(browser, "nav-services").clickById("service-new");
            browser.type("service:serviceId", serviceId).type("service:displayName", "コンソール試験サービス")
                    .type("service:consentText", "試験のため、<予防接種>と薬剤の情報を取得します。")
                    .type("service:redirectUris", "https://rp.example/" + serviceId + "/callback")
                    .tick("service:apis", "self-info", true).tick("service:apis", "medical-insurance", true);
            browser.clickById("service:save");
            assertThat(browser.text("service:apis-error")).isEqualTo(refused.getString("detail_ja"));
            assertThat(browser.text("service:problem")).contains("single-api-without-skip");
            console.shot(browser, "21-service-rule-broken", "service:problem");

            browser.tick("service:skipFeature", true).clickById("service:save");
            assertThat(browser.text("service-notice")).contains("登録しました");
            assertThat(browser.text("service-client-id")).isEqualTo(apiUser + "_" + serviceId);

            Path jwks = Files.createTempFile("jwks", ".json");
            Files.copy(Path.of("..", "service-registry", "src", "main", "resources", "dev", "mynasim", "registry", "demo",
                    "aa0006-jwks.json"), jwks, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            browser.type("service:redirectUris", "https://rp.example/" + serviceId + "/callback\nhttp://127.0.0.1:8765/cb")
                    .type("service:consentText", "変更後の説明です。")
                    .select("service:clientAuth", "private_key_jwt").upload("service:jwksFile", jwks)
                    .select("service:consentButton", "fetch-data");
            browser.clickById("service:save");
            assertThat(browser.text("service-notice")).as(browser.page()).contains("保存しました");
            console.shot(browser, "22-service-saved");
        }
        JsonObject saved = Api.as(server, user, password).get(SERVICES + "/" + apiUser + "_" + serviceId).json();
        assertThat(saved.getJsonArray("redirectUris")).hasSize(2);
        assertThat(saved.getString("consentText")).isEqualTo("変更後の説明です。");
        assertThat(saved.getString("clientAuth")).isEqualTo("private_key_jwt");
        assertThat(saved.getString("jwks")).contains("aa0006-demo");
        assertThat(saved.getBoolean("skipFeature")).isTrue();
        assertThat(saved.getString("consentButton")).as("guideline 2.2 ③: データ取得").isEqualTo("fetch-data");
    }

    @Test
    void ownCardsFailureRulesAGroupAndTheUsageApplication() {
        Api me = Api.as(server, user, password);
        assertThat(me.post(SERVICES, Fixtures.aServiceWithSkip(apiUser, "FC0001", "self-info")).status()).isEqualTo(201);
        assertThat(me.post(SERVICES, Fixtures.aServiceWithSkip(apiUser, "FC0002", "self-info")).status()).isEqualTo(201);
        String missingParameter = me.post("/admin/api/faults", """
                {"environment": "test", "clientId": "%s_FC0001", "effect": "latency"}""".formatted(apiUser))
                .json().getString("detail_ja");
        List<String> found = new ArrayList<>();
        try (Browser browser = console.chromium()) {
            console.signIn(browser, user, password);
            Console.check(browser, "api user dashboard", found);
            console.shot(browser, "23-api-user-dashboard");

            Console.check(console.menu(browser, "nav-cards"), "api user cards", found);
            browser.type("card-new:name", "自社 花子").type("card-new:nameKana", "ジシャ ハナコ")
                    .type("card-new:birthdate", "1992-02-02").type("card-new:address", "福岡県福岡市中央区1-1")
                    .type("card-new:pin", "4321").clickById("card-new:issue");
            assertThat(browser.text("card-notice")).contains("発行しました");
            assertThat(browser.text("card-owner")).isEqualTo(apiUser);
            String serial = browser.text("card-title").replaceAll("\\D", "");
            Console.check(browser, "api user card", found);

            browser.clickById("records-self-info-vaccinations");
            browser.type("records:body", "{}").clickById("records:save");
            assertThat(browser.text("records:body-error")).isEqualTo("リクエストボディは記録の JSON 配列で指定してください");
            browser.type("records:body", """
                    [{"接種日": "2025-11-01", "ワクチン名": "インフルエンザHAワクチン", "実施機関名": "吉野内科クリニック"}]""")
                    .clickById("records:save");
            assertThat(browser.text("card-notice")).contains("記録を保存しました");
            assertThat(browser.text("records-count-self-info-vaccinations")).isEqualTo("1");
            assertThat(browser.text("records:body")).contains("吉野内科クリニック");
            Console.check(browser, "api user card with records", found);
            console.shot(browser, "27-person-records", "records-title");
            console.menu(browser, "nav-cards");
            assertThat(browser.present("open-card-" + serial)).isTrue();

            Console.check(console.menu(browser, "nav-faults"), "api user faults", found);
            browser.select("fault-new:clientId", apiUser + "_FC0001").select("fault-new:effect", "latency")
                    .clickById("fault-new:add");
            assertThat(browser.text("fault-new:parameter-error")).isEqualTo(missingParameter);
            Console.check(browser, "faults with a form error", found);
            browser.type("fault-new:parameter", "1500").select("fault-new:step", "token").clickById("fault-new:add");
            assertThat(browser.text("faults-notice")).contains("追加しました");
            String rule = me.get("/admin/api/faults?clientId=" + apiUser + "_FC0001").array().getJsonObject(0).getString("id");
            assertThat(browser.text("fault-" + rule)).contains("latency").contains("1500");
            console.shot(browser, "24-faults");
            browser.clickById("hits-" + rule);
            assertThat(browser.present("fault-hits-none")).isTrue();
            // the rule strikes once the client is known, before the (bogus) code is looked at
            Api.anonymous(server).send("POST", "/test/online-authorization-web/oauth/token",
                    "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(
                            "grant_type=authorization_code&code=none&redirect_uri=https%3A%2F%2Frp.example%2FFC0001%2Fcallback"
                                    + "&client_id=" + apiUser + "_FC0001"));
            browser.clickById("hits-" + rule);
            assertThat(browser.text("fault-hits")).as("the console speaks Japanese").contains("トークンの応答を 1500 ミリ秒遅らせました")
                    .doesNotContain("delayed");
            browser.clickById("remove-fault-" + rule);
            assertThat(browser.text("faults-notice")).contains("削除しました");
            assertThat(me.get("/admin/api/faults?clientId=" + apiUser + "_FC0001").array()).isEmpty();

            Console.check(console.menu(browser, "nav-groups"), "api user groups", found);
            browser.type("group-new:groupId", "G0007").type("group-new:displayName", "自社グループ")
                    .tick("group-new:members", apiUser + "_FC0001", true).clickById("group-new:declare");
            assertThat(browser.text("group-new:members-error")).contains("2");
            browser.tick("group-new:members", apiUser + "_FC0002", true).clickById("group-new:declare");
            assertThat(browser.text("groups-notice")).contains("グループを登録しました");
            assertThat(browser.text("group-test-" + apiUser + "_G0007")).contains(apiUser + "_FC0001").contains(apiUser + "_FC0002");
            console.shot(browser, "25-groups", "groups-title");
            browser.clickById("dissolve-test-" + apiUser + "_G0007");
            assertThat(browser.text("groups-notice")).contains("解散しました");
            assertThat(browser.present("group-test-" + apiUser + "_G0007")).isFalse();

            Console.check(console.menu(browser, "nav-applications"), "api user application (none)", found);
            browser.clickById("application-start:start");
            assertThat(browser.text("application-step")).startsWith("A-1 ");
            browser.clickById("application:declare-skip");
            assertThat(browser.text("application-skip")).isEqualTo("はい");
            browser.clickById("application:advance");
            assertThat(browser.text("application-step")).startsWith("A-2 ");
            Console.check(browser, "api user application", found);
            console.shot(browser, "26-application", "application-title");
        }
        assertThat(found).isEmpty();
    }
}
