package dev.mynasim.auth.oauth.rest;

import static dev.mynasim.registry.api.JsonP.JSON;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.mynasim.auth.api.PortalFlow.SessionCookie;
import dev.mynasim.auth.flow.AuthorizeOutcome;
import dev.mynasim.auth.protocol.OAuthError;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import net.minidev.json.JSONObject;

/** How both doors answer: authorize outcomes, token JSON and RFC 6749 §5.2 errors. */
public final class AuthorizeResponses {

    private AuthorizeResponses() {
    }

    /** An error page (400, never a redirect) or a 302 with the verification session cookie when a card was read. */
    public static Response of(AuthorizeOutcome outcome) {
        return of(outcome, true, null);
    }

    /**
     * The same, the error page in the reader's language (the language switch's cookie {@code mynasim_lang}, else
     * Accept-Language, else Japanese) and with the switch back to this request.
     */
    public static Response of(AuthorizeOutcome outcome, jakarta.ws.rs.core.HttpHeaders headers,
                              jakarta.ws.rs.core.UriInfo uri) {
        String back = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return of(outcome, japanese(headers), back);
    }

    private static Response of(AuthorizeOutcome outcome, boolean japanese, String back) {
        if (outcome instanceof AuthorizeOutcome.ErrorPage page) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-store").header("Content-Language", japanese ? "ja" : "en")
                    .entity(ErrorPages.render(page.reasonJa(), page.reason(), japanese, back)).build();
        }
        AuthorizeOutcome.Redirect redirect = (AuthorizeOutcome.Redirect) outcome;
        Response.ResponseBuilder response = Response.status(Response.Status.FOUND)
                .location(URI.create(redirect.location())).header("Cache-Control", "no-store");
        redirect.cookie().ifPresent(c -> response.cookie(sessionCookie(c)));
        return response.build();
    }

    /** Japanese first, as the portal's pages decide it (webapp's PortalLocale): the switch's cookie, then the header. */
    static boolean japanese(jakarta.ws.rs.core.HttpHeaders headers) {
        jakarta.ws.rs.core.Cookie chosen = headers.getCookies().get("mynasim_lang");
        if (chosen != null && ("ja".equals(chosen.getValue()) || "en".equals(chosen.getValue()))) {
            return "ja".equals(chosen.getValue());
        }
        for (java.util.Locale locale : headers.getAcceptableLanguages()) {
            if (locale.getLanguage().equals("ja")) {
                return true;
            }
            if (locale.getLanguage().equals("en")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A token endpoint's answer, from the JSON of a Nimbus response object (token, introspection): never cached
     * (RFC 6749 §5.1).
     */
    public static Response json(JSONObject body) {
        return noStore(Response.ok(text(body), MediaType.APPLICATION_JSON_TYPE));
    }

    /** The JSON text of a Nimbus object's JSON (metadata, UserInfo): as Nimbus holds it, without escaping {@code /}. */
    public static String text(JSONObject body) {
        return JSONObjectUtils.toJSONString(body);
    }

    /** RFC 6749 §4.1.3: a token request is a form; anything else is invalid_request in the RFC's format. */
    public static Response notAForm() {
        return error(new OAuthError(400, "invalid_request",
                "the token request must be sent as application/x-www-form-urlencoded (RFC 6749 §4.1.3)"));
    }

    /** A JWK Set, cacheable for five minutes (a rotation keeps the previous key published longer than that). */
    public static Response jwks(com.nimbusds.jose.jwk.JWKSet keys) {
        return Response.ok(keys.toString(), "application/jwk-set+json").header("Cache-Control", "max-age=300").build();
    }

    /** RFC 6749 §5.2 error JSON; a 401 carries the challenge the RFC asks for. */
    public static Response error(OAuthError e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JSON.createObjectBuilder().add("error", e.error()).add("error_description", e.getMessage())
                        .build().toString());
        if (e.status() == 401) {
            response.header("WWW-Authenticate", "Basic realm=\"mynasim\"");
        }
        return noStore(response);
    }

    /** HttpOnly, SameSite=Lax (the redirect back from the service is a top-level GET), Secure under HTTPS. */
    static NewCookie sessionCookie(SessionCookie cookie) {
        return new NewCookie.Builder(cookie.name()).value(cookie.value()).path("/").httpOnly(true)
                .secure(cookie.secure()).maxAge(cookie.maxAgeSeconds()).sameSite(NewCookie.SameSite.LAX).build();
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
