package dev.mynasim.web.portal;

import dev.mynasim.auth.api.PortalFlow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** サービス連携 ({@code consent.xhtml}): who asks, for what, and 連携 or 連携をやめる. */
@Named
@RequestScoped
public class ConsentView {

    @Inject
    PortalFlow flow;

    private String tx;
    private String message;
    private PortalFlow.ConsentStep step;
    private boolean loaded;

    public PortalFlow.ConsentStep getStep() {
        if (!loaded) {
            step = getTx() == null ? null : flow.consentStep(tx).orElse(null);
            loaded = true;
        }
        return step;
    }

    public String approve() {
        message = Navigation.follow(flow.decide(getTx(), true));
        return null;
    }

    public String cancel() {
        message = Navigation.follow(flow.decide(getTx(), false));
        return null;
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

    public void setTx(String tx) {
        this.tx = tx;
    }

    public String getMessage() {
        return message;
    }
}
