package dev.mynasim.auth.api;

import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import java.time.Instant;
import java.util.Set;

/** What a valid access token says: whose data, for which service and APIs, and how the card was read. */
public record VerifiedAccessToken(String tokenId, PersonId person, String subject, ClientId client,
                                  Environment environment, Set<MynaApi> apis, Instant authTime,
                                  boolean verificationSkipped, String grantId, Instant expiresAt) {
}
