package dev.mynasim.web.console.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /console} (the address to type) leads to the dashboard; signed out, the console's authentication has already
 * sent the browser to the login page.
 */
@Path("console")
public class ConsoleEntryResource {

    @GET
    @Operation(hidden = true)
    public Response dashboard(@Context UriInfo uri) {
        return Response.seeOther(uri.getBaseUriBuilder().path("console/dashboard").build()).build();
    }
}
