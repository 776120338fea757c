package dev.mynasim.registry.api;

import java.time.Instant;
import java.util.Optional;

/**
 * One failure-injection rule: for one service in one environment, optionally narrowed to one API and one step,
 * active within an optional time box {@code [activeFrom, activeUntil)}.
 */
public record FaultRule(String id, Environment environment, ClientId clientId, Optional<MynaApi> api,
                        Optional<FaultStep> step, FaultEffect effect, Optional<String> parameter,
                        Optional<Instant> activeFrom, Optional<Instant> activeUntil) {

    /**
     * True when this rule strikes at the given step for the given API at {@code now}. The authorization steps
     * concern no single API: they are asked with an empty {@code api}, and then a rule's API does not narrow it.
     */
    public boolean strikes(Optional<MynaApi> calledApi, FaultStep at, Instant now) {
        return effect.steps().contains(at)
                && step.map(at::equals).orElse(true)
                && (api.isEmpty() || calledApi.isEmpty() || api.equals(calledApi))
                && activeFrom.map(from -> !now.isBefore(from)).orElse(true)
                && activeUntil.map(now::isBefore).orElse(true);
    }

    /** The parameter as a whole number, or the fallback when the rule has none. */
    public int number(int fallback) {
        return parameter.map(Integer::parseInt).orElse(fallback);
    }
}
