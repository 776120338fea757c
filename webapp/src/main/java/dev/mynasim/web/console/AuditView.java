package dev.mynasim.web.console;

import dev.mynasim.registry.api.AuditAdmin;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The audit trail ({@code audit.xhtml}, the operator's): the records matching the filters of
 * {@code GET /admin/api/audit}, newest first, a page at a time, and the walk over the hash chain.
 */
@Named
@ViewScoped
public class AuditView extends ConsoleView {

    static final int PAGE = 50;

    @Inject
    AuditAdmin audit;

    private String from;
    private String to;
    private String actor;
    private String subject;
    private String action;
    /** How many of the newest matching records the page skips. */
    private int skip;
    private long total;
    private transient List<AuditAdmin.AuditEntry> entries;
    private AuditAdmin.ChainStatus chain;

    /** Reads the page: on the first GET and after each filter or paging action. */
    public void load() {
        entries = List.of();
        total = 0;
        attempt("audit-filter", () -> {
            total = audit.entries(caller(), from, to, actor, subject, action, 0, 1).total();
            long end = Math.max(0, total - skip);
            long start = Math.max(0, end - PAGE);
            // the trail is read oldest first, so the newest page is counted from its end
            List<AuditAdmin.AuditEntry> page = end == 0 ? List.of() : new ArrayList<>(audit.entries(caller(), from, to,
                    actor, subject, action, (int) start, (int) (end - start)).entries());
            Collections.reverse(page);
            entries = page;
        });
    }

    /** The page of records, newest first. */
    public List<AuditAdmin.AuditEntry> getEntries() {
        if (entries == null) {
            load();
        }
        return entries;
    }

    public String show() {
        skip = 0;
        load();
        return null;
    }

    public String older() {
        skip += PAGE;
        load();
        return null;
    }

    public String newer() {
        skip = Math.max(0, skip - PAGE);
        load();
        return null;
    }

    public boolean isHasOlder() {
        return skip + PAGE < total;
    }

    public boolean isHasNewer() {
        return skip > 0;
    }

    public String check() {
        attempt("audit-chain", () -> chain = audit.checkChain(caller()));
        return null;
    }

    public long getTotal() {
        getEntries();
        return total;
    }

    public int getFirstShown() {
        return getEntries().isEmpty() ? 0 : (int) (total - skip - getEntries().size() + 1);
    }

    public int getLastShown() {
        return (int) (total - skip);
    }

    public AuditAdmin.ChainStatus getChain() {
        return chain;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }
}
