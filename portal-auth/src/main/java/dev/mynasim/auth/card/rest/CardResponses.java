package dev.mynasim.auth.card.rest;

import dev.mynasim.auth.api.CardAdmin.CardView;
import dev.mynasim.registry.api.ApiUserId;

/** The card state endpoints answer in the shape of {@link CardResponse}, as the other card endpoints do. */
final class CardResponses {

    private CardResponses() {
    }

    static CardResponse of(CardView card) {
        return new CardResponse(card.serial(), card.person().value(), card.owner().map(ApiUserId::value).orElse(null),
                card.state(), card.failures(), card.notAfter(), card.exportedAt().orElse(null));
    }
}
