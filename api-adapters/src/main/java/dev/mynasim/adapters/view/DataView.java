package dev.mynasim.adapters.view;

import dev.mynasim.adapters.data.Adapters;
import dev.mynasim.adapters.data.ApiAdapter;
import dev.mynasim.adapters.data.DataFaults;
import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.adapters.data.ViewRequest;
import dev.mynasim.registry.api.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.function.Supplier;

/**
 * One call of the synchronous view: the API and resource must exist (404), the token must reach the API in this
 * environment (401/403), the data-step failure rules apply, the adapter admits the person, and the call is audited;
 * all of it but the wait of a latency rule in one transaction ({@link ViewTransaction}).
 */
@ApplicationScoped
public class DataView {

    @Inject
    Adapters adapters;

    @Inject
    ViewTransaction transaction;

    public JsonObject call(Environment environment, String api, String resource, String authorization,
                           Supplier<ViewRequest> request) {
        ApiAdapter adapter = adapters.byCode(api).filter(a -> a.resources().contains(resource))
                .orElseThrow(() -> new DataRefused("EVW0404", 404, "No resource " + api + "/" + resource
                        + " (GET /admin/api/layouts lists the record resources)",
                        "リソース " + api + "/" + resource + " はありません"));
        ViewTransaction.Outcome outcome = transaction.call(adapter, environment, resource, authorization, request);
        DataFaults.pause(outcome.delay());
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        return outcome.answer();
    }
}
