package dev.mynasim.web.portal;

import dev.mynasim.auth.api.PortalFlow;
import jakarta.enterprise.context.RequestScoped;
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
            step = tx == null ? null : flow.registrationStep(tx).orElse(null);
            loaded = true;
        }
        return step;
    }

    public String register() {
        message = Navigation.follow(flow.register(tx, true));
        return null;
    }

    public String cancel() {
        message = Navigation.follow(flow.register(tx, false));
        return null;
    }

    public String getTx() {
        return tx;
    }

    public void setTx(String tx) {
        this.tx = tx;
    }

    public String getMessage() {
        return message;
    }
}
