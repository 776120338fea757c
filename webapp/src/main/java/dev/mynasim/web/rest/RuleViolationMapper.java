package dev.mynasim.web.rest;

import dev.mynasim.registry.api.RuleViolation;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A broken domain rule becomes problem details naming the field and the rule (DESIGN.md 9.9). */
@Provider
public class RuleViolationMapper implements ExceptionMapper<RuleViolation> {

    @Override
    public Response toResponse(RuleViolation violation) {
        return new Problem(violation.kind().status(), violation.rule(), violation.field(), violation.getMessage(),
                violation.messageJa()).response();
    }
}
