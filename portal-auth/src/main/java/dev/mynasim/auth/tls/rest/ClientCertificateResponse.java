package dev.mynasim.auth.tls.rest;

import dev.mynasim.registry.api.PinnedCertificate;
import dev.mynasim.registry.api.RegisteredService;
import java.time.Instant;

/**
 * The certificate a registration is pinned to: {@code sha256} is its {@code x5t#S256} thumbprint (RFC 8705 §3.1).
 * When the client CA just issued it, also the certificate and the CA certificate in PEM; when the simulator made the
 * key pair, the private key (PKCS#8 PEM), shown this once and stored nowhere.
 */
public record ClientCertificateResponse(String clientId, String environment, String sha256, String subject,
                                        String issuer, Instant notAfter, Instant pinnedAt, String certificate,
                                        String caCertificate, String privateKey) {

    static ClientCertificateResponse of(RegisteredService service, String certificate, String caCertificate,
                                        String privateKey) {
        PinnedCertificate pinned = service.tlsCertificate().orElseThrow();
        return new ClientCertificateResponse(service.clientId().toString(), service.environment().path(),
                pinned.sha256(), pinned.subject(), pinned.issuer(), pinned.notAfter(), pinned.pinnedAt(), certificate,
                caCertificate, privateKey);
    }
}
