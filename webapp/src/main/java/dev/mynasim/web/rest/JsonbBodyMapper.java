package dev.mynasim.web.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JSON-B failures that reach the resource layer unwrapped: the same 400 as any unreadable body. */
@Provider
public class JsonbBodyMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return UnreadableBodyMapper.problemFor(exception);
    }
}
