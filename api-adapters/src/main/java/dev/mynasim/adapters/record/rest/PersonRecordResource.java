package dev.mynasim.adapters.record.rest;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.adapters.data.JsonBodies;
import dev.mynasim.adapters.data.ViewRequest;
import dev.mynasim.adapters.layout.Layout;
import dev.mynasim.adapters.record.PersonRecords;
import dev.mynasim.adapters.record.RecordPage;
import dev.mynasim.auth.api.PersonId;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A person's records for one API resource: read a page, replace all, append, or clear. Records are JSON objects with
 * the layout's Japanese field names (simulator-defined layouts, listed at {@code GET /admin/api/layouts}).
 */
@Path("admin/api")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "person records", description = "Simulated person data served by the API adapters (simulator-defined layouts)")
public class PersonRecordResource {

    @Inject
    Caller caller;

    @Inject
    PersonRecords records;

    @GET
    @Path("layouts")
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "The simulator-defined data layouts: code, API, resource, names, date field and fields")
    public String layouts() {
        JsonArrayBuilder all = JSON.createArrayBuilder();
        for (Layout layout : records.layouts().all()) {
            all.add(JSON.createObjectBuilder().add("code", layout.code()).add("api", layout.api().code())
                    .add("resource", layout.resource()).add("nameJa", layout.nameJa()).add("nameEn", layout.nameEn())
                    .add("dateField", layout.dateField()).add("simulatorDefined", true)
                    .add("fields", JSON.createArrayBuilder(layout.fields().stream().map(f -> f.name()).toList())));
        }
        return all.build().toString();
    }

    @GET
    @Path("persons/{personId}/records/{api}/{resource}")
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "A page of a person's records of one resource, newest first")
    public String read(@PathParam("personId") String personId, @PathParam("api") String api,
                       @PathParam("resource") String resource, @QueryParam("page") String page,
                       @QueryParam("size") String size) {
        ViewRequest paging = ViewRequest.get(null, null, page, size);
        RecordPage found = records.read(caller, new PersonId(personId), api(api), resource,
                paging.offset(), paging.size());
        return JSON.createObjectBuilder().add("personId", personId).add("api", api).add("resource", resource)
                .add("page", paging.page()).add("size", paging.size()).add("total", found.total())
                .add("records", JSON.createArrayBuilder(found.records())).build().toString();
    }

    @PUT
    @Path("persons/{personId}/records/{api}/{resource}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "Replaces a person's records of one resource with the JSON array sent")
    public String replace(@PathParam("personId") String personId, @PathParam("api") String api,
                          @PathParam("resource") String resource, String body) {
        return written(personId, api, resource, records.write(caller, new PersonId(personId), api(api),
                resource, array(body), false));
    }

    @POST
    @Path("persons/{personId}/records/{api}/{resource}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "Appends the JSON array sent to a person's records of one resource")
    public String append(@PathParam("personId") String personId, @PathParam("api") String api,
                         @PathParam("resource") String resource, String body) {
        return written(personId, api, resource, records.write(caller, new PersonId(personId), api(api),
                resource, array(body), true));
    }

    @DELETE
    @Path("persons/{personId}/records/{api}/{resource}")
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "Removes all of a person's records of one resource")
    public Response clear(@PathParam("personId") String personId, @PathParam("api") String api,
                          @PathParam("resource") String resource) {
        records.write(caller, new PersonId(personId), api(api), resource, JsonArray.EMPTY_JSON_ARRAY, false);
        return Response.noContent().build();
    }

    private static String written(String personId, String api, String resource, long total) {
        JsonObject answer = JSON.createObjectBuilder().add("personId", personId).add("api", api)
                .add("resource", resource).add("total", total).build();
        return answer.toString();
    }

    /** The API of the path, reported against the path segment {@code api} (MynaApi names the registry's field). */
    private static MynaApi api(String code) {
        try {
            return MynaApi.fromCode(code);
        } catch (RuleViolation e) {
            throw RuleViolation.invalid("api", e.rule(), e.getMessage(), e.messageJa());
        }
    }

    private static JsonArray array(String body) {
        JsonStructure parsed = JsonBodies.parse(body).orElseThrow(() -> RuleViolation.invalid("body", "malformed-json",
                "The body is not well-formed JSON", "リクエストボディが正しい JSON ではありません"));
        if (!(parsed instanceof JsonArray array)) {
            throw RuleViolation.invalid("body", "records-array", "The body must be a JSON array of records",
                    "リクエストボディは記録の JSON 配列で指定してください");
        }
        return array;
    }
}
