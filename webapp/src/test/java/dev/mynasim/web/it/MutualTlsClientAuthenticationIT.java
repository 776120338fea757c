package dev.mynasim.web.it;

import static dev.mynasim.web.it.RegistryAdminApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mynasim.auth.card.CertificateAuthority;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RFC 8705 over real TLS on loopback: a {@code tls_client_auth} service gets a certificate from the client CA and is
 * pinned to it; the right certificate gets a certificate-bound token at both token endpoints, a wrong, missing or
 * expired one gets {@code invalid_client}; a bound token is refused at the data endpoints without its certificate.
 */
@ExtendWith(SharedServer.class)
class MutualTlsClientAuthenticationIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String MYNAPORTAL_TOKEN = "/test/online-authorization-web/oauth/token";

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
    void rfc8705Section2TheRightCertificateGetsACertificateBoundTokenAtTheMynaportalDoor() {
        TlsService service = aTlsService("test", "MT");
        Api.Reply issued = service.signCsr(anEcKeyPair());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        JsonObject answer = issued.json();
        Identity identity = service.identity;
        assertThat(answer.getString("sha256")).isEqualTo(thumbprint(identity.certificate()));
        assertThat(answer.getString("subject")).isEqualTo("CN=" + service.clientId + ",OU=test,O=mynasim,C=JP");
        assertThat(answer.getString("caCertificate")).isEqualTo(Api.anonymous(server).get("/ca/mynasim-client-ca.pem").body());
        assertThat(answer.get("privateKey")).as("a CSR's private key stays with its owner").isIn(null, jakarta.json.JsonValue.NULL);
        assertThat(operator.get(service.path()).json().getJsonObject("tlsCertificate").getString("sha256"))
                .isEqualTo(answer.getString("sha256"));
        JsonObject pinned = operator.get(service.path() + "/tls-certificate").json();
        assertThat(pinned.getString("sha256")).isEqualTo(answer.getString("sha256"));
        assertThat(pinned.getString("issuer")).isEqualTo("CN=mynasim Client CA,O=mynasim,C=JP");

        Api.Reply token = TlsClient.presenting(server, identity.key(), identity.certificate())
                .form(MYNAPORTAL_TOKEN, service.mynaportalForm(service.code(portal.aCard("7101"), "7101")));

        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        assertThat(Portal.claims(token.json().getString("access_token")).getJsonObject("cnf").getString("x5t#S256"))
                .isEqualTo(thumbprint(identity.certificate()));
    }

    @Test
    void aWrongOrMissingCertificateGetsInvalidClientAndLeavesTheCodeUnused() {
        TlsService service = aTlsService("test", "MW");
        service.signCsr(anEcKeyPair());
        TlsService other = aTlsService("test", "MO");
        other.signCsr(anEcKeyPair());
        Map<String, String> form = service.mynaportalForm(service.code(portal.aCard("7102"), "7102"));

        assertInvalidClient(TlsClient.presenting(server, other.identity.key(), other.identity.certificate())
                .form(MYNAPORTAL_TOKEN, form), "is not the one registered");
        assertInvalidClient(TlsClient.withoutCertificate(server).form(MYNAPORTAL_TOKEN, form), "tls_client_auth");
        assertInvalidClient(TlsClient.plain(server).form(MYNAPORTAL_TOKEN, form), "mutual-TLS listener");

        Api.Reply right = TlsClient.presenting(server, service.identity.key(), service.identity.certificate())
                .form(MYNAPORTAL_TOKEN, form);
        assertThat(right.status()).as("client authentication comes before the code is redeemed: " + right).isEqualTo(200);
    }

    @Test
    void aCertificateExpiredByTheSimulatorClockGetsInvalidClient() {
        TlsService service = aTlsService("test", "ME");
        AdminClock clock = new AdminClock(server);
        Instant notAfter = clock.now().plus(Duration.ofHours(1));
        Api.Reply issued = operator.post(service.path() + "/tls-certificate",
                "{\"generateKey\": true, \"notAfter\": \"" + notAfter + "\"}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        Identity identity = Identity.of(issued.json());
        TlsClient client = TlsClient.presenting(server, identity.key(), identity.certificate());
        String card = portal.aCard("7103");
        try {
            clock.move(Duration.ofHours(2));
            Map<String, String> form = service.mynaportalForm(service.code(card, "7103"));

            // the TLS layer judges by the real clock and lets it through; the simulator's clock says it has expired
            assertInvalidClient(client.form(MYNAPORTAL_TOKEN, form), "expired");
        } finally {
            clock.reset();
        }
    }

    @Test
    void certificatesTheListenerDoesNotTrustNeverGetPastTheHandshake() throws Exception {
        TlsService service = aTlsService("test", "MH");
        service.signCsr(anEcKeyPair());
        Map<String, String> form = service.mynaportalForm("any-code");
        KeyPair keys = anEcKeyPair();
        Instant now = Instant.now();
        X509Certificate reallyExpired = server.tls().clientCa().issueClientCertificate(keys.getPublic(),
                service.clientId, "test", now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
        X509Certificate untrusted = CertificateAuthority.generate(now, "Untrusted CA").issueClientCertificate(
                keys.getPublic(), service.clientId, "test", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));

        assertThatThrownBy(() -> TlsClient.presenting(server, keys.getPrivate(), reallyExpired).form(MYNAPORTAL_TOKEN, form))
                .as("a certificate expired by the real clock fails the handshake").isInstanceOf(TlsClient.HandshakeRefused.class);
        assertThatThrownBy(() -> TlsClient.presenting(server, keys.getPrivate(), untrusted).form(MYNAPORTAL_TOKEN, form))
                .as("a CA outside the trust store fails the handshake").isInstanceOf(TlsClient.HandshakeRefused.class);
    }

    @Test
    void rfc8705Section3ABoundTokenIsRefusedAtTheDataEndpointsWithoutItsCertificate() {
        TlsService service = aTlsService("test", "MD");
        service.signCsr(anEcKeyPair());
        TlsService other = aTlsService("test", "MX");
        other.signCsr(anEcKeyPair());
        TlsClient withCertificate = TlsClient.presenting(server, service.identity.key(), service.identity.certificate());
        String token = withCertificate.form(MYNAPORTAL_TOKEN, service.mynaportalForm(service.code(portal.aCard("7104"), "7104")))
                .json().getString("access_token");

        Api.Reply accepted = withCertificate.json("/test/online-resource-web/request", token, service.requestTelegram());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().getJsonObject("commonHeader").getString("processId")).isNotBlank();

        Api.Reply plain = TlsClient.plain(server).json("/test/online-resource-web/request", token, service.requestTelegram());
        assertThat(plain.status()).as(plain.toString()).isEqualTo(401);
        assertThat(plain.json().getJsonObject("commonHeader").getString("errorCode")).isEqualTo("EAU0001");
        assertThat(plain.raw().headers().firstValue("WWW-Authenticate").orElseThrow())
                .contains("error=\"invalid_token\"", "RFC 8705");
        Api.Reply wrong = TlsClient.presenting(server, other.identity.key(), other.identity.certificate())
                .json("/test/online-resource-web/request", token, service.requestTelegram());
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
        assertThat(wrong.json().getJsonObject("commonHeader").getString("errorCode")).isEqualTo("EAU0001");
    }

    @Test
    void theOpenIdConnectDoorAuthenticatesTlsClientsAndBindsEveryTokenItIssues() {
        TlsService service = aTlsService("test", "MC");
        service.signCsr(anEcKeyPair());
        TlsClient withCertificate = TlsClient.presenting(server, service.identity.key(), service.identity.certificate());
        String verifier = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
        String card = portal.aCard("7105");
        HeadlessClient.Answer answer = new HeadlessClient(server).get("/test/oidc/authorize?response_type=code"
                + "&client_id=" + service.clientId + "&redirect_uri=" + Portal.encode(service.redirectUri)
                + "&scope=" + Portal.encode("openid self-info") + "&state=s&nonce=n&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256&" + HeadlessClient.cardAndConsent(card, "7105", "approve"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", answer.query().get("code"));
        form.put("redirect_uri", service.redirectUri);
        form.put("client_id", service.clientId);
        form.put("code_verifier", verifier);

        assertInvalidClient(TlsClient.withoutCertificate(server).form("/test/oidc/token", form), "tls_client_auth");
        Api.Reply tokens = withCertificate.form("/test/oidc/token", form);
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        String access = tokens.json().getString("access_token");
        String thumbprint = thumbprint(service.identity.certificate());
        assertThat(Portal.claims(access).getJsonObject("cnf").getString("x5t#S256")).isEqualTo(thumbprint);

        assertThat(withCertificate.get("/test/api/v1/self-info/vaccinations", access).status()).isEqualTo(200);
        Api.Reply refused = TlsClient.plain(server).get("/test/api/v1/self-info/vaccinations", access);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getString("rule")).isEqualTo("EAU0001");
        assertThat(withCertificate.get("/test/oidc/userinfo", access).status()).isEqualTo(200);
        assertThat(TlsClient.plain(server).get("/test/oidc/userinfo", access).status()).isEqualTo(401);

        JsonObject introspection = withCertificate.form("/test/oidc/introspect",
                Map.of("token", access, "client_id", service.clientId)).json();
        assertThat(introspection.getBoolean("active")).isTrue();
        assertThat(introspection.getJsonObject("cnf").getString("x5t#S256")).isEqualTo(thumbprint);

        Api.Reply refreshed = withCertificate.form("/test/oidc/token", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.json().getString("refresh_token"), "client_id", service.clientId));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(Portal.claims(refreshed.json().getString("access_token")).getJsonObject("cnf").getString("x5t#S256"))
                .isEqualTo(thumbprint);
    }

    @Test
    void theDiscoveryDocumentAdvertisesCertificateBoundTokensAndTheMtlsAliases() {
        JsonObject metadata = Api.anonymous(server).get("/test/.well-known/openid-configuration").json();

        assertThat(metadata.getBoolean("tls_client_certificate_bound_access_tokens")).isTrue();
        assertThat(metadata.getJsonArray("token_endpoint_auth_methods_supported").toString()).contains("\"tls_client_auth\"");
        JsonObject aliases = metadata.getJsonObject("mtls_endpoint_aliases");
        assertThat(aliases.getString("token_endpoint")).isEqualTo(server.tlsUrl() + "/test/oidc/token");
        assertThat(aliases.getString("introspection_endpoint")).isEqualTo(server.tlsUrl() + "/test/oidc/introspect");
        assertThat(aliases.getString("revocation_endpoint")).isEqualTo(server.tlsUrl() + "/test/oidc/revoke");
        assertThat(aliases.getString("userinfo_endpoint")).isEqualTo(server.tlsUrl() + "/test/oidc/userinfo");
    }

    @Test
    void aGeneratedKeyPairWorksAndACertificateOfAnImportedCaCanBePinned() throws Exception {
        TlsService service = aTlsService("test", "MG");
        Api.Reply generated = operator.post(service.path() + "/tls-certificate", "{\"generateKey\": true}");
        assertThat(generated.status()).as(generated.toString()).isEqualTo(201);
        assertThat(generated.raw().headers().firstValue("Cache-Control")).contains("no-store");
        Identity made = Identity.of(generated.json());
        assertThat(TlsClient.presenting(server, made.key(), made.certificate())
                .form(MYNAPORTAL_TOKEN, service.mynaportalForm(service.code(portal.aCard("7106"), "7106"))).status())
                .isEqualTo(200);

        KeyPair keys = anEcKeyPair();
        Instant now = Instant.now();
        X509Certificate partner = server.tls().partnerCa().issueClientCertificate(keys.getPublic(), "partner-client",
                "test", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        Api.Reply pinned = operator.post(service.path() + "/tls-certificate",
                "{\"certificate\": \"" + CertificateAuthority.pem(partner).replace("\n", "\\n") + "\"}");
        assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
        assertThat(pinned.json().getString("issuer")).isEqualTo("CN=Partner Integrator CA,O=partner,C=JP");

        Map<String, String> form = service.mynaportalForm(service.code(portal.aCard("7107"), "7107"));
        assertInvalidClient(TlsClient.presenting(server, made.key(), made.certificate()).form(MYNAPORTAL_TOKEN, form),
                "is not the one registered");
        assertThat(TlsClient.presenting(server, keys.getPrivate(), partner).form(MYNAPORTAL_TOKEN, form).status())
                .isEqualTo(200);
    }

    @Test
    void theCertificateSurfaceKeepsItsRules() {
        TlsService production = aTlsService("production", "MP");
        assertProblem(operator.post(production.path() + "/tls-certificate", "{\"generateKey\": true}"), 400,
                "generated-key-test-only", "generateKey");
        assertThat(production.signCsr(anEcKeyPair()).status()).as("a CSR works in production").isEqualTo(201);
        assertProblem(operator.post(production.path() + "/tls-certificate", "{\"generateKey\": true, \"csr\": \"x\"}"),
                400, "certificate-source", "csr");
        assertProblem(operator.post(production.path() + "/tls-certificate", "{\"csr\": \"not a csr\"}"), 400,
                "csr-format", "csr");
        assertProblem(Api.as(server, "sp00000002", "demo-password-2").get(production.path() + "/tls-certificate"), 404,
                "not-found", null);
        assertProblem(operator.post("/admin/api/environments/test/services/SP00000001_AA0001/tls-certificate",
                "{\"generateKey\": true}"), 409, "tls-certificate-unused", "clientAuth");

        assertThat(operator.delete(production.path() + "/tls-certificate").status()).isEqualTo(204);
        assertProblem(operator.get(production.path() + "/tls-certificate"), 404, "not-found", null);
        assertThat(operator.get(production.path()).json().get("tlsCertificate")).isIn(null, jakarta.json.JsonValue.NULL);
    }

    // ---- fixtures ----

    /** A tls_client_auth service (skip feature, self-info; headless in TEST) of a new API user. */
    private TlsService aTlsService(String environment, String prefix) {
        String apiUserId = Fixtures.anApiUserId();
        assertThat(operator.post("/admin/api/api-users", Fixtures.anApiUser(apiUserId)).status()).isEqualTo(201);
        String serviceId = prefix + String.format("%04d", SEQUENCE.incrementAndGet());
        String body = Fixtures.aService(apiUserId, serviceId, true, "tls_client_auth", "self-info")
                .replace("\"clientAuth\": \"tls_client_auth\"}", "\"clientAuth\": \"tls_client_auth\", \"headless\": "
                        + environment.equals("test") + "}");
        Api.Reply created = operator.post("/admin/api/environments/" + environment + "/services", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new TlsService(environment, apiUserId, apiUserId + "_" + serviceId,
                "https://rp.example/" + serviceId + "/callback");
    }

    private final class TlsService {
        final String environment;
        final String apiUserId;
        final String clientId;
        final String redirectUri;
        Identity identity;

        TlsService(String environment, String apiUserId, String clientId, String redirectUri) {
            this.environment = environment;
            this.apiUserId = apiUserId;
            this.clientId = clientId;
            this.redirectUri = redirectUri;
        }

        String path() {
            return "/admin/api/environments/" + environment + "/services/" + clientId;
        }

        /** A CSR of a fresh key sent to the client CA; the key and the issued certificate become this service's. */
        Api.Reply signCsr(KeyPair keys) {
            Api.Reply issued = operator.post(path() + "/tls-certificate",
                    "{\"csr\": \"" + csr(keys).replace("\n", "\\n") + "\"}");
            if (issued.status() == 201) {
                identity = new Identity(keys.getPrivate(), certificate(issued.json().getString("certificate")));
            }
            return issued;
        }

        String code(String card, String pin) {
            HeadlessClient.Answer answer = new HeadlessClient(server).get("/test/online-authorization-web/oauth/authorize"
                    + "?response_type=code&client_id=" + clientId + "&redirect_uri=" + Portal.encode(redirectUri)
                    + "&state=s&login_type=0&" + HeadlessClient.cardAndConsent(card, pin, "approve"));
            assertThat(answer.query()).as(answer.toString()).containsKey("code");
            return answer.query().get("code");
        }

        Map<String, String> mynaportalForm(String code) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("code", code);
            form.put("redirect_uri", redirectUri);
            form.put("client_id", clientId);
            return form;
        }

        String requestTelegram() {
            String telegramId = "TL-" + apiUserId.substring(2) + "-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyMMddHHmmss")) + "-"
                    + String.format("%04d", SEQUENCE.incrementAndGet() % 10_000);
            return """
                    {"commonHeader": {"telegramId": "%s", "telegramType": "IFA0301-R01", "mode": "1", "processId": "",
                     "errorCode": ""}, "selfProvisionDataReqInfo": {"inquiryCondition": "Date=20200101"}}
                    """.formatted(telegramId);
        }
    }

    /** A client's private key and certificate. */
    record Identity(PrivateKey key, X509Certificate certificate) {

        /** From the answer that carries a generated key pair (PKCS#8 PEM) and its certificate. */
        static Identity of(JsonObject issued) {
            try {
                String pem = issued.getString("privateKey").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
                return new Identity(key, MutualTlsClientAuthenticationIT.certificate(issued.getString("certificate")));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair anEcKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#10 request as {@code openssl req -new} writes it; the subject is ignored by the client CA. */
    static String csr(KeyPair keys) {
        try {
            var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=my-service"), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            StringWriter out = new StringWriter();
            try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
                pem.writeObject(request);
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String thumbprint(X509Certificate certificate) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertInvalidClient(Api.Reply reply, String why) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.json().getString("error")).isEqualTo("invalid_client");
        assertThat(reply.json().getString("error_description")).contains(why);
    }
}
