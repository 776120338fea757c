package dev.mynasim.web.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The root URL leads to the start page. */
@Path("/")
public class RootResource {

    @GET
    @Operation(hidden = true)
    public Response start(@Context UriInfo uri) {
        return Response.seeOther(uri.getBaseUriBuilder().path("portal/index.xhtml").build()).build();
    }
}
