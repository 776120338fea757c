package dev.mynasim.adapters.view;

import dev.mynasim.adapters.data.ApiAdapter;
import dev.mynasim.adapters.data.BearerTokens;
import dev.mynasim.adapters.data.DataFaults;
import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.adapters.data.ViewRequest;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultStep;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The database part of one view call, in one transaction and so on one pooled connection: the token's grant, the
 * failure rules, the adapter's admission and its data. A latency rule's delay is returned, not waited for here, so
 * {@link DataView} waits after the connection is back in the pool.
 */
@ApplicationScoped
public class ViewTransaction {

    @Inject
    BearerTokens tokens;

    @Inject
    DataFaults faults;

    @Inject
    AuditTrail audit;

    /** The answer, or the refusal that came after a latency rule struck (it is delayed like an answer). */
    public record Outcome(JsonObject answer, RuntimeException refusal, Duration delay) {
    }

    @Transactional
    public Outcome call(ApiAdapter adapter, Environment environment, String resource, String authorization,
                        Supplier<ViewRequest> request) {
        VerifiedAccessToken token = tokens.verify(authorization, environment, adapter.api());
        ViewRequest parsed = request.get();
        Duration delay = faults.strike(token, adapter.api(), FaultStep.DATA, token.tokenId());
        try {
            adapter.admit(token);
            JsonObject answer = adapter.view(token, resource, parsed);
            audit.append("client:" + token.client(), "data.view", "person/" + token.person(),
                    parsed.method() + " " + adapter.api().code() + "/" + resource);
            return new Outcome(answer, null, delay);
        } catch (DataRefused | RuleViolation refusal) {
            if (delay.isZero()) {
                throw refusal;
            }
            return new Outcome(null, refusal, delay);
        }
    }
}
