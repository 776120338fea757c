package dev.mynasim.adapters.exchange.rest;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.adapters.exchange.DataRequest;
import dev.mynasim.adapters.exchange.DataRequests;
import dev.mynasim.adapters.exchange.NoticeAttempt;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the exchange did for a service: its requests (newest first) and, per request, every notice attempt with the
 * service's answer. An API user sees its own services' requests only.
 */
@Path("admin/api/data-requests")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "data requests", description = "Requests of the Mynaportal-compatible exchange and their notices")
public class DataRequestResource {

    @Inject
    Caller caller;

    @Inject
    DataRequests requests;

    @GET
    @Operation(summary = "The latest 100 requests, optionally of one service (clientId)")
    public String list(@QueryParam("clientId") String clientId) {
        Optional<String> client = Optional.ofNullable(clientId).filter(c -> !c.isBlank())
                .map(c -> ClientId.parse(c).toString());
        JsonArrayBuilder all = JSON.createArrayBuilder();
        requests.list(caller, client, 100).forEach(r -> all.add(summary(r)));
        return all.build().toString();
    }

    @GET
    @Path("{processId}")
    @Operation(summary = "One request with every notice attempt")
    public String get(@PathParam("processId") String processId) {
        DataRequest request = requests.visible(caller, processId);
        JsonArrayBuilder attempts = JSON.createArrayBuilder();
        for (NoticeAttempt attempt : requests.attempts(processId)) {
            attempts.add(JSON.createObjectBuilder().add("attempt", attempt.attempt())
                    .add("at", attempt.attemptedAt().toString())
                    .add("httpStatus", attempt.httpStatus().map(s -> (JsonValue) JSON.createValue(s)).orElse(JsonValue.NULL))
                    .add("outcome", attempt.outcome()));
        }
        return summary(request).add("attempts", attempts).build().toString();
    }

    private static JsonObjectBuilder summary(DataRequest r) {
        return JSON.createObjectBuilder().add("processId", r.processId()).add("telegramId", r.telegramId())
                .add("environment", r.environment().path()).add("clientId", r.client().toString())
                .add("api", r.api().code()).add("createdAt", r.createdAt().toString())
                .add("readyAt", r.readyAt().toString())
                .add("callbackUrl", r.callbackUrl().map(u -> (JsonValue) JSON.createValue(u)).orElse(JsonValue.NULL))
                .add("noticeState", r.noticeState().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .add("noticeDueAt", r.noticeDueAt().toString()).add("noticeCopies", r.noticeCopies())
                .add("attemptCount", r.attempts());
    }
}
