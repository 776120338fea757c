package dev.mynasim.auth.oidc;

import dev.mynasim.auth.flow.Attributes;
import dev.mynasim.auth.flow.AuthorizationRequest;
import dev.mynasim.auth.flow.AuthorizationStart;
import dev.mynasim.auth.flow.AuthorizationTransaction;
import dev.mynasim.auth.flow.AuthorizeOutcome;
import dev.mynasim.auth.flow.ClientChecks;
import dev.mynasim.auth.flow.ErrorRedirect;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.protocol.Parameters;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The authorization request of the OpenID Connect door (OpenID Connect Core §3.1.2.1, RFC 7636): authorization code
 * flow only; {@code openid} plus API codes within the service's registration and the basic four attributes as
 * scope; {@code state}, {@code nonce} and an S256 {@code code_challenge} required, as the Digital Authentication App
 * requires them (a registration may relax nonce and PKCE to what OpenID Connect Core allows; without nonce, state
 * is optional too). Once valid, the request walks the same card step, skip rule and consent as the other door.
 * Both GET and POST reach it (§3.1.2.1); request objects are not supported (§6.1, §6.2).
 */
@ApplicationScoped
public class OidcAuthorization {

    /** RFC 7636 §4.2: the challenge of an S256 verifier is 43 base64url characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Set<String> PROMPTS = Set.of("none", "login", "consent");
    private static final Set<String> REQUEST_OBJECTS = Set.of("request", "request_uri");

    @Inject
    ClientChecks clients;

    @Inject
    AuthorizationStart start;

    @Inject
    dev.mynasim.auth.token.AccessTokens tokens;

    @Inject
    IdTokens idTokens;

    public AuthorizeOutcome authorize(Environment environment, Map<String, List<String>> query, Optional<String> cookie) {
        String issuer = tokens.issuer(environment);
        // a request object may be longer than the door's parameter limit: it is refused below, after the client check
        Map<String, List<String>> plain = new java.util.HashMap<>(query);
        plain.keySet().removeAll(REQUEST_OBJECTS);
        ClientChecks.ClientCheck client = clients.check(environment, plain, issuer);
        if (client.refusal().isPresent()) {
            return client.refusal().get();
        }
        RegisteredService service = client.service();
        Optional<String> state = Parameters.single(query, "state");
        ErrorRedirect error = new ErrorRedirect(client.redirectUri(), state.orElse(null), issuer);
        // OpenID Connect Core §6.1, §6.2: an OP that does not support request objects (discovery says so) answers
        // these errors, first, since the object may carry the very parameters checked below
        if (query.containsKey("request")) {
            return error.to("request_not_supported", "the request parameter (request objects) is not supported");
        }
        if (query.containsKey("request_uri")) {
            return error.to("request_uri_not_supported", "the request_uri parameter is not supported");
        }
        if (!"code".equals(Parameters.single(query, "response_type").orElse(null))) {
            return error.to("unsupported_response_type", "response_type must be code (the authorization code flow is the only one)");
        }
        Optional<String> scope = Parameters.single(query, "scope");
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(scope.orElse("").trim().split("\\s+")));
        if (!scopes.contains("openid")) {
            return error.to("invalid_scope", "scope must contain openid");
        }
        List<String> apis = new ArrayList<>();
        List<String> attributes = new ArrayList<>();
        for (String value : scopes) {
            if (value.equals("openid")) {
                continue;
            }
            if (Attributes.SCOPES.contains(value)) {
                attributes.add(value);
                continue;
            }
            Optional<MynaApi> api = Arrays.stream(MynaApi.values()).filter(a -> a.code().equals(value)).findFirst();
            if (api.isEmpty()) {
                // OpenID Connect Core §3.1.2.1: scope values that are not understood SHOULD be ignored (profile, email …)
                continue;
            }
            if (!service.apis().contains(api.get())) {
                return error.to("invalid_scope", "the service is not registered for the API " + value);
            }
            apis.add(value);
        }
        // state is RECOMMENDED, not required, by OpenID Connect Core §3.1.2.1; the registration's nonce relaxation
        // covers it too, so certification tooling can run
        if (state.isEmpty() && service.requireNonce()) {
            return error.to("invalid_request", "state is required");
        }
        Optional<String> nonce = Parameters.single(query, "nonce");
        if (nonce.isEmpty() && service.requireNonce()) {
            return error.to("invalid_request", "nonce is required");
        }
        Optional<String> challenge = Parameters.single(query, "code_challenge");
        String method = Parameters.single(query, "code_challenge_method").orElse("plain");
        if (challenge.isEmpty() && service.requirePkce()) {
            return error.to("invalid_request", "code_challenge is required (PKCE, RFC 7636)");
        }
        if (challenge.isPresent() && !method.equals("S256")) {
            return error.to("invalid_request", "code_challenge_method must be S256; plain is not accepted");
        }
        if (challenge.isPresent() && !S256_CHALLENGE.matcher(challenge.get()).matches()) {
            return error.to("invalid_request", "code_challenge must be the 43-character base64url SHA-256 of the verifier");
        }
        Set<String> prompt = new LinkedHashSet<>(Arrays.asList(Parameters.single(query, "prompt").orElse("").trim()
                .split("\\s+")));
        prompt.remove("");
        if (!PROMPTS.containsAll(prompt) || (prompt.contains("none") && prompt.size() > 1)) {
            return error.to("invalid_request", "prompt may be none, login or consent, and none stands alone");
        }
        Long maxAge;
        Optional<String> card = Optional.empty();
        try {
            maxAge = Parameters.maxAge(query).orElse(null);
            // OpenID Connect Core §3.1.2.1: login_hint is a hint; only card:… (headless mode) is acted on, anything
            // else is accepted and the card step shows as usual
            Optional<String> loginHint = Parameters.single(query, "login_hint");
            if (loginHint.isPresent() && loginHint.get().startsWith("card:")) {
                if (environment != Environment.TEST || !service.headless()) {
                    return error.to("invalid_request", "login_hint=card:… (headless mode) is for headless TEST registrations only");
                }
                card = Optional.of(Parameters.hintedCard(loginHint.get()));
            }
        } catch (OAuthError refused) {
            return error.to(refused);
        }
        Optional<String> hint = Parameters.single(query, "id_token_hint");
        Optional<String> hintedSubject = hint.flatMap(h -> idTokens.subjectOf(h, environment));
        if (hint.isPresent() && hintedSubject.isEmpty()) {
            return error.to("invalid_request", "id_token_hint is not an ID token of this issuer");
        }
        // ui_locales, acr_values and claims are accepted and not acted on: the pages follow the browser's language,
        // there is one acr, and claims_parameter_supported is false (OpenID Connect Core §5.5 lets the OP ignore it)
        return start.begin(new AuthorizationRequest.Oidc(environment, service, client.redirectUri(), state.orElse(null),
                prompt.contains("login"), maxAge, card, Parameters.single(query, "mynasim_pin"),
                Parameters.single(query, "mynasim_consent"), prompt.contains("none"), new AuthorizationTransaction.Extras(apis, attributes, nonce.orElse(null), challenge.orElse(null),
                        service.rememberConsent() && !prompt.contains("consent")),
                hintedSubject), cookie);
    }
}
