package dev.mynasim.web.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body the client never finished sending is a 400 in the surface's format (RFC 6749 §5.2 at the OAuth form
 * endpoints, a problem elsewhere), and the connection is closed: not a 500.
 */
@Provider
public class UnreadableStreamMapper implements ExceptionMapper<BodyLimitFilter.Unreadable> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(BodyLimitFilter.Unreadable exception) {
        return BodyLimitFilter.unreadable(BodyLimitFilter.oauthFormEndpoint(uri.getPath()));
    }
}
