package dev.mynasim.web.console;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultAdmin;
import dev.mynasim.registry.api.FaultEffect;
import dev.mynasim.registry.api.FaultStep;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServiceAdmin;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Failure-injection rules ({@code faults.xhtml}): the rules of the services the caller owns (the operator: all), a form
 * that adds one as {@code POST /admin/api/faults} does, removal, and the hits of one rule ({@code ?rule=ID}).
 */
@Named
@ViewScoped
public class FaultsView extends ConsoleView {

    @Inject
    FaultAdmin faults;

    @Inject
    ServiceAdmin services;

    private String rule;
    private String done;
    private transient List<FaultAdmin.FaultRuleView> list;
    private transient List<FaultAdmin.FaultHitView> hits;

    private String environment = "test";
    private String clientId;
    private String api;
    private String step;
    private String effect = FaultEffect.ACCESS_DENIED.code();
    private String parameter;
    private String activeFrom;
    private String activeUntil;

    public List<FaultAdmin.FaultRuleView> getList() {
        if (list == null) {
            list = faults.faultRules(caller());
        }
        return list;
    }

    /** The hits of the rule named in the URL; another's rule shows none, as if it did not exist. */
    public List<FaultAdmin.FaultHitView> getHits() {
        if (hits == null && !blank(rule)) {
            try {
                hits = faults.hitsOf(caller(), rule);
            } catch (RuleViolation missing) {
                hits = List.of();
            }
        }
        return hits;
    }

    public String add() {
        FaultAdmin.FaultForm form = new FaultAdmin.FaultForm(environment, clientId, api, step, effect, parameter,
                activeFrom, activeUntil);
        if (!attempt("fault-new", () -> faults.addRule(caller(), form))) {
            return null;
        }
        return redirect("/console/faults.xhtml", "done", "added");
    }

    public String remove() {
        String id = rowValue("faults:remove");
        if (!attempt("faults", () -> faults.remove(caller(), id))) {
            return null;
        }
        return redirect("/console/faults.xhtml", "done", "removed");
    }

    /** The client ids of the services the caller may see, in either environment, for the form's choice. */
    public List<String> getClientIds() {
        return Stream.concat(services.registrations(caller(), Environment.TEST).stream(),
                        services.registrations(caller(), Environment.PRODUCTION).stream())
                .map(RegisteredService::clientId).map(Object::toString).distinct().sorted().toList();
    }

    public List<FaultEffect> getEffects() {
        return List.of(FaultEffect.values());
    }

    public List<FaultStep> getSteps() {
        return List.of(FaultStep.values());
    }

    public List<MynaApi> getApis() {
        return List.of(MynaApi.values());
    }

    public String getNotice() {
        return done != null && Set.of("added", "removed").contains(done) ? "faults.done." + done : null;
    }

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public String getDone() {
        return done;
    }

    public void setDone(String done) {
        this.done = done;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getApi() {
        return api;
    }

    public void setApi(String api) {
        this.api = api;
    }

    public String getStep() {
        return step;
    }

    public void setStep(String step) {
        this.step = step;
    }

    public String getEffect() {
        return effect;
    }

    public void setEffect(String effect) {
        this.effect = effect;
    }

    public String getParameter() {
        return parameter;
    }

    public void setParameter(String parameter) {
        this.parameter = parameter;
    }

    public String getActiveFrom() {
        return activeFrom;
    }

    public void setActiveFrom(String activeFrom) {
        this.activeFrom = activeFrom;
    }

    public String getActiveUntil() {
        return activeUntil;
    }

    public void setActiveUntil(String activeUntil) {
        this.activeUntil = activeUntil;
    }
}
