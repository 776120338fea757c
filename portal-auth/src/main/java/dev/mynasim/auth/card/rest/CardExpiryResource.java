package dev.mynasim.auth.card.rest;

import dev.mynasim.auth.api.CardAdmin;
import dev.mynasim.registry.api.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /admin/api/cards/{serial}/expire}. A class of its own, with the whole path, so JAX-RS still matches the
 * other card paths to {@link CardAdminResource} (the root resource with the longest literal path wins, JAX-RS 3.1
 * §3.7.2).
 */
@Path("admin/api/cards/{serial}/expire")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "cards", description = "Virtual My Number Cards and their holders")
public class CardExpiryResource {

    @Inject
    Caller caller;

    @Inject
    CardAdmin cards;

    @POST
    @Operation(summary = "Lets the card's certificate expire now (reissued for the same key, ending a second ago)")
    public CardResponse expire(@PathParam("serial") String serial) {
        return CardResponses.of(cards.expire(caller, serial));
    }
}
