package dev.mynasim.auth.api;

import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a valid access token says: whose data, for which service and APIs, how the card was read, and the thumbprint
 * of the TLS client certificate it is bound to, if any (RFC 8705 §3).
 */
public record VerifiedAccessToken(String tokenId, PersonId person, String subject, ClientId client,
                                  Environment environment, Set<MynaApi> apis, Instant authTime,
                                  boolean verificationSkipped, String grantId, Instant expiresAt,
                                  Optional<String> certificateThumbprint) {
}
