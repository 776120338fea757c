package dev.mynasim.web.console;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What every console page's bean shares: the caller, the rule a form broke (shown at its field), the not-found state
 * (the page answers 404 and shows nothing of the record, DESIGN.md 9.8), and redirects after a change.
 */
public abstract class ConsoleView implements Serializable {

    @Inject
    ConsoleUser user;

    private FormProblem problem;
    private String problemForm;
    private boolean notFound;

    protected Caller caller() {
        return user.caller();
    }

    protected Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    /** Runs the change a form asks for; a broken rule stays on the page, with its message at that form. */
    protected boolean attempt(String form, Runnable change) {
        problem = null;
        problemForm = null;
        try {
            change.run();
            return true;
        } catch (RuleViolation violation) {
            problem = FormProblem.of(violation, locale());
            problemForm = form;
            return false;
        }
    }

    /** The record is not there for this caller: 404, like the admin API, whether it is missing or another's. */
    protected void notFound() {
        notFound = true;
        FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(404);
    }

    public boolean isNotFound() {
        return notFound;
    }

    public FormProblem getProblem() {
        return problem;
    }

    /** True when the last change this form asked for broke a rule. */
    public boolean problemIn(String form) {
        return problem != null && form.equals(problemForm);
    }

    /** True when the form's broken rule concerns this field. */
    public boolean problemOn(String field) {
        return problem != null && problem.on(field);
    }

    /** A Faces redirect outcome to a view with query parameters (the token of a protected view is added by Faces). */
    protected static String redirect(String viewId, String... namesAndValues) {
        StringBuilder outcome = new StringBuilder(viewId).append("?faces-redirect=true");
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            outcome.append('&').append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return outcome.toString();
    }

    /**
     * The record a row's button names: rows carry plain buttons ({@code <button name="faults:remove" value="ID">}, so
     * their element ids can name the record) that fire the form's one hidden command of that name.
     */
    protected static String rowValue(String commandClientId) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(commandClientId);
    }

    protected static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
