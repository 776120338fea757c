package dev.mynasim.registry.fault.rest;

import dev.mynasim.registry.fault.FaultHit;
import java.time.Instant;

/** One hit of a rule on the wire: the step, what it struck (a transaction, process or token id) and what it did. */
public record FaultHitResponse(String id, String ruleId, String environment, String clientId, String step,
                               String subject, String detail,
                               String detailJa, Instant at) {

    static FaultHitResponse of(FaultHit hit) {
        return new FaultHitResponse(hit.id(), hit.ruleId(), hit.environment().path(), hit.clientId(),
                hit.step().code(), hit.subject(), hit.detail(), hit.detailJa(), hit.at());
    }
}
