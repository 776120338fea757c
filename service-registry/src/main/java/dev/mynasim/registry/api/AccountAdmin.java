package dev.mynasim.registry.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Console accounts as the consoles list, create and remove them; the same rules as the admin REST API. */
public interface AccountAdmin {

    /** One console account; never its password hash. */
    record AccountView(String username, boolean operator, Optional<ApiUserId> apiUser, Instant createdAt) {
    }

    /** Every account for the operator; its own for an API user's account. */
    List<AccountView> accounts(Caller caller);

    /** Creates an account (operator): bound to the API user when {@code apiUserId} is not blank, else an operator. */
    AccountView createAccount(Caller caller, String username, String password, String apiUserId);

    /** Removes an account (operator; never its own). */
    void remove(Caller caller, String username);
}
