package dev.mynasim.registry.seed.rest;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.seed.IdSeed;
import dev.mynasim.registry.seed.IdSeeds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seed of a TEST service's deterministic ids (README: Deterministic ids). */
@Path("admin/api/environments/test/services/{clientId}/id-seed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "id-seed", description = "Deterministic codes and processIds for a TEST service, for repeatable runs")
public class IdSeedResource {

    /** {@code {"seed": "run-1"}}. */
    public record IdSeedRequest(String seed) {
    }

    /** The seed and how many codes and processIds were derived since it was set. */
    public record IdSeedResponse(String clientId, String seed, long codes, long processIds, Instant setAt) {

        static IdSeedResponse of(IdSeed s) {
            return new IdSeedResponse(s.clientId(), s.seed(), s.codes(), s.processIds(), s.setAt());
        }
    }

    @Inject
    Caller caller;

    @Inject
    IdSeeds seeds;

    @GET
    @Operation(summary = "The service's seed and its counts (404 when it has none)")
    public IdSeedResponse get(@PathParam("clientId") String clientId) {
        ClientId client = ClientId.parse(clientId);
        return seeds.get(caller, client).map(IdSeedResponse::of)
                .orElseThrow(() -> RuleViolation.notFound("Id seed", clientId));
    }

    @PUT
    @Operation(summary = "Sets the seed (again: the counts start at zero); codes and processIds are derived from it")
    public IdSeedResponse set(@PathParam("clientId") String clientId, IdSeedRequest request) {
        return IdSeedResponse.of(seeds.set(caller, ClientId.parse(clientId), RuleViolation.requireBody(request).seed()));
    }

    @DELETE
    @Operation(summary = "Removes the seed: ids are random again")
    public Response remove(@PathParam("clientId") String clientId) {
        seeds.remove(caller, ClientId.parse(clientId));
        return Response.noContent().build();
    }
}
