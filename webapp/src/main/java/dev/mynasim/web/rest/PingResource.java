package dev.mynasim.web.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The cheapest JAX-RS answer this server gives: the benchmark's ceiling for the data API (README, Benchmarks), the
 * same container, filters and JAX-RS dispatch without a token, a database or JSON. Not part of any API.
 */
@Path("bench/ping")
public class PingResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public String ping() {
        return "pong";
    }
}
