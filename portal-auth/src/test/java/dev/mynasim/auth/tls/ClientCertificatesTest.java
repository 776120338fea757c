package dev.mynasim.auth.tls;

import static dev.mynasim.auth.tls.TlsFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mynasim.auth.api.ClientCertificateAdmin.IssuedCertificate;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.card.CertificateText;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.PinnedCertificate;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServiceDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RFC 8705 §2: tls_client_auth, with the registration pinned to one certificate by its SHA-256 thumbprint. */
class ClientCertificatesTest {

    private static final ClientId CLIENT = ClientId.parse("SP00000001_AA0009");
    private static final Caller OWNER = Caller.apiUser("sp00000001", new ApiUserId("SP00000001"));
    private static final Caller STRANGER = Caller.apiUser("sp00000002", new ApiUserId("SP00000002"));

    @TempDir
    Path data;

    private final Map<String, RegisteredService> registry = new HashMap<>();
    private ClientCertificates certificates;

    @BeforeEach
    void wire() {
        ClientCa ca = new ClientCa();
        ca.keystore = data.resolve("tls/client-ca.p12").toString();
        ca.password = "a-test-password";
        ca.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        certificates = new ClientCertificates();
        certificates.ca = ca;
        certificates.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        certificates.validity = "P365D";
        certificates.directory = new ServiceDirectory() {
            @Override
            public Optional<RegisteredService> find(Environment environment, ClientId clientId) {
                return Optional.ofNullable(registry.get(environment + " " + clientId));
            }

            @Override
            public RegisteredService pinCertificate(Caller caller, Environment environment, ClientId clientId,
                                                    PinnedCertificate pinned) {
                RegisteredService service = find(environment, clientId).orElseThrow();
                RegisteredService changed = service(environment, service.clientAuth(), Optional.ofNullable(pinned));
                registry.put(environment + " " + clientId, changed);
                return changed;
            }
        };
        register(Environment.TEST, ClientAuthMethod.TLS_CLIENT_AUTH);
        register(Environment.PRODUCTION, ClientAuthMethod.TLS_CLIENT_AUTH);
    }

    @Test
    void aCsrGetsAClientCertificateFromTheClientCaAndThePinFollowsIt() throws Exception {
        KeyPair keys = TlsFixtures.anEcKeyPair();

        IssuedCertificate issued = certificates.signRequest(OWNER, Environment.PRODUCTION, CLIENT, csr(keys), null);

        X509Certificate certificate = CertificateText.certificate("certificate", issued.certificatePem());
        assertThat(certificate.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=SP00000001_AA0009,OU=production,O=mynasim,C=JP");
        assertThat(certificate.getIssuerX500Principal().getName()).isEqualTo("CN=mynasim Client CA,O=mynasim,C=JP");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_clientAuth.getId());
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)));
        certificate.verify(certificates.ca.certificate().getPublicKey());
        assertThat(CertificateText.certificate("ca", issued.caCertificatePem())).isEqualTo(certificates.ca.certificate());
        assertThat(issued.privateKeyPem()).isEmpty();
        assertThat(issued.service().tlsCertificate().orElseThrow().sha256())
                .isEqualTo(PresentedCertificate.thumbprint(certificate));
        assertThat(Files.exists(data.resolve("tls/client-ca.p12"))).as("the CA is created on first use").isTrue();
    }

    @Test
    void theSimulatorMakesKeyPairsForTestRegistrationsOnly() {
        IssuedCertificate issued = certificates.newKeyPair(OWNER, Environment.TEST, CLIENT, NOW.plus(Duration.ofHours(2)));

        assertThat(issued.privateKeyPem()).get().asString().startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(CertificateText.certificate("certificate", issued.certificatePem()).getNotAfter().toInstant())
                .isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(certificates.makesKeyPairs(Environment.TEST)).isTrue();
        assertThat(certificates.makesKeyPairs(Environment.PRODUCTION)).isFalse();
        assertViolation(() -> certificates.newKeyPair(OWNER, Environment.PRODUCTION, CLIENT, null), "generated-key-test-only");
    }

    @Test
    void anotherApiUsersServiceIsNotFoundAndAServiceOfAnotherMethodTakesNoCertificate() throws Exception {
        assertViolation(() -> certificates.newKeyPair(STRANGER, Environment.TEST, CLIENT, null), "not-found");
        register(Environment.TEST, ClientAuthMethod.PRIVATE_KEY_JWT);
        assertViolation(() -> certificates.signRequest(OWNER, Environment.TEST, CLIENT, csr(TlsFixtures.anEcKeyPair()), null),
                "tls-certificate-unused");
    }

    @Test
    void theOwnerRemovesThePinAndAnotherApiUserCannot() {
        certificates.newKeyPair(OWNER, Environment.TEST, CLIENT, null);

        assertViolation(() -> certificates.unpin(STRANGER, Environment.TEST, CLIENT), "not-found");
        assertThat(registry.get(Environment.TEST + " " + CLIENT).tlsCertificate()).isPresent();
        certificates.unpin(OWNER, Environment.TEST, CLIENT);
        assertThat(registry.get(Environment.TEST + " " + CLIENT).tlsCertificate()).isEmpty();
    }

    @Test
    void aValidityBeyondTheConfiguredOneOrInThePastIsRefused() {
        assertViolation(() -> certificates.newKeyPair(OWNER, Environment.TEST, CLIENT, NOW.plus(Duration.ofDays(400))),
                "validity-range");
        assertViolation(() -> certificates.newKeyPair(OWNER, Environment.TEST, CLIENT, NOW.minusSeconds(1)),
                "validity-range");
    }

    @Test
    void rfc8705Section2TheClientIsWhoItsPinnedCertificateSays() {
        X509Certificate pinned = TlsFixtures.aClientCertificate(CLIENT.toString());
        RegisteredService service = certificates.pinExisting(OWNER, Environment.TEST, CLIENT, pinned);

        assertThat(certificates.authenticate(service, tls(pinned))).isEqualTo(PresentedCertificate.thumbprint(pinned));
        assertInvalidClient(() -> certificates.authenticate(service, PresentedCertificate.none()), "mutual-TLS listener");
        assertInvalidClient(() -> certificates.authenticate(service, tls(TlsFixtures.aClientCertificate(CLIENT.toString()))),
                "is not the one registered");
    }

    @Test
    void aPinnedCertificateExpiredByTheSimulatorClockAuthenticatesNobody() {
        X509Certificate shortLived = TlsFixtures.aClientCertificate(CLIENT.toString(), NOW.plus(Duration.ofHours(1)));
        RegisteredService service = certificates.pinExisting(OWNER, Environment.TEST, CLIENT, shortLived);

        certificates.clock = Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC);

        assertInvalidClient(() -> certificates.authenticate(service, tls(shortLived)), "expired");
    }

    @Test
    void withoutAPinNoCertificateAuthenticates() {
        RegisteredService service = registry.get(Environment.TEST + " " + CLIENT);

        assertInvalidClient(() -> certificates.authenticate(service, tls(TlsFixtures.aClientCertificate(CLIENT.toString()))),
                "no TLS client certificate is registered");
    }

    @Test
    void theClientCaIsReadBackFromItsFileAndAWrongPasswordSaysWhichKey() {
        X509Certificate first = certificates.ca.certificate();
        ClientCa again = new ClientCa();
        again.keystore = certificates.ca.keystore;
        again.password = "a-test-password";

        assertThat(again.certificate()).isEqualTo(first);
        ClientCa wrong = new ClientCa();
        wrong.keystore = certificates.ca.keystore;
        wrong.password = "wrong";
        assertThatThrownBy(wrong::certificate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mynasim.tls.client-ca.password");
    }

    private void register(Environment environment, ClientAuthMethod method) {
        registry.put(environment + " " + CLIENT, service(environment, method, Optional.empty()));
    }

    private static RegisteredService service(Environment environment, ClientAuthMethod method,
                                             Optional<PinnedCertificate> pinned) {
        return new RegisteredService(environment, CLIENT, "テスト事業者", "サービス", "同意", List.of("https://rp.example/cb"),
                null, Set.of(MynaApi.SELF_INFO), true, Optional.empty(), method, Optional.empty(), false, true, true, false,
                Optional.empty(), "RS256", pinned, Optional.empty(),
                dev.mynasim.registry.api.ConsentButton.LINK);
    }

    private static PresentedCertificate tls(X509Certificate certificate) {
        return PresentedCertificate.of(certificate, PresentedCertificate.Source.TLS);
    }

    static String csr(KeyPair keys) throws Exception {
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=ignored"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        var out = new java.io.StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(request);
        }
        return out.toString();
    }

    private static void assertViolation(org.assertj.core.api.ThrowableAssert.ThrowingCallable action, String rule) {
        assertThatThrownBy(action).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }

    private static void assertInvalidClient(org.assertj.core.api.ThrowableAssert.ThrowingCallable action, String why) {
        assertThatThrownBy(action).isInstanceOfSatisfying(OAuthError.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.error()).isEqualTo("invalid_client");
            assertThat(e.getMessage()).contains(why);
        });
    }
}
