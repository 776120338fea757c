package dev.mynasim.web.portal;

import dev.mynasim.auth.api.PortalFlow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Optional;

/** The card step ({@code verify.xhtml}): pick a card, type the PIN, read. */
@Named
@RequestScoped
public class VerifyView extends FlowPage<PortalFlow.CardStep> {

    private String card;
    private String pin;

    @Override
    Optional<PortalFlow.CardStep> load(String transaction) {
        return flow.cardStep(transaction);
    }

    public String read() {
        String outcome = follow(flow.readCard(getTx(), card, pin));
        pin = null;
        return outcome;
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
}
