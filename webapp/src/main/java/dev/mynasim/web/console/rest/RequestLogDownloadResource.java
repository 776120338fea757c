package dev.mynasim.web.console.rest;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RequestLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The console's request log download ({@code log-download} on {@code /console/request-log}): the same NDJSON as
 * {@code GET /admin/api/request-log}, with the console session (its cookie goes to {@code /console} only).
 */
@Path("console/request-log.ndjson")
@RequestScoped
public class RequestLogDownloadResource {

    @Inject
    Caller caller;

    @Inject
    RequestLog log;

    @GET
    @Produces("application/x-ndjson")
    @Operation(hidden = true)
    public Response download(@QueryParam("service") String service, @QueryParam("endpoint") String endpoint,
                             @QueryParam("result") String result, @QueryParam("from") String from,
                             @QueryParam("to") String to) {
        String lines = log.ndjson(caller, new RequestLog.Filter(null, service, endpoint, result, from, to));
        return Response.ok(lines.getBytes(StandardCharsets.UTF_8), "application/x-ndjson;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"mynasim-request-log.ndjson\"").build();
    }
}
