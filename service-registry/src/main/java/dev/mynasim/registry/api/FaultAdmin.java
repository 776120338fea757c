package dev.mynasim.registry.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Failure-injection rules as the consoles list, add and remove them: the rules and messages of the admin REST API,
 * and an API user's account reaches only the rules of its own services.
 */
public interface FaultAdmin {

    /** A rule as typed in a console form, every field a string as on the wire (blank: absent). */
    record FaultForm(String environment, String clientId, String api, String step, String effect, String parameter,
                     String activeFrom, String activeUntil) {
    }

    /** One rule. */
    record FaultRuleView(String id, Environment environment, ClientId clientId, Optional<MynaApi> api,
                         Optional<FaultStep> step, FaultEffect effect, Optional<String> parameter,
                         Optional<Instant> activeFrom, Optional<Instant> activeUntil, String createdBy,
                         Instant createdAt) {
    }

    /** One time a rule struck. */
    record FaultHitView(Instant at, FaultStep step, String subject, String detail, String detailJa) {
    }

    /** The rules the caller may see, oldest first. */
    List<FaultRuleView> faultRules(Caller caller);

    FaultRuleView addRule(Caller caller, FaultForm form);

    void remove(Caller caller, String id);

    /** When the rule struck, newest first. */
    List<FaultHitView> hitsOf(Caller caller, String id);
}
