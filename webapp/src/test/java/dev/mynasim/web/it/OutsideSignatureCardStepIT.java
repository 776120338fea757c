package dev.mynasim.web.it;

import static dev.mynasim.web.it.RegistryAdminApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Card tooling for integrators who build their own card-reading path: a card's key and certificate exported as
 * PKCS#12, and the card step completed with a signature made outside the simulator (read the challenge, post the
 * signature), with the page's checks; then case 2 (guideline 2.2) goes on as with a page read.
 */
@ExtendWith(SharedServer.class)
class OutsideSignatureCardStepIT {

    private static final String PASSWORD = "an-export-password";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private SharedServer.Server server;
    private Api operator;
    private Portal portal;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        operator = Api.operator(server);
        portal = new Portal(server);
    }

    @Test
    void aChallengeSignedOutsideWithTheExportedKeyCompletesCaseTwo() throws Exception {
        Group group = aGroupOfTwo();
        String serial = aCardOf(group.apiUserId(), "8101");
        CardKey card = export(serial);
        HeadlessClient browser = new HeadlessClient(server);

        HeadlessClient.Answer first = browser.get(group.authorize(0, "c2-1", "mynasim_consent=approve"));
        String tx = transaction(first);
        String challenge = challenge(browser, tx);
        HeadlessClient.Answer signed = browser.post(cardStep(tx, "signature"), "application/json",
                signatureBody(card.certificate(), sign(card.key(), challenge)));

        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        JsonObject answer = json(signed.body());
        assertThat(answer.getBoolean("verified")).isTrue();
        assertThat(answer.getString("location")).as("the consent preset completed consent")
                .startsWith(group.redirectUri(0) + "?code=");
        assertThat(browser.cookie("mynasim_vs_test")).as("the verification session starts as after a page read").isPresent();
        JsonObject firstToken = Portal.claims(exchange(group, 0, code(answer.getString("location"))));

        HeadlessClient.Answer second = browser.get(group.authorize(1, "c2-2", "mynasim_consent=approve"));
        assertThat(second.query()).as("the second service of the group skips the card step: " + second).containsKey("code");
        JsonObject secondToken = Portal.claims(exchange(group, 1, second.query().get("code")));

        assertThat(firstToken.getBoolean("verification_skipped")).isFalse();
        assertThat(secondToken.getBoolean("verification_skipped")).isTrue();
        assertThat(secondToken.getJsonNumber("auth_time").longValue())
                .isEqualTo(firstToken.getJsonNumber("auth_time").longValue());
        assertThat(secondToken.getString("sub")).isEqualTo(firstToken.getString("sub"));
        assertThat(operator.get("/admin/api/audit?subject=card/" + serial + "&action=verification.card-read").array())
                .singleElement().satisfies(r -> assertThat(r.asJsonObject().getString("actor")).isEqualTo("outside-signature"));
    }

    @Test
    void withoutAConsentPresetTheBrowserGoesOnToTheConsentPage() throws Exception {
        Group group = aGroupOfTwo();
        CardKey card = export(aCardOf(group.apiUserId(), "8102"));
        HeadlessClient browser = new HeadlessClient(server);
        String tx = transaction(browser.get(group.authorize(0, "np", null)));

        HeadlessClient.Answer signed = browser.post(cardStep(tx, "signature"), "application/json",
                signatureBody(card.certificate(), sign(card.key(), challenge(browser, tx))));

        assertThat(json(signed.body()).getString("location")).isEqualTo(server.baseUrl() + "/portal/consent.xhtml?tx=" + tx);
    }

    @Test
    void theSameChecksAsThePageExceptThePin() throws Exception {
        Group group = aGroupOfTwo();
        String serial = aCardOf(group.apiUserId(), "8103");
        CardKey card = export(serial);
        HeadlessClient browser = new HeadlessClient(server);
        String tx = transaction(browser.get(group.authorize(0, "checks", null)));

        String challenge = challenge(browser, tx);
        assertRefused(browser.post(cardStep(tx, "signature"), "application/json",
                signatureBody(card.certificate(), sign(card.key(), challenge + "x"))), 403, "certificate-signature-invalid");
        assertRefused(browser.post(cardStep(tx, "signature"), "application/json",
                signatureBody(card.certificate(), sign(card.key(), challenge))), 409, "challenge-required");

        String otherUsersCard = aCardOf(aGroupOfTwo().apiUserId(), "8104");
        CardKey foreign = export(otherUsersCard);
        assertRefused(browser.post(cardStep(tx, "signature"), "application/json", signatureBody(foreign.certificate(),
                sign(foreign.key(), challenge(browser, tx)))), 403, "card-unknown");

        assertThat(operator.post("/admin/api/cards/" + serial + "/lock", "").status()).isEqualTo(200);
        assertRefused(browser.post(cardStep(tx, "signature"), "application/json", signatureBody(card.certificate(),
                sign(card.key(), challenge(browser, tx)))), 403, "card-locked");
        assertThat(operator.post("/admin/api/cards/" + serial + "/unlock", "").status()).isEqualTo(200);

        assertThat(operator.post("/admin/api/cards/" + serial + "/revoke", "").status()).isEqualTo(200);
        assertRefused(browser.post(cardStep(tx, "signature"), "application/json", signatureBody(card.certificate(),
                sign(card.key(), challenge(browser, tx)))), 403, "certificate-revoked");

        assertRefused(browser.post(cardStep(tx, "signature"), "application/json", "{\"certificate\": \"x\", "
                + "\"signature\": \"AAAA\"}"), 400, "certificate-format");
        assertRefused(browser.get(cardStep("no-such-transaction", "challenge")), 404, "not-found");
    }

    @Test
    void theOutsideSignatureIsForTheTestEnvironmentAndAnExportedCardServesNothingElse() throws Exception {
        String serial = portal.aCard("8105");
        export(serial);
        try (Browser browser = Browser.htmlUnit(server)) {
            portal.authorize(browser, Portal.PRODUCTION, "AA0001", "exported", null);
            assertThat(browser.onCardStep()).isTrue();
            String tx = URI.create(browser.url()).getQuery().replace("tx=", "");
            assertRefused(new HeadlessClient(server).get("/production/online-authorization-web/card-step/" + tx
                    + "/challenge"), 403, "outside-signature-test-only");

            browser.readCard(serial, "8105");

            assertThat(browser.onCardStep()).isTrue();
            assertThat(browser.cardMessage()).contains("エクスポート");
        }
        assertThat(operator.get("/admin/api/cards/" + serial).json().getString("exportedAt")).isNotBlank();
    }

    @Test
    void theOperatorOrTheApiUserThatOwnsTheCardExportsIt() throws Exception {
        String apiUserId = Fixtures.anApiUserId();
        assertThat(operator.post("/admin/api/api-users", Fixtures.anApiUser(apiUserId)).status()).isEqualTo(201);
        assertThat(operator.post("/admin/api/accounts", """
                {"username": "%s", "password": "password-of-%s", "apiUserId": "%s"}
                """.formatted(apiUserId.toLowerCase(), apiUserId, apiUserId)).status()).isEqualTo(201);
        Api owner = Api.as(server, apiUserId.toLowerCase(), "password-of-" + apiUserId);
        Api.Reply created = owner.post("/admin/api/cards", """
                {"pin": "8106", "name": "試験 次郎", "nameKana": "シケン ジロウ", "birthdate": "1985-05-05",
                 "gender": "male", "address": "東京都千代田区霞が関1-1-1"}
                """);
        String own = created.json().getString("serial");

        assertThat(pkcs12(apiUserId.toLowerCase(), "password-of-" + apiUserId, own, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(pkcs12(apiUserId.toLowerCase(), "password-of-" + apiUserId, "100000000001", PASSWORD).statusCode())
                .as("a global card is not the API user's").isEqualTo(404);
        assertThat(pkcs12("sp00000002", "demo-password-2", own, PASSWORD).statusCode()).isEqualTo(404);
        assertProblem(owner.post("/admin/api/cards/" + own + "/pkcs12", "{\"password\": \"short\"}"), 400,
                "pkcs12-password-length", "password");
    }

    // ---- fixtures ----

    /** Two grouped TEST services of a new API user (skip feature, headless, client authentication none). */
    private Group aGroupOfTwo() {
        String apiUserId = Fixtures.anApiUserId();
        assertThat(operator.post("/admin/api/api-users", Fixtures.anApiUser(apiUserId)).status()).isEqualTo(201);
        String[] services = new String[2];
        for (int i = 0; i < 2; i++) {
            services[i] = "OS" + String.format("%04d", SEQUENCE.incrementAndGet());
            Api.Reply created = operator.post("/admin/api/environments/test/services",
                    Fixtures.aHeadlessService(apiUserId, services[i], "self-info"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        assertThat(operator.post("/admin/api/environments/test/groups", Fixtures.aGroup(apiUserId, "G0001",
                apiUserId + "_" + services[0], apiUserId + "_" + services[1])).status()).isEqualTo(201);
        return new Group(apiUserId, services);
    }

    private record Group(String apiUserId, String[] services) {
        String clientId(int i) {
            return apiUserId + "_" + services[i];
        }

        String redirectUri(int i) {
            return "https://rp.example/" + services[i] + "/callback";
        }

        String authorize(int i, String state, String extra) {
            return "/test/online-authorization-web/oauth/authorize?response_type=code&client_id=" + clientId(i)
                    + "&redirect_uri=" + Portal.encode(redirectUri(i)) + "&state=" + state + "&login_type=0"
                    + (extra == null ? "" : "&" + extra);
        }
    }

    private String aCardOf(String apiUserId, String pin) {
        return portal.aCard(pin, "\"apiUserId\": \"" + apiUserId + "\"");
    }

    /** A card's key and certificate, as the integrator's own signing code holds them. */
    private record CardKey(PrivateKey key, X509Certificate certificate) {
    }

    private CardKey export(String serial) throws Exception {
        HttpResponse<byte[]> file = pkcs12(Api.OPERATOR, Api.OPERATOR_PASSWORD, serial, PASSWORD);
        assertThat(file.statusCode()).as(new String(file.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).get().asString().startsWith("application/x-pkcs12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(file.body()), PASSWORD.toCharArray());
        assertThat(store.getCertificateChain(serial)).as("the card's certificate and the test CA's").hasSize(2);
        return new CardKey((PrivateKey) store.getKey(serial, PASSWORD.toCharArray()),
                (X509Certificate) store.getCertificate(serial));
    }

    private HttpResponse<byte[]> pkcs12(String user, String password, String serial, String filePassword)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/admin/api/cards/" + serial + "/pkcs12"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"password\": \"" + filePassword + "\"}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String transaction(HeadlessClient.Answer answer) {
        assertThat(answer.target()).as(answer.toString()).endsWith("/portal/verify.xhtml");
        return answer.query().get("tx");
    }

    private static String cardStep(String tx, String call) {
        return "/test/online-authorization-web/card-step/" + tx + "/" + call;
    }

    private static String challenge(HeadlessClient browser, String tx) {
        HeadlessClient.Answer answer = browser.get(cardStep(tx, "challenge"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonObject challenge = json(answer.body());
        assertThat(challenge.getString("alg")).isEqualTo("RS256");
        return challenge.getString("challenge");
    }

    /** RS256 (RFC 7518 §3.3) over the ASCII bytes of the challenge, base64url: what the integrator's code does. */
    private static String sign(PrivateKey key, String challenge) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(challenge.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    }

    private static String signatureBody(X509Certificate certificate, String signature) throws Exception {
        return "{\"certificate\": \"" + Base64.getEncoder().encodeToString(certificate.getEncoded())
                + "\", \"signature\": \"" + signature + "\", \"alg\": \"RS256\"}";
    }

    private String exchange(Group group, int i, String code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", group.redirectUri(i));
        form.put("client_id", group.clientId(i));
        Api.Reply token = portal.token("test", form);
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return token.json().getString("access_token");
    }

    private static String code(String location) {
        return java.net.URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static void assertRefused(HeadlessClient.Answer answer, int status, String rule) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonObject problem = json(answer.body());
        assertThat(problem.getString("rule")).as(answer.toString()).isEqualTo(rule);
        assertThat(problem.getString("detail_ja")).isNotBlank();
    }
}
