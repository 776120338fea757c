package dev.mynasim.web.portal;

import dev.mynasim.auth.api.PortalFlow;
import jakarta.enterprise.context.RequestScoped;
import dev.mynasim.web.page.PortalLocale;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.ResourceBundle;

/** The card step ({@code verify.xhtml}): pick a card, type the PIN, read. */
@Named
@RequestScoped
public class VerifyView extends FlowPage<PortalFlow.CardStep> {

    @Inject
    PortalLocale locale;

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

    /** 連携をやめる: back to the service with access_denied (RFC 6749 §4.1.2.1), no card read. */
    public String cancel() {
        pin = null;
        return follow(flow.cancelCardStep(getTx()));
    }

    /**
     * How the chooser shows a card: its serial and its holder, and its state when it cannot be used
     * ({@code 100000000009 小林 大輔 (ロック中)}), in the page's language.
     */
    public String label(PortalFlow.CardChoice choice) {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.mynasim.web.messages", locale.getCurrent());
        String state = choice.state().equals("usable") ? "" : " " + bundle.getString("verify.card.state." + choice.state());
        return (choice.serial() + " " + choice.holderName()).strip() + state;
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
