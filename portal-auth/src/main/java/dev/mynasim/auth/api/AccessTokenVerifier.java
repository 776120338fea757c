package dev.mynasim.auth.api;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;

/**
 * Checks an access token for one API in one environment (DESIGN.md 9.2, 9.5): signature and key, issuer, expiry
 * by the simulator clock, the API among those the service is registered for and the person consented to, and
 * that the grant behind it still stands (revocation takes effect within a second).
 */
public interface AccessTokenVerifier {

    VerifiedAccessToken verify(String token, Environment environment, MynaApi api) throws TokenRejected;
}
