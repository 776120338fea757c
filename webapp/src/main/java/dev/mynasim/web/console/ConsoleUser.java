package dev.mynasim.web.console;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.web.security.ConsoleSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The console account signed in for this request, as the pages show it and the beans hand it to the modules. */
@Named
@RequestScoped
public class ConsoleUser {

    @Inject
    ConsoleSessions sessions;

    @Inject
    HttpServletRequest request;

    public boolean isSignedIn() {
        return signedIn().isPresent();
    }

    public boolean isOperator() {
        return signedIn().map(Caller::operator).orElse(false);
    }

    public String getName() {
        return signedIn().map(Caller::name).orElse(null);
    }

    /** The API user of an API user's account, else null. */
    public String getApiUserId() {
        return signedIn().flatMap(Caller::apiUser).map(ApiUserId::value).orElse(null);
    }

    /** The caller the modules are handed; the security constraint makes sure there is one on every console page. */
    public Caller caller() {
        return signedIn().orElseThrow(() -> RuleViolation.forbidden("authentication-required",
                "A console account is required", "コンソールアカウントでの認証が必要です"));
    }

    private Optional<Caller> signedIn() {
        return sessions.caller(request);
    }
}
