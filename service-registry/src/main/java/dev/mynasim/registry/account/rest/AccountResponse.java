package dev.mynasim.registry.account.rest;

import dev.mynasim.registry.account.ConsoleAccount;
import dev.mynasim.registry.api.ApiUserId;
import java.time.Instant;

/** A console account on the wire; never its password hash. */
public record AccountResponse(String username, String role, String apiUserId, Instant createdAt) {

    static AccountResponse of(ConsoleAccount account) {
        return new AccountResponse(account.username(), account.role(),
                account.apiUser().map(ApiUserId::value).orElse(null), account.createdAt());
    }
}
