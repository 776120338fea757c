package dev.mynasim.registry.audit;

import dev.mynasim.registry.api.RuleViolation;
import java.time.Instant;

/** Filters over the audit trail; {@code limit} is at most 1000. */
public record AuditQuery(Instant from, Instant to, String actor, String subject, String action, int offset,
                         int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RuleViolation.invalid("limit", "limit-range", "limit must be between 1 and " + MAX_LIMIT,
                    "limit は 1 から " + MAX_LIMIT + " の範囲で指定してください");
        }
        if (offset < 0) {
            throw RuleViolation.invalid("offset", "offset-range", "offset must not be negative",
                    "offset に負の値は指定できません");
        }
    }
}
