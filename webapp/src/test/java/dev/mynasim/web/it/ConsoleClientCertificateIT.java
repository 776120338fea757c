package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8 in the API-user console: a {@code tls_client_auth} service gets its TLS client certificate on its page (a
 * CSR signed by the client CA, or in TEST a key pair the simulator makes, its private key offered once and never
 * cached), the page shows the pin by its {@code x5t#S256} thumbprint, and the pin can be removed; the forms show the
 * admin API's messages next to the field, and another API user's service stays unreachable (DESIGN.md 9.8).
 */
@ExtendWith(SharedServer.class)
class ConsoleClientCertificateIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SharedServer.Server server;
    private Console console;
    private String apiUser;
    private String user;
    private String password;
    private Api me;

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
        me = Api.as(server, user, password);
    }

    @Test
    void aCsrGetsACertificateFromTheClientCaThePagePinsItByItsThumbprintAndThePinIsRemoved() throws Exception {
        String clientId = aTlsService("test", "TC0001");
        String path = "/admin/api/environments/test/services/" + clientId + "/tls-certificate";
        String notACsr = me.post(path, "{\"csr\": \"not a csr\"}").json().getString("detail_ja");
        KeyPair keys = MutualTlsClientAuthenticationIT.anEcKeyPair();
        List<String> found = new ArrayList<>();
        try (Browser browser = console.chromium()) {
            openService(browser, "test", clientId);
            assertThat(browser.text("tls-none")).isEqualTo("証明書が登録されていません");
            assertThat(browser.present("service-tls-remove:remove")).as("nothing to remove").isFalse();
            Console.check(browser, "service without a certificate", found);

            browser.type("service-tls:csr", "not a csr").clickById("service-tls:sign");
            assertThat(browser.text("service-tls:csr-error")).isEqualTo(notACsr);
            assertThat(browser.text("service-tls:problem")).contains("csr-format");
            assertThat(browser.attribute("#service-tls\\:csr", "aria-invalid")).isEqualTo("true");
            Console.check(browser, "service with a malformed CSR", found);

            browser.type("service-tls:csr", rsaCsr(1024)).clickById("service-tls:sign");
            assertThat(browser.text("service-tls:csr-error")).contains("2048 ビット以上の RSA 鍵か EC 鍵");
            assertThat(browser.text("service-tls:problem")).contains("csr-key");
            assertThat(browser.present("tls-none")).as("a refused CSR changes nothing").isTrue();
            console.shot(browser, "29-service-tls-csr-refused", "service-tls-title");

            Path csrFile = Files.createTempFile("client", ".csr");
            Files.writeString(csrFile, MutualTlsClientAuthenticationIT.csr(keys));
            browser.upload("service-tls:csrFile", csrFile).clickById("service-tls:sign");
            assertThat(browser.present("service-tls:problem")).as("the uploaded file, not the field's weak CSR")
                    .isFalse();
            X509Certificate issued = MutualTlsClientAuthenticationIT.certificate(browser.attribute("#tls-certificate", "value"));
            String thumbprint = MutualTlsClientAuthenticationIT.thumbprint(issued);
            assertThat(issued.getPublicKey()).isEqualTo(keys.getPublic());
            assertThat(browser.text("tls-sha256")).isEqualTo(thumbprint);
            assertThat(browser.text("tls-subject")).isEqualTo("CN=" + clientId + ",OU=test,O=mynasim,C=JP");
            assertThat(browser.text("tls-issuer")).isEqualTo("CN=mynasim Client CA,O=mynasim,C=JP");
            assertThat(browser.text("tls-not-after")).isNotBlank();
            assertThat(MutualTlsClientAuthenticationIT.certificate(browser.attribute("#tls-ca-certificate", "value")))
                    .isEqualTo(MutualTlsClientAuthenticationIT.certificate(Api.anonymous(server)
                            .get("/ca/mynasim-client-ca.pem").body()));
            assertThat(browser.present("tls-private-key")).as("the integrator holds the key").isFalse();
            assertThat(browser.attribute("#tls-certificate-download", "download")).isEqualTo(clientId + ".pem");
            assertThat(me.get(path).json().getString("sha256")).isEqualTo(thumbprint);
            Console.check(browser, "service with an issued certificate", found);
            console.shot(browser, "28-service-tls-certificate", "service-tls-title");

            openService(browser, "test", clientId);
            assertThat(browser.present("tls-issued")).as("the issued PEM is shown with the answer only").isFalse();
            assertThat(browser.text("tls-sha256")).isEqualTo(thumbprint);

            browser.click("tls-remove-open").clickById("service-tls-remove:remove");
            assertThat(browser.text("service-notice")).contains("登録を解除しました");
            assertThat(browser.text("tls-none")).isEqualTo("証明書が登録されていません");
            assertThat(me.get(path).status()).isEqualTo(404);
        }
        assertThat(found).isEmpty();
    }

    @Test
    void inTestAGeneratedKeyPairIsDownloadedOnceUncachedAndProductionOffersNoneOfIt() throws Exception {
        String clientId = aTlsService("test", "TK0001");
        String path = "/admin/api/environments/test/services/" + clientId + "/tls-certificate";
        String production = aTlsService("production", "TK0002");
        try (Browser browser = console.chromium()) {
            openService(browser, "test", clientId);
            browser.clickById("service-tls-key:generate");
            assertThat(browser.text("tls-issued")).contains("秘密鍵はこの画面でのみ表示");
            assertThat(browser.attribute("#tls-private-key-download", "download")).isEqualTo(clientId + "-key.pem");
            browser.click("tls-private-key-download");
            String keyPem = browser.downloaded(clientId + "-key.pem");
            assertThat(keyPem).startsWith("-----BEGIN PRIVATE KEY-----").isEqualTo(browser.attribute("#tls-private-key", "value"));
            X509Certificate issued = MutualTlsClientAuthenticationIT.certificate(browser.attribute("#tls-certificate", "value"));
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getMimeDecoder().decode(keyPem.replaceAll("-----[A-Z ]+-----", ""))));
            assertThat(key.getModulus()).as("the key of the certificate").isEqualTo(((RSAPublicKey) issued.getPublicKey()).getModulus());
            assertThat(browser.text("tls-sha256")).isEqualTo(MutualTlsClientAuthenticationIT.thumbprint(issued))
                    .isEqualTo(me.get(path).json().getString("sha256"));

            HttpResponse<String> again = post(browser, "service-tls-key", "generate");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("-----BEGIN PRIVATE KEY-----");
            assertThat(again.headers().firstValue("Cache-Control")).as("a private key is never cached").hasValue("no-store");

            openService(browser, "test", clientId);
            assertThat(browser.present("tls-private-key")).as("offered once").isFalse();
            assertThat(browser.page()).doesNotContain("BEGIN PRIVATE KEY");

            openService(browser, "production", production);
            assertThat(browser.present("service-tls:csr")).isTrue();
            assertThat(browser.present("service-tls-key:generate")).as("TEST only").isFalse();
        }
    }

    @Test
    void anotherApiUsersTlsServiceIsNotThere() {
        String clientId = aTlsService("test", "TX0001");
        try (Browser browser = console.chromium()) {
            console.signIn(browser, "sp00000002", "demo-password-2");
            console.menu(browser, "nav-services");
            String own = browser.href("open-test-SP00000002_BB0001");
            String theirs = own.replace("SP00000002_BB0001", clientId);
            browser.open(theirs);
            assertThat(browser.present("not-found")).isTrue();
            assertThat(browser.present("service-tls:csr")).isFalse();
            assertThat(console.get(browser, theirs).statusCode()).isEqualTo(404);
        }
    }

    /** A tls_client_auth service of the API user, registered through the admin API; answers its client id. */
    private String aTlsService(String environment, String serviceId) {
        Api.Reply created = me.post("/admin/api/environments/" + environment + "/services",
                Fixtures.aService(apiUser, serviceId, true, "tls_client_auth", "self-info"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return apiUser + "_" + serviceId;
    }

    /** Signs in when needed and opens the service from the list, as a user does. */
    private void openService(Browser browser, String environment, String clientId) {
        if (!browser.present("nav-services")) {
            console.signIn(browser, user, password);
        }
        console.menu(browser, "nav-services").clickById("open-" + environment + "-" + clientId);
        assertThat(browser.text("service-client-id")).isEqualTo(clientId);
    }

    /** The form's button pressed outside the browser, with its session and view state, to see the answer's headers. */
    private HttpResponse<String> post(Browser browser, String form, String button) throws IOException, InterruptedException {
        String action = browser.attribute("form#" + form, "action");
        String viewState = browser.attribute("form#" + form + " input[name='jakarta.faces.ViewState']", "value");
        String body = form + "=" + form + "&" + URLEncoder.encode(form + ":" + button, StandardCharsets.UTF_8) + "=x"
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(viewState, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(action))
                .header("Cookie", "mynasim_console=" + browser.cookie("mynasim_console").orElseThrow())
                .header("Origin", server.baseUrl()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A CSR of an RSA key of the given size, as openssl writes it. */
    private static String rsaCsr(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        KeyPair keys = generator.generateKeyPair();
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=weak"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate()));
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(request);
        }
        return out.toString();
    }
}
