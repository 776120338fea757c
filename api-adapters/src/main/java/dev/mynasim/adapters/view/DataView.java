package dev.mynasim.adapters.view;

import dev.mynasim.adapters.data.Adapters;
import dev.mynasim.adapters.data.ApiAdapter;
import dev.mynasim.adapters.data.BearerTokens;
import dev.mynasim.adapters.data.DataFaults;
import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.adapters.data.ViewRequest;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.function.Supplier;

/**
 * One call of the synchronous view: the API and resource must exist (404), the token must reach the API in this
 * environment (401/403), the data-step failure rules apply, the adapter admits the person, and the call is audited.
 */
@ApplicationScoped
public class DataView {

    @Inject
    Adapters adapters;

    @Inject
    BearerTokens tokens;

    @Inject
    DataFaults faults;

    @Inject
    AuditTrail audit;

    public JsonObject call(Environment environment, String api, String resource, String authorization,
                           Supplier<ViewRequest> request) {
        ApiAdapter adapter = adapters.byCode(api).filter(a -> a.resources().contains(resource))
                .orElseThrow(() -> new DataRefused("EVW0404", 404, "No resource " + api + "/" + resource
                        + " (GET /admin/api/layouts lists the record resources)",
                        "リソース " + api + "/" + resource + " はありません"));
        VerifiedAccessToken token = tokens.verify(authorization, environment, adapter.api());
        ViewRequest parsed = request.get();
        faults.apply(token, adapter.api(), FaultStep.DATA, token.tokenId());
        adapter.admit(token);
        JsonObject answer = adapter.view(token, resource, parsed);
        audit.append("client:" + token.client(), "data.view", "person/" + token.person(),
                parsed.method() + " " + api + "/" + resource);
        return answer;
    }
}
