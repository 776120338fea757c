package dev.mynasim.auth.api;

import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 連携中のサービス: what a citizen sees of their own consents, and 連携を解除. The page is reached with a card and PIN
 * (checked like the card step: a wrong PIN counts toward the lock) or a live verification session; either gives a
 * pass, a random value the page carries for its next requests (valid 30 minutes, kept only as a hash).
 */
public interface LinkedServices {

    /**
     * One linked service, however many times the person consented to it: who, which APIs (all its standing consents
     * together), when it was last linked and whether that card step was skipped; {@code consentId} names the newest
     * consent, and 連携を解除 on it ends every standing consent of the service.
     */
    record Linked(String consentId, Environment environment, ClientId client, String apiUserName, String serviceName,
                  List<MynaApi> apis, Instant decidedAt, boolean cardSkipped) {
    }

    /** The answer of a card read: a pass, or the message the card step would show. */
    record Access(Optional<String> pass, String messageJa, String message) {
    }

    Access byCard(String serial, String pin);

    /** A pass for the person of a verification session cookie still inside the skip window, its card usable. */
    Optional<String> bySession(Environment environment, String cookieValue);

    /**
     * The services the pass's person linked (standing consents, one row per service), last linked first; empty when
     * the pass is unknown or expired.
     */
    Optional<List<Linked>> of(String pass);

    /** The name of the pass's person (the page says whose services it lists). */
    Optional<String> personName(String pass);

    /**
     * 連携を解除: revokes the consent and every other standing consent of the same service by the pass's person; their
     * tokens fail at once. False when not theirs.
     */
    boolean revoke(String pass, String consentId);
}
