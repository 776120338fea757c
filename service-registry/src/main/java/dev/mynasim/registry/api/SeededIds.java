package dev.mynasim.registry.api;

import java.util.Optional;

/**
 * Deterministic ids on request (README: Deterministic ids): a TEST service with a seed gets its authorization codes
 * and processIds derived from the seed and a count, so a recorded run can be compared with the next one after the
 * seed is set again. Without a seed, and always in PRODUCTION, ids stay random.
 */
public interface SeededIds {

    /** What an id is for: each kind has its own count. */
    enum Kind {
        CODE, PROCESS_ID
    }

    /**
     * The next id of this kind for the service, or empty when it has no seed (or the environment is not TEST).
     * Codes are 43 base64url characters (256 bits, as random ones); processIds are UUIDs (RFC 9562 version 8).
     */
    Optional<String> next(Environment environment, ClientId client, Kind kind);
}
