package dev.mynasim.registry.apiuser.rest;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.apiuser.ApiUserRegistry;
import dev.mynasim.registry.apiuser.CorporateNumber;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API users: the operator registers them; a console account reads its own. */
@Path("admin/api/api-users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "api-users", description = "API 利用者")
public class ApiUserResource {

    @Inject
    Caller caller;

    @Inject
    ApiUserRegistry registry;

    @GET
    @Operation(summary = "API users the caller may see")
    public List<ApiUserResponse> list() {
        return registry.list(caller).stream().map(ApiUserResponse::of).toList();
    }

    @POST
    @Operation(summary = "Registers an API user (operator)")
    public Response register(ApiUserRequest request, @Context UriInfo uri) {
        ApiUserRequest body = RuleViolation.requireBody(request);
        var user = registry.register(caller, new ApiUserId(RuleViolation.required("apiUserId", body.apiUserId())),
                body.name(), new CorporateNumber(body.corporateNumber()));
        return Response.created(uri.getAbsolutePathBuilder().path(user.id().value()).build())
                .entity(ApiUserResponse.of(user)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One API user")
    public ApiUserResponse get(@PathParam("id") String id) {
        return ApiUserResponse.of(registry.get(caller, new ApiUserId(id)));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Changes an API user's name or corporate number")
    public ApiUserResponse change(@PathParam("id") String id, ApiUserRequest request) {
        ApiUserRequest body = RuleViolation.requireBody(request);
        ApiUserId apiUserId = new ApiUserId(id);
        if (body.apiUserId() != null && !body.apiUserId().equals(id)) {
            throw RuleViolation.invalid("apiUserId", "id-immutable", "apiUserId cannot be changed",
                    "apiUserId は変更できません");
        }
        return ApiUserResponse.of(registry.change(caller, apiUserId, body.name(),
                new CorporateNumber(body.corporateNumber())));
    }
}
