package dev.mynasim.auth.flow;

import dev.mynasim.registry.api.Environment;
import java.time.Instant;

/**
 * An authorization in progress (Keycloak's authentication session, kept apart from the established verification
 * session): the validated request, the step it is at, and once the card was read (or skipped) whose card and when.
 * {@code consentPreset}: the headless {@code mynasim_consent} of the request (TEST), which completes consent after
 * a card step done with an outside signature.
 */
public record AuthorizationTransaction(String id, Environment environment, String clientId, String redirectUri,
                                       String state, boolean promptLogin, Long maxAgeSeconds, Stage stage,
                                       String personId, Instant authTime, boolean verificationSkipped,
                                       String consentId, Instant createdAt, Extras extras, String consentPreset) {

    /**
     * What the OpenID Connect door adds (null on the Mynaportal-compatible door, whose service reaches every API it is
     * registered for): the APIs and attributes asked for by scope, the nonce and the PKCE challenge;
     * {@code consentMayBeRemembered}: the registration remembers consent and the request did not ask for
     * {@code prompt=consent}, so a standing consent may stand in for the consent screen.
     */
    public record Extras(java.util.List<String> apis, java.util.List<String> attributes, String nonce,
                         String codeChallenge, boolean consentMayBeRemembered) {
    }

    /** Whether the request came through the OpenID Connect door (it has {@link Extras}). */
    public boolean oidc() {
        return extras != null;
    }

    /** Where the transaction stands. */
    public enum Stage { CARD, CONSENT, REGISTRATION }

    AuthorizationTransaction verified(String person, Instant at, boolean skipped) {
        return new AuthorizationTransaction(id, environment, clientId, redirectUri, state, promptLogin, maxAgeSeconds,
                Stage.CONSENT, person, at, skipped, consentId, createdAt, extras, consentPreset);
    }

    AuthorizationTransaction awaitingRegistration(String consent) {
        return new AuthorizationTransaction(id, environment, clientId, redirectUri, state, promptLogin, maxAgeSeconds,
                Stage.REGISTRATION, personId, authTime, verificationSkipped, consent, createdAt, extras, consentPreset);
    }
}
