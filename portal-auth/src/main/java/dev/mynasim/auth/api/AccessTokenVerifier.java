package dev.mynasim.auth.api;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;

/**
 * Checks an access token for one API in one environment (DESIGN.md 9.2, 9.5): signature and key, issuer, expiry
 * by the simulator clock, the API among those the service is registered for and the person consented to, and
 * that the grant behind it still stands (revocation takes effect within a second).
 */
public interface AccessTokenVerifier {

    /** As {@link #verify(String, Environment, MynaApi, PresentedCertificate)} for a request without a certificate. */
    VerifiedAccessToken verify(String token, Environment environment, MynaApi api) throws TokenRejected;

    /**
     * The same checks, and for a certificate-bound token (RFC 8705 §3) that the request came with that certificate:
     * otherwise {@code invalid_token}.
     */
    VerifiedAccessToken verify(String token, Environment environment, MynaApi api, PresentedCertificate presented)
            throws TokenRejected;
}
