package dev.mynasim.web.portal;

import dev.mynasim.auth.api.PortalFlow;
import jakarta.enterprise.context.RequestScoped;
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
            step = tx == null ? null : flow.consentStep(tx).orElse(null);
            loaded = true;
        }
        return step;
    }

    public String approve() {
        message = Navigation.follow(flow.decide(tx, true));
        return null;
    }

    public String cancel() {
        message = Navigation.follow(flow.decide(tx, false));
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
