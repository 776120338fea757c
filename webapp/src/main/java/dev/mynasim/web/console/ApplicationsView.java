package dev.mynasim.web.console;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.ApplicationAdmin;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Usage applications ({@code applications.xhtml}, 利用申請, guideline section 4): the operator lists them all and
 * opens one ({@code ?apiUser=SP…}); an API user follows its own. An application moves one step at a time, declares
 * the skip feature (before A-10) and the production grouping (A-16 … A-21), each change recorded with a note.
 */
@Named
@ViewScoped
public class ApplicationsView extends ConsoleView {

    @Inject
    ApplicationAdmin applications;

    private String apiUser;
    private String done;
    private String note;
    private String startFor;
    private transient List<ApplicationAdmin.ApplicationView> list;
    private transient Optional<ApplicationAdmin.ApplicationView> selected;

    /** The API user whose application the page shows: the one in the URL (operator), or the account's own. */
    private Optional<ApiUserId> subject() {
        if (!user.isOperator()) {
            return caller().apiUser();
        }
        try {
            return blank(apiUser) ? Optional.empty() : Optional.of(new ApiUserId(apiUser));
        } catch (RuleViolation malformed) {
            return Optional.empty();
        }
    }

    public List<ApplicationAdmin.ApplicationView> getList() {
        if (list == null) {
            list = applications.applications(caller());
        }
        return list;
    }

    public ApplicationAdmin.ApplicationView getSelected() {
        if (selected == null) {
            selected = subject().flatMap(id -> applications.application(caller(), id));
        }
        return selected.orElse(null);
    }

    /** An API user's account without an application, or the operator's pick of an API user without one. */
    public boolean isStartable() {
        return !user.isOperator() && getSelected() == null;
    }

    public List<ApplicationAdmin.StepView> getSteps() {
        return applications.steps();
    }

    public boolean isSandbox() {
        return applications.sandbox();
    }

    /** {@code done}, {@code current} or {@code later}, for the step list. */
    public String stepState(String code) {
        ApplicationAdmin.ApplicationView application = getSelected();
        if (application == null) {
            return "later";
        }
        int at = index(application.step());
        int step = index(code);
        return step < at ? "done" : step == at ? "current" : "later";
    }

    private int index(String code) {
        List<ApplicationAdmin.StepView> steps = getSteps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    public String advance() {
        ApplicationAdmin.ApplicationView application = getSelected();
        String next = application == null ? null : application.nextStep().orElse("LAUNCHED");
        return change("advanced", () -> applications.advance(caller(), application.apiUser(), next, note));
    }

    public String declareSkipFeature() {
        return change("declared", () -> applications.declare(caller(), getSelected().apiUser(), "skip-feature", note));
    }

    public String declareProductionGrouping() {
        return change("declared", () -> applications.declare(caller(), getSelected().apiUser(), "production-grouping", note));
    }

    public String start() {
        ApiUserId[] id = new ApiUserId[1];
        if (!attempt("application-start", () -> {
            id[0] = user.isOperator() ? new ApiUserId(RuleViolation.required("apiUserId", startFor))
                    : caller().apiUser().orElseThrow();
            applications.startApplication(caller(), id[0]);
        })) {
            return null;
        }
        return redirect("/console/applications.xhtml", "apiUser", id[0].value(), "done", "started");
    }

    private String change(String outcome, Runnable change) {
        if (getSelected() == null || !attempt("application", change)) {
            return null;
        }
        return redirect("/console/applications.xhtml", "apiUser", getSelected().apiUser().value(), "done", outcome);
    }

    public String getNotice() {
        return done != null && Set.of("started", "advanced", "declared").contains(done) ? "applications.done." + done : null;
    }

    public String getApiUser() {
        return apiUser;
    }

    public void setApiUser(String apiUser) {
        this.apiUser = apiUser;
    }

    public String getDone() {
        return done;
    }

    public void setDone(String done) {
        this.done = done;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getStartFor() {
        return startFor;
    }

    public void setStartFor(String startFor) {
        this.startFor = startFor;
    }
}
