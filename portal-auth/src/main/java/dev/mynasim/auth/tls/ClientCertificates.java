package dev.mynasim.auth.tls;

import dev.mynasim.auth.api.ClientCertificateAdmin;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.card.CertificateAuthority;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.PinnedCertificate;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServiceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * TLS client certificates of Web services (RFC 8705 §2, {@code tls_client_auth}): the client CA signs a CSR, or (TEST
 * only) makes the key pair too, or a certificate from another CA the listener trusts is brought; in each case the
 * registration is then pinned to that certificate's SHA-256 thumbprint. At the token endpoints the client is who its
 * pinned certificate says, and nobody else: the thumbprint must match and the certificate be valid by the simulator
 * clock.
 */
@ApplicationScoped
public class ClientCertificates implements ClientCertificateAdmin {

    @Inject
    ClientCa ca;

    @Inject
    ServiceDirectory directory;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mynasim.tls.client-cert-validity", defaultValue = "P365D")
    String validity;

    /** The registration as the caller may see it, or not-found (DESIGN.md 9.8). */
    public RegisteredService registration(Caller caller, Environment environment, ClientId clientId) {
        return directory.find(environment, clientId).filter(s -> caller.mayAccess(clientId.apiUser()))
                .orElseThrow(() -> RuleViolation.notFound("Service", clientId + " (" + environment.path() + ")"));
    }

    /** RFC 2986: the CSR's key gets a certificate from the client CA, and the registration is pinned to it. */
    @Override
    public IssuedCertificate signRequest(Caller caller, Environment environment, ClientId clientId, String csrPem,
                                         Instant notAfter) {
        RegisteredService service = tlsRegistration(caller, environment, clientId);
        PublicKey key = SigningRequest.publicKey("csr", csrPem);
        X509Certificate certificate = issue(service, key, notAfter);
        return issued(pin(caller, service, certificate), certificate, Optional.empty());
    }

    /**
     * A key pair made by the simulator (RSA 2048) with its certificate, pinned; the private key is in the answer and
     * nowhere else. TEST only: a production key is made by its owner, who sends a CSR.
     */
    @Override
    public IssuedCertificate newKeyPair(Caller caller, Environment environment, ClientId clientId, Instant notAfter) {
        if (!makesKeyPairs(environment)) {
            throw RuleViolation.invalid("generateKey", "generated-key-test-only",
                    "The simulator makes key pairs for TEST registrations only; send a CSR (csr) instead",
                    "鍵ペアの生成は接続確認環境の登録でのみ使用できます。本番環境では CSR (csr) を送ってください");
        }
        RegisteredService service = tlsRegistration(caller, environment, clientId);
        KeyPair keys = rsa2048();
        X509Certificate certificate = issue(service, keys.getPublic(), notAfter);
        return issued(pin(caller, service, certificate), certificate,
                Optional.of(CertificateAuthority.privateKeyPem(keys.getPrivate())));
    }

    @Override
    public boolean makesKeyPairs(Environment environment) {
        return environment == Environment.TEST;
    }

    /**
     * Pins a certificate the integrator already has, from the client CA or another CA the operator added to the
     * listener's trust store (the TLS layer checks its chain; the pin decides who it is).
     */
    public RegisteredService pinExisting(Caller caller, Environment environment, ClientId clientId,
                                         X509Certificate certificate) {
        RegisteredService service = tlsRegistration(caller, environment, clientId);
        if (!clock.instant().isBefore(certificate.getNotAfter().toInstant())) {
            throw RuleViolation.invalid("certificate", "certificate-expired",
                    "The certificate expired at " + certificate.getNotAfter().toInstant(),
                    "証明書の有効期限が切れています (" + certificate.getNotAfter().toInstant() + ")");
        }
        return pin(caller, service, certificate);
    }

    @Override
    public void unpin(Caller caller, Environment environment, ClientId clientId) {
        registration(caller, environment, clientId);
        directory.pinCertificate(caller, environment, clientId, null);
    }

    /**
     * RFC 8705 §2.1.2: a {@code tls_client_auth} client authenticates with the TLS client certificate it presented,
     * which must be the one its registration is pinned to, valid by the simulator clock. Answers the certificate's
     * thumbprint, to bind the tokens to (RFC 8705 §3). Every refusal is RFC 6749 §5.2 {@code invalid_client}.
     */
    public String authenticate(RegisteredService service, PresentedCertificate presented) {
        String client = service.clientId().toString();
        if (presented.certificate().isEmpty()) {
            throw new OAuthError(401, "invalid_client", "client " + client + " authenticates with tls_client_auth "
                    + "(RFC 8705 §2): send the request with its TLS client certificate to the mutual-TLS listener "
                    + "(mtls_endpoint_aliases in the discovery document)");
        }
        PinnedCertificate pinned = service.tlsCertificate().orElseThrow(() -> new OAuthError(401, "invalid_client",
                "no TLS client certificate is registered for client " + client));
        X509Certificate certificate = presented.certificate().get();
        String thumbprint = PresentedCertificate.thumbprint(certificate);
        if (!MessageDigest.isEqual(thumbprint.getBytes(StandardCharsets.US_ASCII),
                pinned.sha256().getBytes(StandardCharsets.US_ASCII))) {
            throw new OAuthError(401, "invalid_client", "the TLS client certificate presented (x5t#S256 " + thumbprint
                    + ") is not the one registered for client " + client);
        }
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException e) {
            throw new OAuthError(401, "invalid_client", "the TLS client certificate of client " + client
                    + " expired at " + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new OAuthError(401, "invalid_client", "the TLS client certificate of client " + client
                    + " is valid only from " + certificate.getNotBefore().toInstant());
        }
        return thumbprint;
    }

    private RegisteredService tlsRegistration(Caller caller, Environment environment, ClientId clientId) {
        RegisteredService service = registration(caller, environment, clientId);
        if (service.clientAuth() != ClientAuthMethod.TLS_CLIENT_AUTH) {
            throw RuleViolation.conflict("clientAuth", "tls-certificate-unused",
                    "Service " + clientId + " authenticates with " + service.clientAuth().code()
                            + ", not tls_client_auth: register it with clientAuth tls_client_auth first",
                    "サービス " + clientId + " のクライアント認証は " + service.clientAuth().code()
                            + " です。TLS クライアント証明書を登録するには clientAuth を tls_client_auth にしてください");
        }
        return service;
    }

    /** Valid from a day back (clock skew between hosts) to notAfter, at most mynasim.tls.client-cert-validity on. */
    private X509Certificate issue(RegisteredService service, PublicKey key, Instant notAfter) {
        Instant now = clock.instant();
        Instant latest = now.plus(Duration.parse(validity));
        Instant end = notAfter == null ? latest : notAfter;
        if (!end.isAfter(now) || end.isAfter(latest)) {
            throw RuleViolation.invalid("notAfter", "validity-range",
                    "notAfter must lie between now and " + latest + " (mynasim.tls.client-cert-validity " + validity + ")",
                    "notAfter は現在から " + latest + " までの日時で指定してください (mynasim.tls.client-cert-validity "
                            + validity + ")");
        }
        return ca.authority().issueClientCertificate(key, service.clientId().toString(),
                service.environment().path(), now.minus(Duration.ofDays(1)), end);
    }

    private IssuedCertificate issued(RegisteredService service, X509Certificate certificate,
                                     Optional<String> privateKeyPem) {
        return new IssuedCertificate(service, CertificateAuthority.pem(certificate), ca.authority().certificatePem(),
                privateKeyPem);
    }

    private RegisteredService pin(Caller caller, RegisteredService service, X509Certificate certificate) {
        return directory.pinCertificate(caller, service.environment(), service.clientId(), new PinnedCertificate(
                PresentedCertificate.thumbprint(certificate), certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(), certificate.getNotAfter().toInstant(), clock.instant()));
    }

    private static KeyPair rsa2048() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required of every Java platform", e);
        }
    }
}
