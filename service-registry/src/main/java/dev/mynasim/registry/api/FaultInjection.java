package dev.mynasim.registry.api;

import java.util.Optional;

/**
 * The failure-injection rules as the steps that apply them see them. Rules are registry data; portal-auth applies
 * those of the authorization steps, api-adapters those of the data steps. Every hit is recorded (and audited) so
 * the integrator sees what was injected.
 */
public interface FaultInjection {

    /**
     * The oldest rule that strikes this service at this step now (by the simulator clock), if any.
     *
     * @param api the API called, or empty at the authorization steps
     */
    Optional<FaultRule> match(Environment environment, ClientId client, Optional<MynaApi> api, FaultStep step);

    /**
     * Records that a rule struck: when, where, on what (a transaction, process or token id) and what it did, with an
     * audit record ({@code fault.hit}). Commits in a transaction of its own, so the record stays when the caller then
     * fails; so call it outside any transaction that has already written to the audit trail, whose lock on the chain
     * head it would wait for.
     */
    void recordHit(FaultRule rule, FaultStep step, String subject, String detail, String detailJa);
}
