package dev.mynasim.auth.skip;

import dev.mynasim.registry.api.Environment;
import java.time.Instant;
import java.util.Objects;

/**
 * What a successful card read leaves behind for the skip rule: the server-side part of a verification session.
 *
 * @param environment where the card was read
 * @param domain      the skip domain of the service the card was read for
 * @param cardSerial  the card that was read, so its state can be checked again before a skip
 * @param authTime    the time of the card read; tokens issued after a skip carry this {@code auth_time}, not the
 *                    time of the skip
 */
public record VerifiedCard(Environment environment, SkipDomain domain, String cardSerial, Instant authTime) {

    public VerifiedCard {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(cardSerial, "cardSerial");
        Objects.requireNonNull(authTime, "authTime");
        if (cardSerial.isBlank()) {
            throw new IllegalArgumentException("A verified card needs its serial");
        }
        if (domain.environment() != environment) {
            throw new IllegalArgumentException("A card read in " + environment
                    + " cannot belong to a skip domain of " + domain.environment());
        }
    }
}
