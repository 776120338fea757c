package dev.mynasim.auth.oauth;

import dev.mynasim.auth.flow.AuthorizationRequest;
import dev.mynasim.auth.flow.AuthorizationStart;
import dev.mynasim.auth.flow.AuthorizeOutcome;
import dev.mynasim.auth.flow.ClientChecks;
import dev.mynasim.auth.flow.ErrorRedirect;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.protocol.Parameters;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The authorization request of the Mynaportal-compatible door (RFC 6749 §4.1.1 with the door's own parameters). */
@ApplicationScoped
public class MynaportalAuthorization {

    private final ClientChecks clients;
    private final AuthorizationStart start;
    /** As configured, for the error's wording; and as a list. */
    private final String loginTypesText;
    private final List<String> loginTypes;

    @Inject
    public MynaportalAuthorization(ClientChecks clients, AuthorizationStart start,
                            @ConfigProperty(name = "mynasim.authorize.login-types", defaultValue = "0") String loginTypes) {
        this.clients = clients;
        this.start = start;
        this.loginTypesText = loginTypes;
        this.loginTypes = loginTypes == null ? List.of() : Arrays.stream(loginTypes.split(",")).map(String::trim).toList();
    }

    /** For the container's proxy. */
    protected MynaportalAuthorization() {
        this(null, null, null);
    }

    /** Checks the request in the README's order and starts its transaction; see README for every error and why. */
    public AuthorizeOutcome authorize(Environment environment, Map<String, List<String>> query, Optional<String> cookie) {
        ClientChecks.ClientCheck client = clients.check(environment, query, null);
        if (client.refusal().isPresent()) {
            return client.refusal().get();
        }
        RegisteredService service = client.service();
        String state = Parameters.single(query, "state").orElse(null);
        ErrorRedirect error = new ErrorRedirect(client.redirectUri(), state, null);
        if (!"code".equals(Parameters.single(query, "response_type").orElse(null))) {
            return error.to("unsupported_response_type", "response_type must be code");
        }
        String loginType = Parameters.single(query, "login_type").orElse(null);
        if (loginType == null || !loginTypes.contains(loginType)) {
            return error.to("invalid_request", "login_type must be one of " + loginTypesText + ", got " + loginType);
        }
        Optional<String> prompt = Parameters.single(query, "prompt");
        if (prompt.isPresent() && !prompt.get().equals("login")) {
            return error.to("invalid_request", "this door supports prompt=login only (simulator extension)");
        }
        Optional<Long> maxAge;
        Optional<String> card;
        try {
            maxAge = Parameters.maxAge(query);
            Optional<String> loginHint = Parameters.single(query, "login_hint");
            if (loginHint.isPresent()) {
                if (environment != Environment.TEST) {
                    return error.to("invalid_request", "headless mode (login_hint) is available in the TEST environment only");
                }
                if (!service.headless()) {
                    return error.to("invalid_request", "headless mode is not enabled for this service registration");
                }
            }
            card = loginHint.map(Parameters::hintedCard);
        } catch (OAuthError refused) {
            return error.to(refused);
        }
        return start.begin(new AuthorizationRequest.Mynaportal(environment, service, client.redirectUri(), state,
                prompt.isPresent(), maxAge.orElse(null), card, Parameters.single(query, "mynasim_pin"),
                Parameters.single(query, "mynasim_consent")), cookie);
    }
}
