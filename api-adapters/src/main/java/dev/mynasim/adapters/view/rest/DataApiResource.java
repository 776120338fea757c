package dev.mynasim.adapters.view.rest;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.adapters.data.JsonBodies;
import dev.mynasim.adapters.data.ViewRequest;
import dev.mynasim.adapters.view.DataView;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The synchronous JSON view for the OpenID Connect door (simulator-defined): record resources with paging
 * ({@code page} from 1, {@code size} 1 to 100) and a date filter ({@code from}, {@code to}, inclusive); the
 * registration ({@code user-registration/registration}: GET, POST) and the attribute link
 * ({@code attribute-linkage/link}: GET, PUT, DELETE). Errors are RFC 9457 problem details.
 */
@Path("{environment: test|production}/api/v1/{api}/{resource}")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "data API (synchronous)", description = "Person data by API and resource; layouts are simulator-defined")
public class DataApiResource {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DataView view;

    @PathParam("environment")
    String environment;

    @PathParam("api")
    String api;

    @PathParam("resource")
    String resource;

    @HeaderParam(HttpHeaders.AUTHORIZATION)
    String authorization;

    @GET
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "Reads a resource: a page of records newest first, or the registration / link status")
    public Response read(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("page") String page, @QueryParam("size") String size) {
        return call(() -> ViewRequest.get(from, to, page, size));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "user-registration/registration: registers the token's person with the portal")
    public Response post(String body) {
        return call(() -> ViewRequest.change("POST", object(body)));
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "attribute-linkage/link: links the person to the service's account id {\"serviceAccountId\": …}")
    public Response put(String body) {
        return call(() -> ViewRequest.change("PUT", object(body)));
    }

    @DELETE
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "attribute-linkage/link: removes the link")
    public Response delete() {
        return call(() -> ViewRequest.change("DELETE", null));
    }

    private Response call(Supplier<ViewRequest> request) {
        try {
            JsonObject answer = view.call(Environment.parse(environment), api, resource, authorization, request);
            return Response.ok(answer.toString()).header("Cache-Control", "no-store").build();
        } catch (DataRefused refused) {
            Response.ResponseBuilder response = problem(refused.status(), refused.errorCode(), null,
                    refused.getMessage(), refused.messageJa());
            refused.headers().forEach(response::header);
            return response.build();
        } catch (RuleViolation violation) {
            return problem(violation.kind().status(), violation.rule(), violation.field(), violation.getMessage(),
                    violation.messageJa()).build();
        }
    }

    /** RFC 9457, in the shape of the admin API's problems: the rule (here the errorCode) and the Japanese text. */
    private static Response.ResponseBuilder problem(int status, String rule, String field, String detail, String detailJa) {
        Response.Status known = Response.Status.fromStatusCode(status);
        JsonObjectBuilder body = JSON.createObjectBuilder().add("type", "urn:mynasim:problem:" + rule)
                .add("title", known == null ? "Error" : known.getReasonPhrase()).add("status", status)
                .add("detail", detail).add("detail_ja", detailJa).add("rule", rule);
        if (field != null) {
            body.add("field", field);
        }
        return Response.status(status).type(PROBLEM).entity(body.build().toString()).header("Cache-Control", "no-store");
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonStructure parsed = JsonBodies.parse(body).orElseThrow(() -> RuleViolation.invalid("body", "malformed-json",
                "The body is not well-formed JSON", "リクエストボディが正しい JSON ではありません"));
        if (!(parsed instanceof JsonObject object)) {
            throw RuleViolation.invalid("body", "object-required", "The body must be a JSON object",
                    "リクエストボディは JSON オブジェクトで指定してください");
        }
        return object;
    }
}
