package dev.mynasim.auth.card.rest;

import dev.mynasim.auth.api.CardAdmin;
import dev.mynasim.auth.card.VirtualCard;
import dev.mynasim.registry.api.ApiUserId;
import java.time.Instant;

/** A card's state on the wire; never its key, PIN or hash. {@code exportedAt}: when its key was exported (PKCS#12). */
public record CardResponse(String serial, String personId, String apiUserId, String state, int failures,
                           Instant notAfter, Instant exportedAt) {

    static CardResponse of(CardAdmin.CardView card) {
        return new CardResponse(card.serial(), card.person().value(), card.owner().map(ApiUserId::value).orElse(null),
                card.state(), card.failures(), card.notAfter(), card.exportedAt().orElse(null));
    }

    static CardResponse of(VirtualCard card, Instant now) {
        return new CardResponse(card.serial(), card.person().value(), card.owner().map(ApiUserId::value).orElse(null),
                card.state(now).name().toLowerCase(), card.failures(), card.notAfter(), card.exportedAt().orElse(null));
    }
}
