package dev.mynasim.auth.flow;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import java.util.Optional;

/**
 * A validated authorization request of either door, ready to start its transaction. {@code extras}: what the OpenID
 * Connect door adds; null on the Mynaportal-compatible door ({@link #oidc()}).
 */
public record AuthorizationRequest(Environment environment, RegisteredService service, String redirectUri,
                                   String state, boolean promptLogin, boolean promptNone, Long maxAge,
                                   Optional<String> loginHintCard, Optional<String> pin,
                                   Optional<String> headlessConsent, AuthorizationTransaction.Extras extras,
                                   Optional<String> hintedSubject) {

    /** Whether the request came through the OpenID Connect door. */
    public boolean oidc() {
        return extras != null;
    }
}
