package dev.mynasim.auth.consent.rest;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.consent.Consent;
import dev.mynasim.auth.consent.Consents;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A person's consents (連携中のサービス) and their revocation (連携を解除): the operator for every service, an API
 * user for its own services only (another's consent answers 404).
 */
@Path("admin/api/consents")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "consents", description = "Consents given by persons, and their revocation")
public class ConsentAdminResource {

    @Inject
    Caller caller;

    @Inject
    Consents consents;

    @GET
    @Operation(summary = "The consents a person gave (personId required), newest first")
    public String list(@QueryParam("personId") String personId) {
        RuleViolation.required("personId", personId);
        JsonArrayBuilder all = JSON.createArrayBuilder();
        consents.given(new PersonId(personId), caller).forEach(c -> all.add(json(c)));
        return all.build().toString();
    }

    @DELETE
    @Path("{consentId}")
    @Operation(summary = "連携を解除: revokes the consent; every token issued under it fails at once")
    public Response revoke(@PathParam("consentId") String consentId) {
        consents.revokeConsent(consentId, caller);
        return Response.noContent().build();
    }

    private static JsonObjectBuilder json(Consent c) {
        return JSON.createObjectBuilder().add("consentId", c.id()).add("environment", c.environment().path())
                .add("clientId", c.client().toString())
                .add("apis", JSON.createArrayBuilder(c.apis().stream().map(MynaApi::code).sorted().toList()))
                .add("cardSkipped", c.cardSkipped()).add("decidedAt", c.decidedAt().toString())
                .add("revokedAt", c.revokedAt().map(at -> (JsonValue) JSON.createValue(at.toString())).orElse(JsonValue.NULL));
    }
}
