package dev.mynasim.web.console;

import dev.mynasim.adapters.api.RecordAdmin;
import dev.mynasim.auth.api.CardAdmin;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One card and its holder ({@code card.xhtml?serial=…}): its state, and the operations of
 * {@code /admin/api/cards/{serial}/…}: unlock, lock, revoke, expire, a new PIN; and the holder's simulated data, one
 * resource at a time ({@code &resource=self-info/vaccinations}) as the JSON array {@code PUT …/records/…} takes. A
 * card the caller may not see answers 404.
 */
@Named
@ViewScoped
public class CardView extends ConsoleView {

    @Inject
    CardAdmin cards;

    @Inject
    RecordAdmin records;

    private String serial;
    private String done;
    private String newPin;
    private String resource;
    private String body;
    private transient CardAdmin.CardView card;
    private transient List<RecordAdmin.RecordSet> recordSets;

    /** Reads the card named in the URL, and the records of the resource it names; not there for this caller: 404. */
    public void load() {
        try {
            card = cards.card(caller(), serial);
        } catch (RuleViolation missing) {
            notFound();
            return;
        }
        if (getEditing() != null) {
            attempt("records", () -> body = records.records(caller(), card.person(), apiOf(resource), resourceOf(resource)));
        }
    }

    public List<RecordAdmin.RecordSet> getRecordSets() {
        if (recordSets == null && getCard() != null) {
            recordSets = records.recordSets(caller(), getCard().person());
        }
        return recordSets;
    }

    /** The resource being edited, when the URL names one the adapters serve. */
    public RecordAdmin.RecordSet getEditing() {
        return resource == null || getRecordSets() == null ? null : getRecordSets().stream()
                .filter(set -> (set.api() + "/" + set.resource()).equals(resource)).findFirst().orElse(null);
    }

    public String saveRecords() {
        if (getEditing() == null || !attempt("records", () -> records.replace(caller(), getCard().person(),
                apiOf(resource), resourceOf(resource), body))) {
            return null;
        }
        return redirect("/console/card.xhtml", "serial", serial, "resource", resource, "done", "records-saved");
    }

    private static String apiOf(String resource) {
        return resource.substring(0, resource.indexOf('/'));
    }

    private static String resourceOf(String resource) {
        return resource.substring(resource.indexOf('/') + 1);
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
        return done != null && java.util.Set.of("issued", "unlocked", "locked", "revoked", "expired", "pin-reset",
                "records-saved")
                .contains(done) ? "card.done." + done : null;
    }

    public void setDone(String done) {
        this.done = done;
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getNewPin() {
        return newPin;
    }

    public void setNewPin(String newPin) {
        this.newPin = newPin;
    }
}
