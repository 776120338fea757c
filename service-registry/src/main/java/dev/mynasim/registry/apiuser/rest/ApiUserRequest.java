package dev.mynasim.registry.apiuser.rest;

/** An API user to register or change; {@code apiUserId} is fixed once registered. */
public record ApiUserRequest(String apiUserId, String name, String corporateNumber) {
}
