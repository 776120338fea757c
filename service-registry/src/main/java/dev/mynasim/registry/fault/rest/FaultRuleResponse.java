package dev.mynasim.registry.fault.rest;

import dev.mynasim.registry.api.FaultStep;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.fault.FaultRuleRow;
import java.time.Instant;

/** A failure rule on the wire; {@code id} names it in URLs. */
public record FaultRuleResponse(String id, String environment, String clientId, String api, String step, String effect,
                                String parameter, Instant activeFrom, Instant activeUntil, String createdBy,
                                Instant createdAt) {

    static FaultRuleResponse of(FaultRuleRow row) {
        return new FaultRuleResponse(row.id(), row.environment().path(), row.clientId().toString(),
                row.api().map(MynaApi::code).orElse(null), row.step().map(FaultStep::code).orElse(null),
                row.effect().code(), row.parameter().orElse(null), row.activeFrom().orElse(null),
                row.activeUntil().orElse(null), row.createdBy(), row.createdAt());
    }
}
