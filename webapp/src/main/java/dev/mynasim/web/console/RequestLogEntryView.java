package dev.mynasim.web.console;

import dev.mynasim.registry.api.RequestLog;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** One request log entry ({@code request-log-entry.xhtml?id=}): what was sent, what came back, why, and its facts. */
@Named
@ViewScoped
public class RequestLogEntryView extends ConsoleView {

    @Inject
    transient RequestLog log;

    private String id;
    private transient RequestLog.Entry entry;

    /** Another API user's entry, a missing one and an id that is not a number are all not found (404). */
    public void load() {
        try {
            entry = log.entry(caller(), Long.parseLong(id == null ? "" : id.trim()));
        } catch (NumberFormatException | RuleViolation e) {
            notFound();
        }
    }

    public RequestLog.Entry getEntry() {
        return entry;
    }

    public String getDiagnosis() {
        return entry == null ? null : "ja".equals(locale().getLanguage()) ? entry.diagnosisJa() : entry.diagnosisEn();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
