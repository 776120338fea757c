package dev.mynasim.registry.group.rest;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.group.ServiceGroup;
import dev.mynasim.registry.group.ServiceGroupRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Groups of one environment, named in URLs as {@code SP00000001_G0001}. */
@Path("admin/api/environments/{environment}/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "groups", description = "グルーピング: services of one API user sharing a verification")
public class GroupResource {

    @Inject
    Caller caller;

    @Inject
    ServiceGroupRegistry registry;

    @PathParam("environment")
    String environment;

    @GET
    @Operation(summary = "The groups of this environment the caller may see")
    public List<GroupResponse> list() {
        return registry.list(caller, Environment.parse(environment)).stream().map(this::response).toList();
    }

    @POST
    @Operation(summary = "Declares a group of two or more services with the skip feature")
    public Response declare(GroupRequest request, @Context UriInfo uri) {
        GroupRequest body = RuleViolation.requireBody(request);
        ApiUserId owner = body.apiUserId() != null ? new ApiUserId(body.apiUserId())
                : caller.apiUser().orElseThrow(() -> RuleViolation.invalid("apiUserId", "required",
                        "apiUserId is required", "apiUserId は必須です"));
        GroupId groupId = new GroupId(RuleViolation.required("groupId", body.groupId()));
        ServiceGroup group = registry.declare(caller, Environment.parse(environment), owner, groupId,
                body.displayName(), body.memberIds());
        return Response.created(uri.getAbsolutePathBuilder().path(owner + "_" + groupId).build())
                .entity(response(group)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One group")
    public GroupResponse get(@PathParam("id") String id) {
        Ref ref = Ref.parse(id);
        return response(registry.get(caller, Environment.parse(environment), ref.owner(), ref.groupId()));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replaces a group's name and members")
    public GroupResponse change(@PathParam("id") String id, GroupRequest request) {
        GroupRequest body = RuleViolation.requireBody(request);
        Ref ref = Ref.parse(id);
        if ((body.apiUserId() != null && !body.apiUserId().equals(ref.owner().value()))
                || (body.groupId() != null && !body.groupId().equals(ref.groupId().value()))) {
            throw RuleViolation.invalid("groupId", "id-immutable", "apiUserId and groupId cannot be changed",
                    "apiUserId と groupId は変更できません");
        }
        return response(registry.change(caller, Environment.parse(environment), ref.owner(), ref.groupId(),
                body.displayName(), body.memberIds()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Dissolves a group; its services stay registered")
    public Response dissolve(@PathParam("id") String id) {
        Ref ref = Ref.parse(id);
        registry.dissolve(caller, Environment.parse(environment), ref.owner(), ref.groupId());
        return Response.noContent().build();
    }

    private GroupResponse response(ServiceGroup group) {
        return GroupResponse.of(group, registry.members(group));
    }

    /** {@code SP00000001_G0001}. */
    record Ref(ApiUserId owner, GroupId groupId) {
        static Ref parse(String id) {
            int separator = id.indexOf('_');
            if (separator < 0) {
                throw RuleViolation.invalid("id", "group-ref-format",
                        "A group is named like SP00000001_G0001, got: " + id,
                        "グループは SP00000001_G0001 の形式で指定してください。入力値: " + id);
            }
            return new Ref(new ApiUserId(id.substring(0, separator)), new GroupId(id.substring(separator + 1)));
        }
    }
}
