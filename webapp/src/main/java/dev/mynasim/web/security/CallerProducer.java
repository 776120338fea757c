package dev.mynasim.web.security;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The authenticated console account of the current request, as the modules' services know it. */
@ApplicationScoped
public class CallerProducer {

    @Inject
    HttpServletRequest request;

    @Produces
    Caller caller() {
        Object caller = request.getAttribute(ConsoleAuthenticationMechanism.CALLER_ATTRIBUTE);
        if (caller == null) {
            throw RuleViolation.forbidden("authentication-required", "A console account is required",
                    "コンソールアカウントでの認証が必要です");
        }
        return (Caller) caller;
    }
}
