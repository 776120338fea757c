package dev.mynasim.auth.card.rest;

import dev.mynasim.auth.api.CardAdmin;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code PUT /admin/api/cards/{serial}/pin}: a class of its own for the reason {@link CardExpiryResource} gives. */
@Path("admin/api/cards/{serial}/pin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "cards", description = "Virtual My Number Cards and their holders")
public class CardPinResource {

    /** The new PIN, 4 ASCII digits. */
    public record PinRequest(String pin) {
    }

    @Inject
    Caller caller;

    @Inject
    CardAdmin cards;

    @PUT
    @Operation(summary = "Sets a new PIN (初期化); the card is unlocked and its count of wrong PINs starts over")
    public CardResponse resetPin(@PathParam("serial") String serial, PinRequest request) {
        PinRequest body = RuleViolation.requireBody(request);
        return CardResponses.of(cards.resetPin(caller, serial, body.pin()));
    }
}
