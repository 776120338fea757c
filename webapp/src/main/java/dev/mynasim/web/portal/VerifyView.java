package dev.mynasim.web.portal;

import dev.mynasim.auth.api.PortalFlow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The card step ({@code verify.xhtml}): pick a card, type the PIN, read. */
@Named
@RequestScoped
public class VerifyView {

    @Inject
    PortalFlow flow;

    private String tx;
    private String card;
    private String pin;
    private String message;
    private PortalFlow.CardStep step;
    private boolean loaded;

    public PortalFlow.CardStep getStep() {
        if (!loaded) {
            step = getTx() == null ? null : flow.cardStep(tx).orElse(null);
            loaded = true;
        }
        return step;
    }

    public String read() {
        message = Navigation.follow(flow.readCard(getTx(), card, pin));
        pin = null;
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

    public String getCard() {
        return card;
    }

    public void setCard(String card) {
        this.card = card;
    }

    public String getPin() {
        return pin;
    }

    public void setPin(String pin) {
        this.pin = pin;
    }

    public String getMessage() {
        return message;
    }
}
