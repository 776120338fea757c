package dev.mynasim.registry.requestlog.rest;

import dev.mynasim.registry.api.ApplicationAdmin;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ConnectionTestReport;
import dev.mynasim.registry.api.RequestLog;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

    /** The connection-test report on the wire: statuses as {@code passed}, {@code not-yet-seen}, {@code failed}. */
    public record ReportResponse(String environment, String service, String displayName, java.time.Instant computedAt,
                                 long entriesRead, boolean passed, List<ItemResponse> items) {

        static ReportResponse of(ConnectionTestReport r) {
            return new ReportResponse(r.environment().path(), r.service(), r.displayName(), r.computedAt(),
                    r.entriesRead(), r.passed(), r.items().stream().map(i -> new ItemResponse(i.code(), i.status().code(),
                            i.titleJa(), i.titleEn(), i.detailJa(), i.detailEn(), i.evidence())).toList());
        }
    }

    public record ItemResponse(String code, String status, String titleJa, String titleEn, String detailJa,
                               String detailEn, List<Long> evidence) {
    }

    @GET
    @Path("report")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The connection-test (接続試験) report of one service in TEST, computed from its request log")
    public ReportResponse report(@QueryParam("service") String service) {
        return ReportResponse.of(log.report(caller, required(service)));
    }

    @GET
    @Path("report.html")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The same report as a printable page, Japanese with English")
    public Response reportPage(@QueryParam("service") String service) {
        return Response.ok(log.reportPage(caller, required(service)),
                MediaType.TEXT_HTML + ";charset=UTF-8").build();
    }

    @POST
    @Path("report/submit")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submits the connection test from a passed report: the usage application moves from A-12 to "
            + "A-13 (409 when an item has not passed or the application is not at A-12)")
    public Submitted submit(@QueryParam("service") String service) {
        ApplicationAdmin.ApplicationView application = log.submit(caller, required(service));
        return new Submitted(application.apiUser().value(), application.step(), application.stepLabel());
    }

    /** Where the usage application stands after a submission. */
    public record Submitted(String apiUserId, String step, String stepLabel) {
    }

    private static String required(String service) {
        if (service == null || service.isBlank()) {
            throw RuleViolation.invalid("service", "service-required", "service (a client_id) is required",
                    "service (client_id) を指定してください");
        }
        return service.trim();
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
