package dev.mynasim.registry.fault.rest;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.fault.FaultRuleRow;
import dev.mynasim.registry.fault.FaultRules;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Failure-injection rules of the services the caller owns (the operator: of every service), and their hits. */
@Path("admin/api/faults")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "faults", description = "Failure injection: rules that make a service's authorization or data steps fail on purpose")
public class FaultResource {

    @Inject
    Caller caller;

    @Inject
    FaultRules rules;

    @GET
    @Operation(summary = "The rules the caller may see, oldest first; optionally of one environment and one service")
    public List<FaultRuleResponse> list(@QueryParam("environment") String environment,
                                        @QueryParam("clientId") String clientId) {
        return rules.list(caller, present(environment).map(Environment::parse), present(clientId).map(ClientId::parse))
                .stream().map(FaultRuleResponse::of).toList();
    }

    @POST
    @Operation(summary = "Adds a rule for a service the caller owns")
    public Response add(FaultRuleRequest request, @Context UriInfo uri) {
        FaultRuleRequest body = RuleViolation.requireBody(request);
        FaultRuleRow row = rules.add(caller, body.environmentValue(), body.clientIdValue(), body.definition());
        return Response.created(uri.getAbsolutePathBuilder().path(row.id()).build())
                .entity(FaultRuleResponse.of(row)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One rule")
    public FaultRuleResponse get(@PathParam("id") String id) {
        return FaultRuleResponse.of(rules.get(caller, id));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replaces a rule (its id, creator and creation time stay)")
    public FaultRuleResponse change(@PathParam("id") String id, FaultRuleRequest request) {
        FaultRuleRequest body = RuleViolation.requireBody(request);
        return FaultRuleResponse.of(rules.change(caller, id, body.environmentValue(), body.clientIdValue(),
                body.definition()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Removes a rule and its hits (the audit trail keeps them)")
    public Response remove(@PathParam("id") String id) {
        rules.remove(caller, id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/hits")
    @Operation(summary = "When the rule struck, newest first, at most 100")
    public List<FaultHitResponse> hits(@PathParam("id") String id) {
        return rules.hits(caller, id).stream().map(FaultHitResponse::of).toList();
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
