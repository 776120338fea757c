package dev.mynasim.registry.api;

import java.util.Optional;

/**
 * Who is asking: the operator (everything) or a console account bound to one API user (its own records only).
 * Produced per request by the web layer from the authenticated principal.
 */
public record Caller(String name, boolean operator, Optional<ApiUserId> apiUser) {

    /** The simulator itself, for demo data and start-up work. */
    public static final Caller SYSTEM = new Caller("system", true, Optional.empty());

    public static Caller operator(String name) {
        return new Caller(name, true, Optional.empty());
    }

    public static Caller apiUser(String name, ApiUserId apiUser) {
        return new Caller(name, false, Optional.of(apiUser));
    }

    /** True when this caller may see and change the records of the given API user. */
    public boolean mayAccess(ApiUserId owner) {
        return operator || apiUser.filter(owner::equals).isPresent();
    }

    public void requireOperator() {
        if (!operator) {
            throw RuleViolation.forbidden("operator-only", "Only the operator may do this",
                    "この操作は運用者のみ実行できます");
        }
    }
}
