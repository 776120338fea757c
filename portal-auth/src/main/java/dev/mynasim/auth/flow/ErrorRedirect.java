package dev.mynasim.auth.flow;

import dev.mynasim.auth.protocol.OAuthError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Errors that go back to the service's (already checked) redirect URI, RFC 6749 §4.1.2.1. {@code issuer}: the OpenID
 * Connect door adds {@code iss} to its responses (RFC 9207); null on the other door.
 */
public record ErrorRedirect(String redirectUri, String state, String issuer) {

    public AuthorizeOutcome to(String error, String description) {
        return new AuthorizeOutcome.Redirect(location(error, description), Optional.empty());
    }

    /** A refused parameter as a redirect: its RFC 6749 error and description. */
    public AuthorizeOutcome to(OAuthError refused) {
        return to(refused.error(), refused.getMessage());
    }

    String location(String error, String description) {
        return redirectUri + (redirectUri.contains("?") ? "&" : "?") + "error=" + encode(error)
                + "&error_description=" + encode(description) + (state == null ? "" : "&state=" + encode(state))
                + (issuer == null ? "" : "&iss=" + encode(issuer));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
