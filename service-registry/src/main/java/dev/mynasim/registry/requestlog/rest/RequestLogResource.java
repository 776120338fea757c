package dev.mynasim.registry.requestlog.rest;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RequestLog;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The request log of an API user's own services (the operator's: all), filtered and paged, newest first; as NDJSON
 * for download; one entry by id. README: Request log.
 */
@Path("admin/api/request-log")
@RequestScoped
@Tag(name = "request-log", description = "What each request of a Web service sent and got, redacted, with a diagnosis")
public class RequestLogResource {

    static final String NDJSON = "application/x-ndjson";
    private static final int MAX_LIMIT = 500;

    @Inject
    Caller caller;

    @Inject
    RequestLog log;

    /** The filters every read takes. */
    public static class Filters {
        @QueryParam("environment")
        String environment;
        @QueryParam("service")
        String service;
        @QueryParam("endpoint")
        String endpoint;
        @QueryParam("result")
        String result;
        @QueryParam("from")
        String from;
        @QueryParam("to")
        String to;

        RequestLog.Filter filter() {
            return new RequestLog.Filter(environment, service, endpoint, result, from, to);
        }
    }

    /** A page: the entries and how many match in all. */
    public record Page(long total, int offset, int limit, List<RequestLogEntryResponse> entries) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request log entries, newest first, filtered by environment (test|production), service "
            + "(client_id), endpoint (a part of it), result (ok|error) and time (ISO-8601, from inclusive, to exclusive)")
    public Page find(@BeanParam Filters filters, @QueryParam("offset") @DefaultValue("0") int offset,
                     @QueryParam("limit") @DefaultValue("50") int limit) {
        RequestLog.Page page = log.entries(caller, filters.filter(), offset, limit, MAX_LIMIT);
        return new Page(page.total(), page.offset(), page.limit(),
                page.entries().stream().map(RequestLogEntryResponse::of).toList());
    }

    @GET
    @Produces(NDJSON)
    @Operation(summary = "The same entries as NDJSON, one JSON object per line, newest first (at most 10,000)")
    public Response download(@BeanParam Filters filters) {
        return Response.ok(log.ndjson(caller, filters.filter()).getBytes(StandardCharsets.UTF_8),
                NDJSON + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"mynasim-request-log.ndjson\"").build();
    }

    /** The download for a link (a browser sends no NDJSON Accept header). */
    @GET
    @Path("download")
    @Produces(NDJSON)
    @Operation(summary = "The same NDJSON download, whatever the Accept header")
    public Response downloadLink(@BeanParam Filters filters) {
        return download(filters);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One request log entry")
    public RequestLogEntryResponse one(@PathParam("id") String id) {
        try {
            return RequestLogEntryResponse.of(log.entry(caller, Long.parseLong(id)));
        } catch (NumberFormatException e) {
            throw RuleViolation.notFound("Request log entry", id);
        }
    }
}
