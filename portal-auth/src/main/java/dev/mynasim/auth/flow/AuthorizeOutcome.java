package dev.mynasim.auth.flow;

import dev.mynasim.auth.api.PortalFlow.SessionCookie;
import java.util.Optional;

/** How an authorization request is answered: an error page that never redirects, or a redirect. */
public sealed interface AuthorizeOutcome {

    /** DESIGN.md 9.4: a bad client or redirect URI shows a Japanese page with the reason, never a redirect. */
    record ErrorPage(String reasonJa, String reason) implements AuthorizeOutcome {
    }

    /** To a portal page, or to the service's redirect URI with a code or an error. */
    record Redirect(String location, Optional<SessionCookie> cookie) implements AuthorizeOutcome {
    }
}
