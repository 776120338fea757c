package dev.mynasim.auth.api;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import java.time.Instant;
import java.util.Optional;

/**
 * The TLS client certificate of a {@code tls_client_auth} registration (RFC 8705 §2), as the admin API and the
 * consoles get it from the client CA and pin it: the same checks and messages on both surfaces, and an API user's
 * account reaches its own services only (another's answers not-found). The pin itself is the registration's
 * {@code tlsCertificate}.
 */
public interface ClientCertificateAdmin {

    /**
     * A certificate the client CA just issued, already pinned ({@code service} holds the pin): the certificate and the
     * CA certificate in PEM, and when the simulator made the key pair its private key (PKCS#8 PEM), in this answer
     * only and stored nowhere.
     */
    record IssuedCertificate(RegisteredService service, String certificatePem, String caCertificatePem,
                             Optional<String> privateKeyPem) {
    }

    /**
     * RFC 2986: the client CA signs the CSR's key (RSA of 2048 bits or more, or EC; its self-signature must hold) and
     * the registration is pinned to the certificate. {@code notAfter} null: the longest validity configured.
     */
    IssuedCertificate signRequest(Caller caller, Environment environment, ClientId clientId, String csrPem,
                                  Instant notAfter);

    /** TEST only: the simulator makes the key pair too; the answer carries the private key. */
    IssuedCertificate newKeyPair(Caller caller, Environment environment, ClientId clientId, Instant notAfter);

    /** True where {@link #newKeyPair} is offered: a production key is made by its owner, who sends a CSR. */
    boolean makesKeyPairs(Environment environment);

    /** Removes the pin: the service cannot authenticate until another certificate is pinned. */
    void unpin(Caller caller, Environment environment, ClientId clientId);
}
