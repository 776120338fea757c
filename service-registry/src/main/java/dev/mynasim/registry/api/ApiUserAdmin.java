package dev.mynasim.registry.api;

import java.time.Instant;
import java.util.List;

/** API users as the consoles list and register them; the same rules and messages as the admin REST API. */
public interface ApiUserAdmin {

    /** One API user as a console shows it. */
    record ApiUserView(ApiUserId id, String name, String corporateNumber, Instant createdAt) {
    }

    /** Every API user for the operator; its own for an API user's account. */
    List<ApiUserView> apiUsers(Caller caller);

    /** Registers an API user (operator); the id and corporate number are checked as typed. */
    ApiUserView register(Caller caller, String apiUserId, String name, String corporateNumber);
}
