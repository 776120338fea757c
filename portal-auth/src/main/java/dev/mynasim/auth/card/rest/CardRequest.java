package dev.mynasim.auth.card.rest;

/**
 * A person and a card to issue. {@code serial} (12 digits) is generated when left out; {@code notBefore} and
 * {@code notAfter} (ISO-8601) default to yesterday and five years on; {@code apiUserId} makes the card visible only to
 * that API user (and the operator); an API user's account always owns the cards it creates.
 */
public record CardRequest(String serial, String pin, String name, String nameKana, String birthdate, String gender,
                          String address, Boolean portalRegistered, String notBefore, String notAfter,
                          String apiUserId) {
}
