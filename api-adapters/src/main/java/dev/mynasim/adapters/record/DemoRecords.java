package dev.mynasim.adapters.record;

import dev.mynasim.adapters.layout.DemoData;
import dev.mynasim.adapters.layout.Layout;
import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.api.PortalAccounts;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.SchemaMigrated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the demo persons' records from the data files shipped in this module, for each demo person that exists
 * and has no records yet (after portal-auth has created the persons).
 */
@ApplicationScoped
public class DemoRecords {

    private static final Logger LOG = Logger.getLogger(DemoRecords.class.getName());

    @Inject
    PersonRecords records;

    @Inject
    PortalAccounts accounts;

    @Inject
    @ConfigProperty(name = "mynasim.demo-data", defaultValue = "true")
    boolean enabled;

    /** Production mode never loads demo data (DemoAccounts.load). */
    @Inject
    @ConfigProperty(name = "mynasim.server.mode", defaultValue = "dev")
    String serverMode;

    @Transactional
    void load(@Observes @Priority(400) SchemaMigrated migrated) {
        if (!dev.mynasim.registry.api.DemoAccounts.load(enabled, serverMode)) {
            return;
        }
        int loaded = 0;
        for (String id : DemoData.personIds()) {
            PersonId person = new PersonId(id);
            if (!accounts.exists(person) || records.hasAny(person)) {
                continue;
            }
            for (MynaApi api : MynaApi.values()) {
                for (Map.Entry<String, List<JsonObject>> resource : DemoData.read(id, api).entrySet()) {
                    Layout layout = records.layout(api, resource.getKey());
                    for (int i = 0; i < resource.getValue().size(); i++) {
                        layout.check(resource.getValue().get(i), id + "/" + api.code() + "/" + resource.getKey() + "[" + i + "]");
                    }
                    records.store(person, layout, resource.getValue(), 0);
                    loaded += resource.getValue().size();
                }
            }
        }
        if (loaded > 0) {
            LOG.info("Loaded " + loaded + " demo person records");
        }
    }
}
