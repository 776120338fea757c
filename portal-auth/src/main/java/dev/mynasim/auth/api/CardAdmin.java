package dev.mynasim.auth.api;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Test persons and their virtual cards as the consoles list, issue and change them (DESIGN.md 6): the operator
 * reaches every card, an API user's account the cards it owns (another's answers not-found). The rules and messages
 * are those of {@code /admin/api/cards}.
 */
public interface CardAdmin {

    /**
     * A card with its holder. {@code state} is {@code usable}, {@code locked}, {@code expired} or {@code revoked}, as
     * the admin API says it; never the key, PIN or hash.
     */
    record CardView(String serial, PersonId person, String name, String nameKana, LocalDate birthdate, String gender,
                    String address, boolean portalRegistered, Optional<ApiUserId> owner, String state, int failures,
                    Instant notBefore, Instant notAfter, Optional<Instant> exportedAt) {
    }

    /**
     * A person and card to issue, as typed: {@code serial} generated when blank, {@code notBefore} and
     * {@code notAfter} ISO-8601 instants (defaults: yesterday and five years on), {@code apiUserId} the owner (the
     * operator's choice; an API user's account always owns what it issues).
     */
    record CardForm(String serial, String pin, String name, String nameKana, String birthdate, String gender,
                    String address, boolean portalRegistered, String notBefore, String notAfter, String apiUserId) {
    }

    /** The cards the caller may see, by serial. */
    List<CardView> cards(Caller caller);

    /** One card, or not-found when it does not exist or the caller may not see it. */
    CardView card(Caller caller, String serial);

    CardView issue(Caller caller, CardForm form);

    /** Locks the card as three wrong PINs would. */
    CardView lock(Caller caller, String serial);

    /** Unlocks the card and resets its count of wrong PINs. */
    CardView unlock(Caller caller, String serial);

    /** Revokes the card's certificate. */
    CardView revoke(Caller caller, String serial);

    /** Lets the card's certificate expire now: the test CA issues it again, for the same key, ending a second ago. */
    CardView expire(Caller caller, String serial);

    /** Sets a new PIN (初期化), which also unlocks the card and resets the count of wrong PINs. */
    CardView resetPin(Caller caller, String serial, String pin);
}
