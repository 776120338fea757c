package dev.mynasim.auth.oauth.rest;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.auth.api.PortalFlow.Next;
import dev.mynasim.auth.card.CertificateText;
import dev.mynasim.auth.flow.OutsideSignature;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The card step of a transaction in progress done with a signature made outside the simulator (TEST, simulator-
 * defined): read the challenge, sign its ASCII bytes RS256 with the card's key (exported as PKCS#12), post the
 * signature with the card's certificate. The transaction id is the {@code tx} of the card step's page URL. Errors are
 * RFC 9457 problem details; a refused card names the card step's code as {@code rule}.
 */
@Path("{environment: test|production}/online-authorization-web/card-step/{transaction}")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "mynaportal-oauth", description = "Mynaportal-compatible authorization (paths as public integrator code shows them)")
public class CardStepResource {

    @Inject
    OutsideSignature outsideSignature;

    @PathParam("environment")
    String environment;

    @PathParam("transaction")
    String transaction;

    @GET
    @Path("challenge")
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "A fresh challenge for the card step (TEST): sign its ASCII bytes RS256 with the card's key")
    public Response challenge() {
        OutsideSignature.CardChallenge challenge = outsideSignature.cardChallenge(Environment.parse(environment), transaction);
        return Response.ok(JSON.createObjectBuilder().add("transaction", challenge.transactionId())
                        .add("challenge", challenge.challenge()).add("alg", "RS256")
                        .add("expiresAt", challenge.expiresAt().toString()).build().toString())
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("signature")
    @Consumes(MediaType.APPLICATION_JSON)
    @Extension(name = "x-mynasim-simulator-defined", value = "true")
    @Operation(summary = "Completes the card step with the signature over the challenge and the card's certificate "
            + "(the same checks as the page, except the PIN); answers where the browser goes next")
    public Response signature(CardSignatureRequest request, @Context UriInfo uri) {
        CardSignatureRequest body = RuleViolation.requireBody(request);
        if (body.alg() != null && !body.alg().equals("RS256")) {
            throw RuleViolation.invalid("alg", "signature-alg", "alg must be RS256 (RFC 7518 §3.3), got: " + body.alg(),
                    "alg は RS256 (RFC 7518 §3.3) で指定してください。入力値: " + body.alg());
        }
        Next next = outsideSignature.signedCardStep(Environment.parse(environment), transaction,
                CertificateText.certificate("certificate", body.certificate()),
                CertificateText.signature("signature", body.signature()));
        Response.ResponseBuilder response = Response.ok(JSON.createObjectBuilder().add("verified", true)
                .add("location", uri.getBaseUri().resolve(next.location().orElseThrow()).toString()).build().toString())
                .header("Cache-Control", "no-store");
        next.cookie().ifPresent(cookie -> response.cookie(AuthorizeResponses.sessionCookie(cookie)));
        return response.build();
    }
}
