package dev.mynasim.registry.fault.rest;

import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultEffect;
import dev.mynasim.registry.api.FaultStep;
import dev.mynasim.registry.api.IsoInstant;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.fault.FaultDefinition;
import java.util.Optional;

/**
 * A failure rule to add or to replace: the service ({@code environment} {@code test} or {@code production} and
 * {@code clientId}), the {@code effect} code, optionally the {@code api} and {@code step} codes it is narrowed to,
 * the {@code parameter} the effect takes (always a string) and the time box {@code activeFrom} / {@code activeUntil}
 * (ISO-8601 instants).
 */
public record FaultRuleRequest(String environment, String clientId, String api, String step, String effect,
                               String parameter, String activeFrom, String activeUntil) {

    Environment environmentValue() {
        return Environment.parse(RuleViolation.required("environment", environment));
    }

    ClientId clientIdValue() {
        return ClientId.parse(RuleViolation.required("clientId", clientId));
    }

    FaultDefinition definition() {
        return new FaultDefinition(apiValue(), present(step).map(FaultStep::fromCode),
                FaultEffect.fromCode(RuleViolation.required("effect", effect)), present(parameter),
                Optional.ofNullable(IsoInstant.parse("activeFrom", activeFrom)),
                Optional.ofNullable(IsoInstant.parse("activeUntil", activeUntil)));
    }

    /** The API by its code, reported against this request's field {@code api}. */
    private Optional<MynaApi> apiValue() {
        try {
            return present(api).map(MynaApi::fromCode);
        } catch (RuleViolation e) {
            throw RuleViolation.invalid("api", e.rule(), e.getMessage(), e.messageJa());
        }
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
