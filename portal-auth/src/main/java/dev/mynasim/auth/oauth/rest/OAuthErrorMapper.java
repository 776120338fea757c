package dev.mynasim.auth.oauth.rest;

import dev.mynasim.auth.protocol.OAuthError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The one way the token endpoints of both doors (token, introspection, revocation) answer an error: RFC 6749 §5.2
 * JSON, never cached, a 401 with its challenge. The authorization endpoints redirect their errors instead (RFC 6749
 * §4.1.2.1), and the UserInfo endpoint answers with an RFC 6750 §3 challenge.
 */
@Provider
public class OAuthErrorMapper implements ExceptionMapper<OAuthError> {

    @Override
    public Response toResponse(OAuthError error) {
        return AuthorizeResponses.error(error);
    }
}
