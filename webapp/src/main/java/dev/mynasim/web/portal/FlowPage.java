package dev.mynasim.web.portal;

import dev.mynasim.auth.api.PortalFlow;
import dev.mynasim.web.page.PortalLocale;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * What every step page of an authorization shares: the transaction id it carries, the step it shows (read once per
 * request), and the message of a refused action.
 *
 * @param <S> what the page shows of its step
 */
public abstract class FlowPage<S> {

    @Inject
    PortalFlow flow;

    @Inject
    PortalLocale locale;

    private String tx;
    private String message;
    private S step;
    private boolean loaded;

    /** The step of this page, or empty when the transaction is gone or at another step. */
    abstract Optional<S> load(String transaction);

    public S getStep() {
        if (!loaded) {
            step = getTx() == null ? null : load(getTx()).orElse(null);
            loaded = true;
        }
        return step;
    }

    /**
     * The transaction id, from the query of the first GET or the hidden field of the form: read straight from the
     * request, because Faces asks whether the form is rendered before it would set a view parameter.
     */
    public String getTx() {
        if (tx == null) {
            tx = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("tx");
        }
        return tx;
    }

    public String getMessage() {
        return message;
    }

    /** Carries out the flow's answer; stays on the page with its message when there is no redirect. */
    String follow(PortalFlow.Next next) {
        message = Navigation.follow(next, "ja".equals(locale.getCurrent().getLanguage()));
        return null;
    }
}
