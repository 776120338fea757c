package dev.mynasim.web.rest;

import static dev.mynasim.registry.api.JsonP.JSON;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problem details, in English with the Japanese text beside it: {@code type}, {@code title},
 * {@code status}, {@code detail}, and the extensions {@code detail_ja}, {@code field} and {@code rule}.
 */
public record Problem(int status, String rule, String field, String detail, String detailJa) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Response response() {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", "urn:mynasim:problem:" + rule)
                .add("title", Response.Status.fromStatusCode(status) == null ? "Error"
                        : Response.Status.fromStatusCode(status).getReasonPhrase())
                .add("status", status)
                .add("detail", detail)
                .add("detail_ja", detailJa)
                .add("rule", rule);
        if (field != null) {
            body.add("field", field);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
    }
}
