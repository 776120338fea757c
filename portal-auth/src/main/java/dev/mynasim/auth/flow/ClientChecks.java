package dev.mynasim.auth.flow;

import dev.mynasim.auth.protocol.Parameters;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.ServiceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What both doors check of an authorization request first (DESIGN.md 9.4): the client and its exact redirect URI,
 * else an error page and never a redirect; then repeated or unfit parameters and a registration that may not be used,
 * as redirected errors; then an {@code access_denied} that a failure rule injects.
 */
@ApplicationScoped
public class ClientChecks {

    /** Longest value of one authorization request parameter. */
    static final int MAX_PARAMETER = 2048;

    /** The client of an authorization request: its registration and redirect URI, or how to refuse the request. */
    public record ClientCheck(RegisteredService service, String redirectUri, Optional<AuthorizeOutcome> refusal) {
    }

    private final ServiceDirectory directory;
    private final AuthorizationFaults faults;

    @Inject
    public ClientChecks(ServiceDirectory directory, AuthorizationFaults faults) {
        this.directory = directory;
        this.faults = faults;
    }

    /** For the container's proxy. */
    protected ClientChecks() {
        this(null, null);
    }

    /** {@code issuer}: what the OpenID Connect door names in its redirected errors (RFC 9207); null on the other. */
    public ClientCheck check(Environment environment, Map<String, List<String>> query, String issuer) {
        Optional<ClientId> clientId = Parameters.single(query, "client_id").flatMap(Parameters::clientId);
        if (clientId.isEmpty()) {
            return refuse(new AuthorizeOutcome.ErrorPage("client_id がないか、形式が正しくありません (例: SP00000001_AA0001)。",
                    "client_id is missing or malformed (e.g. SP00000001_AA0001)."));
        }
        Optional<RegisteredService> found = directory.find(environment, clientId.get());
        if (found.isEmpty()) {
            return refuse(new AuthorizeOutcome.ErrorPage("client_id " + clientId.get() + " のサービスは" + environment.labelJa()
                    + "に登録されていません。", "No service " + clientId.get() + " is registered in " + environment.path() + "."));
        }
        RegisteredService service = found.get();
        Optional<String> redirectUri = Parameters.single(query, "redirect_uri");
        if (redirectUri.isEmpty() || !service.allowsRedirectTo(redirectUri.get())) {
            return refuse(new AuthorizeOutcome.ErrorPage("redirect_uri がないか、このサービスに登録されたものと完全には一致しません: "
                    + redirectUri.orElse("(なし)"), "redirect_uri is missing or does not exactly match a registered one: "
                    + redirectUri.orElse("(none)")));
        }
        ErrorRedirect error = new ErrorRedirect(redirectUri.get(), Parameters.single(query, "state").orElse(null), issuer);
        Optional<String> repeated = Parameters.repeated(query);
        if (repeated.isPresent()) {
            return new ClientCheck(service, redirectUri.get(), Optional.of(error.to("invalid_request",
                    "parameter " + repeated.get() + " is repeated (RFC 6749 §3.1)")));
        }
        Optional<String> unfit = query.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(v ->
                        v != null && (v.length() > MAX_PARAMETER || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f))))
                .map(Map.Entry::getKey).findFirst();
        if (unfit.isPresent()) {
            return new ClientCheck(service, redirectUri.get(), Optional.of(error.to("invalid_request",
                    "parameter " + unfit.get() + " is longer than " + MAX_PARAMETER + " characters or holds control characters")));
        }
        if (!service.usable()) {
            return new ClientCheck(service, redirectUri.get(), Optional.of(error.to("unauthorized_client",
                    "the registration may not be used now: " + service.unusableReason().get())));
        }
        return new ClientCheck(service, redirectUri.get(), faults.authorize(environment, service.clientId(), error));
    }

    private static ClientCheck refuse(AuthorizeOutcome.ErrorPage page) {
        return new ClientCheck(null, null, Optional.of(page));
    }
}
