package dev.mynasim.web.portal;

import dev.mynasim.auth.api.PortalFlow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** 利用者登録 ({@code register.xhtml}): a first-time user registers with the portal inside the flow. */
@Named
@RequestScoped
public class RegisterView {

    @Inject
    PortalFlow flow;

    private String tx;
    private String message;
    private PortalFlow.RegistrationStep step;
    private boolean loaded;

    public PortalFlow.RegistrationStep getStep() {
        if (!loaded) {
            step = getTx() == null ? null : flow.registrationStep(tx).orElse(null);
            loaded = true;
        }
        return step;
    }

    public String register() {
        message = Navigation.follow(flow.register(getTx(), true));
        return null;
    }

    public String cancel() {
        message = Navigation.follow(flow.register(getTx(), false));
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
