package dev.mynasim.web.security;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ConsoleLogin;
import dev.mynasim.web.rest.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP Basic authentication (RFC 7617) of console accounts for the admin API (the protected paths only). A missing or wrong credential on a
 * protected path gets 401 with a challenge and a problem-details body, not the container's HTML page. The consoles'
 * pages sign in with a form and a session instead ({@link ConsoleSessions}).
 */
@ApplicationScoped
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();
    private static final String REALM = "mynasim";

    @Inject
    ConsoleLogin accounts;

    @Inject
    ConsoleSessions sessions;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (sessions.covers(request)) {
            return sessions.validate(request, response, context);
        }
        if (!context.isProtected()) {
            // HTTP Basic elsewhere belongs to the OAuth clients (client_secret_basic at the token endpoint)
            return context.doNothing();
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<Caller> caller = credentials(header.substring(6).trim())
                    .flatMap(pair -> accounts.authenticate(pair[0], pair[1]));
            if (caller.isPresent()) {
                request.setAttribute(CALLER_ATTRIBUTE, caller.get());
                String role = caller.get().operator() ? "operator" : "api-user";
                return context.notifyContainerAboutLogin(caller.get().name(), Set.of(role));
            }
            return challenge(response, "The user name or password is wrong", "ユーザー名またはパスワードが違います");
        }
        return challenge(response, "This needs a console account: send HTTP Basic credentials",
                "コンソールアカウントでの認証が必要です (HTTP Basic)");
    }

    private static Optional<String[]> credentials(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, String message, String messageJa) {
        try {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(
                    String.valueOf(new Problem(401, "authentication-required", null, message, messageJa).response().getEntity()));
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        }
        // the response is complete: the container must not call the resource (Jakarta Security 3.0 §2.1)
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
