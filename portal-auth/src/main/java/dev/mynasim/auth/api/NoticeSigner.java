package dev.mynasim.auth.api;

import dev.mynasim.registry.api.Environment;

/**
 * Signs what the simulator sends to services (the completion notice) with the environment's published signing key,
 * so a service can check it came from the simulator (DESIGN.md 9.11).
 */
public interface NoticeSigner {

    /**
     * A JWS over the exact body bytes with a detached payload (RFC 7515 Appendix F): {@code header..signature},
     * RS256, {@code kid} of a key in the environment's JWKS.
     */
    String signDetached(Environment environment, byte[] body);
}
