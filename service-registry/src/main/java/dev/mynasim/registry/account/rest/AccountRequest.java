package dev.mynasim.registry.account.rest;

/** A console account to create ({@code apiUserId} null for an operator), or a new password. */
public record AccountRequest(String username, String password, String apiUserId) {
}
