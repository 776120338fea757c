package dev.mynasim.web.console;

import dev.mynasim.auth.api.CardAdmin;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.function.BiFunction;

/**
 * One card and its holder ({@code card.xhtml?serial=…}): its state, and the operations of
 * {@code /admin/api/cards/{serial}/…}: unlock, lock, revoke, expire, a new PIN. A card the caller may not see answers
 * 404.
 */
@Named
@ViewScoped
public class CardView extends ConsoleView {

    @Inject
    CardAdmin cards;

    private String serial;
    private String done;
    private String newPin;
    private transient CardAdmin.CardView card;

    /** Reads the card named in the URL; not there for this caller: 404. */
    public void load() {
        try {
            card = cards.card(caller(), serial);
        } catch (RuleViolation missing) {
            notFound();
        }
    }

    public CardAdmin.CardView getCard() {
        if (card == null && !isNotFound() && serial != null) {
            load();
        }
        return card;
    }

    public String unlock() {
        return change("unlocked", cards::unlock);
    }

    public String lock() {
        return change("locked", cards::lock);
    }

    public String revoke() {
        return change("revoked", cards::revoke);
    }

    public String expire() {
        return change("expired", cards::expire);
    }

    public String resetPin() {
        String pin = newPin;
        newPin = null;
        return change("card-pin", "pin-reset", (caller, number) -> cards.resetPin(caller, number, pin));
    }

    private String change(String outcome, BiFunction<Caller, String, CardAdmin.CardView> operation) {
        return change("card-actions", outcome, operation);
    }

    private String change(String form, String outcome, BiFunction<Caller, String, CardAdmin.CardView> operation) {
        if (!attempt(form, () -> card = operation.apply(caller(), serial))) {
            return null;
        }
        return redirect("/console/card.xhtml", "serial", serial, "done", outcome);
    }

    public String getSerial() {
        return serial;
    }

    public void setSerial(String serial) {
        this.serial = serial;
    }

    public String getDone() {
        return done;
    }

    /** The bundle key of the notice after a change, for the changes this page makes only. */
    public String getNotice() {
        return done != null && java.util.Set.of("issued", "unlocked", "locked", "revoked", "expired", "pin-reset")
                .contains(done) ? "card.done." + done : null;
    }

    public void setDone(String done) {
        this.done = done;
    }

    public String getNewPin() {
        return newPin;
    }

    public void setNewPin(String newPin) {
        this.newPin = newPin;
    }
}
