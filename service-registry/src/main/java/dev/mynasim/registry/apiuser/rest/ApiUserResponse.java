package dev.mynasim.registry.apiuser.rest;

import dev.mynasim.registry.apiuser.ApiUser;
import java.time.Instant;

/** An API user on the wire. */
public record ApiUserResponse(String apiUserId, String name, String corporateNumber, Instant createdAt,
                              Instant updatedAt) {

    static ApiUserResponse of(ApiUser user) {
        return new ApiUserResponse(user.id().value(), user.name(), user.corporateNumber().value(),
                user.createdAt(), user.updatedAt());
    }
}
