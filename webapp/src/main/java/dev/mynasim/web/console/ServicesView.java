package dev.mynasim.web.console;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.ServiceAdmin;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The Web services the caller may see, per environment ({@code services.xhtml}). */
@Named
@RequestScoped
public class ServicesView extends ConsoleView {

    @Inject
    ServiceAdmin services;

    private List<RegisteredService> test;
    private List<RegisteredService> production;
    private String done;

    public List<RegisteredService> getTest() {
        if (test == null) {
            test = services.registrations(caller(), Environment.TEST);
        }
        return test;
    }

    public List<RegisteredService> getProduction() {
        if (production == null) {
            production = services.registrations(caller(), Environment.PRODUCTION);
        }
        return production;
    }

    public String getDone() {
        return done;
    }

    public void setDone(String done) {
        this.done = done;
    }

    /** The bundle key of the notice after a removal. */
    public String getNotice() {
        return "removed".equals(done) ? "services.done.removed" : null;
    }
}
