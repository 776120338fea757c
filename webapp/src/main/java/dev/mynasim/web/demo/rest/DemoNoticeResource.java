package dev.mynasim.web.demo.rest;

import static dev.mynasim.registry.api.JsonP.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The completion-notice receiver of the demo services (their registered callback URL): acknowledges a notice with
 * the answer telegram of its type ({@code IFA0302-R01} → {@code IFA0302-S01}), echoing telegram and process ids.
 */
@Path("demo/{serviceId: [A-Z]{2}\\d{4}}/notice")
public class DemoNoticeResource {

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Demo services' notice receiver: answers IFA0302-S01 (or the S01 of the notice's type)")
    public Response receive(@PathParam("serviceId") String serviceId, String body) {
        JsonObject header;
        try (JsonReader reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            JsonValue common = reader.readObject().get("commonHeader");
            if (common == null || common.getValueType() != JsonValue.ValueType.OBJECT) {
                return Response.status(400).build();
            }
            header = common.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            return Response.status(400).build();
        }
        String type = header.getString("telegramType", "IFA0302-R01");
        JsonObject answer = JSON.createObjectBuilder().add("commonHeader", JSON.createObjectBuilder()
                .add("telegramId", header.getOrDefault("telegramId", JsonValue.NULL))
                .add("telegramType", type.endsWith("-R01") ? type.substring(0, type.length() - 4) + "-S01" : "IFA0302-S01")
                .add("processId", header.getOrDefault("processId", JsonValue.NULL))
                .add("errorCode", "")).build();
        return Response.ok(answer.toString()).build();
    }
}
