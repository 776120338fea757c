package dev.mynasim.web.security;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.web.page.SecurityHeadersFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The consoles' form login: a console account signs in on {@code /console/login} and is then known by an HTTP
 * session that holds only who it is. Only the consoles have sessions (cookie {@code mynasim_console}, path
 * {@code /console}, HttpOnly, SameSite=Strict, see web.xml); the portal stays session-less (DESIGN.md 7). A new
 * session at every sign-in (no fixation), ended by sign-out or {@code mynasim.console.session-timeout} of inactivity.
 */
@ApplicationScoped
public class ConsoleSessions {

    /** The session cookie's name, as web.xml sets it. */
    public static final String COOKIE = "mynasim_console";
    private static final String SIGNED_IN = "mynasim.console.signed-in";

    /** Who signed in: kept in the session, so only plain strings. */
    record SignedIn(String name, boolean operator, String apiUserId) implements Serializable {

        Caller caller() {
            return operator ? Caller.operator(name) : Caller.apiUser(name, new ApiUserId(apiUserId));
        }
    }

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "mynasim.console.session-timeout", defaultValue = "PT30M")
    String timeout;

    /** True for the consoles' pages, including their views reached through the portal's prefix mapping. */
    boolean covers(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/console") || path.startsWith("/console/") || path.startsWith("/portal/console/");
    }

    /**
     * The signed-in account becomes the request's caller; a protected page without one sends the browser to the login
     * page, which says so when a session ran out.
     */
    AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if ("POST".equals(request.getMethod()) && crossSite(request)) {
            SecurityHeadersFilter.apply(response);
            try {
                response.sendError(403);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        Optional<SignedIn> signedIn = signedIn(request);
        if (signedIn.isPresent()) {
            Caller caller = signedIn.get().caller();
            request.setAttribute(ConsoleAuthenticationMechanism.CALLER_ATTRIBUTE, caller);
            return context.notifyContainerAboutLogin(caller.name(), Set.of(caller.operator() ? "operator" : "api-user"));
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        boolean timedOut = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        SecurityHeadersFilter.apply(response);
        try {
            response.sendRedirect(request.getContextPath() + "/console/login" + (timedOut ? "?expired=true" : ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * A form sent from another site: the browser says so ({@code Sec-Fetch-Site}), or, from a browser that does not
     * send that header, its {@code Origin} names another host than the one asked. Besides the SameSite cookie this
     * also stops a forged sign-in, which has no cookie yet. {@code Origin: null} says nothing: browsers send it for
     * every form of a page under {@code Referrer-Policy: no-referrer}, as the console's pages are.
     */
    private static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return false;
        }
        try {
            String authority = java.net.URI.create(origin).getRawAuthority();
            return authority == null || !authority.equalsIgnoreCase(request.getHeader("Host"));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /**
     * Starts a new session for the account, dropping any earlier one. The session cookie is sent again with
     * {@code SameSite=Strict}, which Payara does not take from web.xml's cookie-config; browsers keep the later of two
     * cookies of one name and path.
     */
    public void signIn(HttpServletRequest request, HttpServletResponse response, Caller caller) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        response.addHeader("Set-Cookie", COOKIE + "=" + session.getId() + "; Path=" + request.getContextPath()
                + "/console; HttpOnly; SameSite=Strict" + (request.isSecure() ? "; Secure" : ""));
        session.setMaxInactiveInterval((int) Duration.parse(timeout).toSeconds());
        session.setAttribute(SIGNED_IN, new SignedIn(caller.name(), caller.operator(),
                caller.apiUser().map(ApiUserId::value).orElse(null)));
        request.setAttribute(ConsoleAuthenticationMechanism.CALLER_ATTRIBUTE, caller);
        audit.record(caller.name(), "console.sign-in", caller.name(), caller.operator() ? "role=operator" : "role=api-user");
    }

    /** Ends the session and tells the browser to forget its cookie. */
    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        Optional<SignedIn> signedIn = signedIn(request);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        Cookie gone = new Cookie(COOKIE, "");
        gone.setPath(request.getContextPath() + "/console");
        gone.setMaxAge(0);
        gone.setHttpOnly(true);
        gone.setSecure(request.isSecure());
        gone.setAttribute("SameSite", "Strict");
        response.addCookie(gone);
        signedIn.ifPresent(who -> audit.record(who.name(), "console.sign-out", who.name(), null));
    }

    /** The caller of this request, when an account is signed in. */
    public Optional<Caller> caller(HttpServletRequest request) {
        return Optional.ofNullable((Caller) request.getAttribute(ConsoleAuthenticationMechanism.CALLER_ATTRIBUTE));
    }

    private static Optional<SignedIn> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        try {
            return Optional.ofNullable(session).map(s -> (SignedIn) s.getAttribute(SIGNED_IN));
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }
}
