package dev.mynasim.registry.api;

import java.util.Optional;

/** Looks up Web service registrations for the portal; implemented by the registry. */
public interface ServiceDirectory {

    Optional<RegisteredService> find(Environment environment, ClientId clientId);

    /**
     * Pins a {@code tls_client_auth} registration to one TLS client certificate (RFC 8705 §2), replacing the one before,
     * or removes the pin ({@code null}); audited. A caller reaches only its own API user's services (another's answers
     * not-found, DESIGN.md 9.8); a registration with another client authentication method answers
     * {@code tls-certificate-unused}.
     */
    RegisteredService pinCertificate(Caller caller, Environment environment, ClientId clientId,
                                     PinnedCertificate pinned);
}
