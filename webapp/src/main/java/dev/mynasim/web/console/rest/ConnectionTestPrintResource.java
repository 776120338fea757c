package dev.mynasim.web.console.rest;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RequestLog;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The console's printable connection-test report ({@code report-print} on {@code /console/connection-test}): the
 * page of {@code GET /admin/api/request-log/report.html}, with the console session.
 */
@Path("console/connection-test.html")
@RequestScoped
public class ConnectionTestPrintResource {

    @Inject
    Caller caller;

    @Inject
    RequestLog log;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response print(@QueryParam("service") String service) {
        return Response.ok(log.reportPage(caller, service == null ? "" : service.trim()),
                MediaType.TEXT_HTML + ";charset=UTF-8").build();
    }
}
