package dev.mynasim.auth.card.rest;

import dev.mynasim.auth.api.CardAdmin;
import dev.mynasim.auth.card.VirtualCard;
import dev.mynasim.auth.card.VirtualCards;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Test persons and their cards: the operator manages all; an API user its own cards only (others answer 404). */
@Path("admin/api/cards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "cards", description = "Virtual My Number Cards and their holders")
public class CardAdminResource {

    @Inject
    Caller caller;

    @Inject
    CardAdmin cardAdmin;

    @Inject
    VirtualCards cards;


    @Inject
    Clock clock;

    @POST
    @Transactional
    @Operation(summary = "Issues a card to a new person (an API user's account owns the cards it creates)")
    public Response issue(CardRequest request, @Context UriInfo uri) {
        CardRequest body = RuleViolation.requireBody(request);
        // the rules of issue live in CardAdmin, shared with the console's form
        CardAdmin.CardView card = cardAdmin.issue(caller, new CardAdmin.CardForm(body.serial(), body.pin(), body.name(),
                body.nameKana(), body.birthdate(), body.gender(), body.address(),
                !Boolean.FALSE.equals(body.portalRegistered()), body.notBefore(), body.notAfter(), body.apiUserId()));
        return Response.created(uri.getAbsolutePathBuilder().path(card.serial()).build())
                .entity(CardResponse.of(card)).build();
    }

    @GET
    @Path("{serial}")
    @Operation(summary = "A card's state: usable, locked, expired or revoked, and its PIN failure count")
    public CardResponse get(@PathParam("serial") String serial) {
        return CardResponse.of(visible(serial), clock.instant());
    }

    @POST
    @Path("{serial}/unlock")
    @Operation(summary = "Unlocks a card and resets its PIN failure count")
    public CardResponse unlock(@PathParam("serial") String serial) {
        cards.unlock(visible(serial).serial(), caller.name());
        return get(serial);
    }

    @POST
    @Path("{serial}/lock")
    @Operation(summary = "Locks a card as three wrong PINs would")
    public CardResponse lock(@PathParam("serial") String serial) {
        cards.lock(visible(serial).serial(), caller.name());
        return get(serial);
    }

    @POST
    @Path("{serial}/revoke")
    @Operation(summary = "Revokes the card's certificate")
    public CardResponse revoke(@PathParam("serial") String serial) {
        cards.revoke(visible(serial).serial(), caller.name());
        return get(serial);
    }

    /**
     * The card's private key and certificate chain as PKCS#12 (alias: the serial), for signing challenges with one's
     * own code (the card step's outside-signature pair). Operator, or the API user that owns the card; the card then
     * serves TEST flows only.
     */
    @POST
    @Path("{serial}/pkcs12")
    @Produces({"application/x-pkcs12", MediaType.APPLICATION_JSON})
    @Operation(summary = "Exports the card's key and certificate as PKCS#12 (password in the body); "
            + "the card then serves the TEST environment only")
    public Response pkcs12(@PathParam("serial") String serial, Pkcs12Request request) {
        Pkcs12Request body = RuleViolation.requireBody(request);
        String password = RuleViolation.required("password", body.password());
        if (password.length() < 8 || password.length() > 128) {
            throw RuleViolation.invalid("password", "pkcs12-password-length",
                    "The PKCS#12 password is 8 to 128 characters", "PKCS#12 のパスワードは 8 文字以上 128 文字以内です");
        }
        // an API user reaches only the cards it owns; global cards (the demo cards) only the operator
        VirtualCard card = visible(serial);
        byte[] file = cards.exportPkcs12(card.serial(), password.toCharArray(), caller.name());
        return Response.ok(file, "application/x-pkcs12").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"card-" + card.serial() + ".p12\"").build();
    }

    private VirtualCard visible(String serial) {
        return cards.find(serial)
                .filter(card -> caller.operator() || card.owner().filter(caller::mayAccess).isPresent())
                .orElseThrow(() -> RuleViolation.notFound("Card", serial));
    }
}
