package dev.mynasim.registry.service.rest;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServiceId;
import dev.mynasim.registry.service.WebService;
import dev.mynasim.registry.service.WebServiceRegistry;
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

/** Web services of one environment ({@code test} or {@code production}). */
@Path("admin/api/environments/{environment}/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "services", description = "Web サービス (OAuth clients), per environment")
public class WebServiceResource {

    @Inject
    Caller caller;

    @Inject
    WebServiceRegistry registry;

    @PathParam("environment")
    String environment;

    @GET
    @Operation(summary = "The services of this environment the caller may see")
    public List<WebServiceResponse> list() {
        return registry.list(caller, Environment.parse(environment)).stream().map(this::response).toList();
    }

    @POST
    @Operation(summary = "Registers a service")
    public Response register(WebServiceRequest request, @Context UriInfo uri) {
        WebServiceRequest body = RuleViolation.requireBody(request);
        Environment env = Environment.parse(environment);
        ApiUserId owner = body.apiUserId() != null ? new ApiUserId(body.apiUserId())
                : caller.apiUser().orElseThrow(() -> RuleViolation.invalid("apiUserId", "required",
                        "apiUserId is required", "apiUserId は必須です"));
        var clientId = new ClientId(owner, new ServiceId(RuleViolation.required("serviceId", body.serviceId())));
        WebService service = registry.register(caller, env, clientId, body.registration());
        String secret = service.needsSecret() ? registry.newSecret(caller, env, clientId) : null;
        return Response.created(uri.getAbsolutePathBuilder().path(clientId.toString()).build())
                .entity(WebServiceResponse.of(service, registry.whyUnusable(service), secret)).build();
    }

    @GET
    @Path("{clientId}")
    @Operation(summary = "One service")
    public WebServiceResponse get(@PathParam("clientId") String clientId) {
        return response(registry.get(caller, Environment.parse(environment), ClientId.parse(clientId)));
    }

    @PUT
    @Path("{clientId}")
    @Operation(summary = "Replaces a service's registration (apiUserId and serviceId are fixed)")
    public WebServiceResponse change(@PathParam("clientId") String clientId, WebServiceRequest request) {
        WebServiceRequest body = RuleViolation.requireBody(request);
        ClientId id = ClientId.parse(clientId);
        if ((body.apiUserId() != null && !body.apiUserId().equals(id.apiUser().value()))
                || (body.serviceId() != null && !body.serviceId().equals(id.service().value()))) {
            throw RuleViolation.invalid("serviceId", "id-immutable", "apiUserId and serviceId cannot be changed",
                    "apiUserId と serviceId は変更できません");
        }
        Environment env = Environment.parse(environment);
        WebService service = registry.change(caller, env, id, body.registration());
        String secret = service.needsSecret() ? registry.newSecret(caller, env, id) : null;
        return WebServiceResponse.of(service, registry.whyUnusable(service), secret);
    }

    @POST
    @Path("{clientId}/client-secret")
    @Operation(summary = "A new client secret (client_secret_basic / client_secret_post, TEST only), shown this once")
    public WebServiceResponse newSecret(@PathParam("clientId") String clientId) {
        Environment env = Environment.parse(environment);
        ClientId id = ClientId.parse(clientId);
        String secret = registry.newSecret(caller, env, id);
        WebService service = registry.get(caller, env, id);
        return WebServiceResponse.of(service, registry.whyUnusable(service), secret);
    }

    @DELETE
    @Path("{clientId}")
    @Operation(summary = "Removes a service that belongs to no group")
    public Response remove(@PathParam("clientId") String clientId) {
        registry.remove(caller, Environment.parse(environment), ClientId.parse(clientId));
        return Response.noContent().build();
    }

    private WebServiceResponse response(WebService service) {
        return WebServiceResponse.of(service, registry.whyUnusable(service));
    }
}
