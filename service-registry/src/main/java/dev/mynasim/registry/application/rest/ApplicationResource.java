package dev.mynasim.registry.application.rest;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.application.Declaration;
import dev.mynasim.registry.application.Step;
import dev.mynasim.registry.application.UsageApplication;
import dev.mynasim.registry.application.UsageApplications;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Usage applications (利用申請), one per API user, named by the API user id. */
@Path("admin/api/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "applications", description = "利用申請: the on-boarding steps A-1 … A-21 of guideline section 4")
public class ApplicationResource {

    /** A step of the catalogue; labels are simulator-defined. */
    public record StepResponse(String step, String label, String phase) {
    }

    @Inject
    Caller caller;

    @Inject
    UsageApplications applications;

    @GET
    @Operation(summary = "The applications the caller may see")
    public List<ApplicationResponse> list() {
        return applications.list(caller).stream().map(ApplicationResponse::of).toList();
    }

    @GET
    @Path("steps")
    @Operation(summary = "Every step in order, with its (simulator-defined) label and phase")
    public List<StepResponse> steps() {
        return IntStream.rangeClosed(1, Step.LAUNCHED.number()).mapToObj(Step::new)
                .map(s -> new StepResponse(s.code(), s.label(), s.phase().labelJa())).toList();
    }

    @POST
    @Operation(summary = "Starts the application of an API user at A-1")
    public Response start(ApplicationRequest request, @Context UriInfo uri) {
        ApplicationRequest body = RuleViolation.requireBody(request);
        ApiUserId apiUser = new ApiUserId(body.apiUserId() != null ? body.apiUserId()
                : caller.apiUser().map(ApiUserId::value).orElse(null));
        UsageApplication application = applications.start(caller, apiUser);
        return Response.created(uri.getAbsolutePathBuilder().path(apiUser.value()).build())
                .entity(ApplicationResponse.of(application)).build();
    }

    @GET
    @Path("{apiUserId}")
    @Operation(summary = "One application with its history")
    public ApplicationResponse get(@PathParam("apiUserId") String apiUserId) {
        return ApplicationResponse.of(applications.get(caller, new ApiUserId(apiUserId)));
    }

    @POST
    @Path("{apiUserId}/transitions")
    @Operation(summary = "Moves the application to its next step ({\"step\": \"A-2\"})")
    public ApplicationResponse advance(@PathParam("apiUserId") String apiUserId, ApplicationRequest request) {
        ApplicationRequest body = RuleViolation.requireBody(request);
        Step step = Step.parse(RuleViolation.required("step", body.step()));
        return ApplicationResponse.of(applications.advance(caller, new ApiUserId(apiUserId), step, body.note()));
    }

    @POST
    @Path("{apiUserId}/declarations")
    @Operation(summary = "Declares the skip feature (before A-10) or the production grouping (A-16 … A-21)")
    public ApplicationResponse declare(@PathParam("apiUserId") String apiUserId, ApplicationRequest request) {
        ApplicationRequest body = RuleViolation.requireBody(request);
        Declaration declaration = Declaration.fromCode(RuleViolation.required("declaration", body.declaration()));
        return ApplicationResponse.of(applications.declare(caller, new ApiUserId(apiUserId), declaration, body.note()));
    }
}
