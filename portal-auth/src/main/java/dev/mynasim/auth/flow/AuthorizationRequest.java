package dev.mynasim.auth.flow;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import java.util.Optional;

/**
 * A validated authorization request, parsed once by its door: the Mynaportal-compatible one or OpenID Connect. What
 * both doors ask is here; {@code prompt=none}, the scopes' APIs and attributes, the nonce, PKCE and
 * {@code id_token_hint} only the OpenID Connect door has.
 */
public sealed interface AuthorizationRequest {

    Environment environment();

    RegisteredService service();

    String redirectUri();

    /** Null when the client sent none. */
    String state();

    boolean promptLogin();

    /** Null when the client sent none. */
    Long maxAge();

    /** The card serial of a headless {@code login_hint=card:…} (TEST). */
    Optional<String> loginHintCard();

    /** The headless {@code mynasim_pin} (TEST). */
    Optional<String> pin();

    /** The headless {@code mynasim_consent} (TEST): approve or cancel, checked before the card is read. */
    Optional<String> headlessConsent();

    /** OpenID Connect Core §3.1.2.1: no page may be shown. */
    default boolean promptNone() {
        return false;
    }

    /** What the transaction keeps of the OpenID Connect door's request; null on the other door. */
    default AuthorizationTransaction.Extras extras() {
        return null;
    }

    /** The subject of a valid {@code id_token_hint}. */
    default Optional<String> hintedSubject() {
        return Optional.empty();
    }

    /** The Mynaportal-compatible door's request: the service reaches every API it is registered for. */
    record Mynaportal(Environment environment, RegisteredService service, String redirectUri, String state,
                      boolean promptLogin, Long maxAge, Optional<String> loginHintCard, Optional<String> pin,
                      Optional<String> headlessConsent) implements AuthorizationRequest {
    }

    /** The OpenID Connect door's request. */
    record Oidc(Environment environment, RegisteredService service, String redirectUri, String state,
                boolean promptLogin, Long maxAge, Optional<String> loginHintCard, Optional<String> pin,
                Optional<String> headlessConsent, boolean promptNone, AuthorizationTransaction.Extras extras,
                Optional<String> hintedSubject) implements AuthorizationRequest {
    }
}
