package dev.mynasim.web.console;

import dev.mynasim.registry.api.ConnectionTestReport;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RequestLog;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServiceAdmin;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The connection-test report ({@code connection-test.xhtml}): one of the caller's TEST services' checklist from its
 * request log, the printable page, and the submission of the connection test (A-12 → A-13) once every item passed.
 */
@Named
@ViewScoped
public class ConnectionTestView extends ConsoleView {

    @Inject
    transient RequestLog log;

    @Inject
    transient ServiceAdmin services;

    private String service;
    private String done;
    private transient ConnectionTestReport report;
    private transient List<RegisteredService> registrations;

    /** On the GET: the report of the query's {@code service}, or of the caller's first TEST service. */
    public void load() {
        report = null;
        if (blank(service) && !getServices().isEmpty()) {
            service = getServices().get(0).clientId().toString();
        }
        if (blank(service)) {
            return;
        }
        try {
            report = log.report(caller(), service.trim());
        } catch (RuleViolation violation) {
            if (violation.kind() == RuleViolation.Kind.NOT_FOUND) {
                notFound();
            } else {
                attempt("report-service", () -> {
                    throw violation;
                });
            }
        }
    }

    public String show() {
        return redirect("/console/connection-test.xhtml", "service", service);
    }

    /** Submits the connection test; a broken rule (an item not passed, the application elsewhere) stays here. */
    public String submit() {
        if (attempt("report-submit", () -> log.submit(caller(), service))) {
            return redirect("/console/connection-test.xhtml", "service", service, "done", "submitted");
        }
        report = log.report(caller(), service);
        return null;
    }

    public List<RegisteredService> getServices() {
        if (registrations == null) {
            registrations = services.registrations(caller(), Environment.TEST);
        }
        return registrations;
    }

    public ConnectionTestReport getReport() {
        return report;
    }

    public long getPassedCount() {
        return report == null ? 0 : report.items().stream()
                .filter(i -> i.status() == ConnectionTestReport.Status.PASSED).count();
    }

    /** The status, title and detail of an item in the page's language. */
    public String status(ConnectionTestReport.Item item) {
        return japanese() ? item.status().ja() : item.status().en();
    }

    public String title(ConnectionTestReport.Item item) {
        return japanese() ? item.titleJa() : item.titleEn();
    }

    public String detail(ConnectionTestReport.Item item) {
        return japanese() ? item.detailJa() : item.detailEn();
    }

    /** The row's id: the item's code with {@code :} as {@code -} ({@code report-api-self-info}). */
    public String rowId(ConnectionTestReport.Item item) {
        return item.code().replace(':', '-');
    }

    private boolean japanese() {
        return "ja".equals(locale().getLanguage());
    }

    public String getPrintable() {
        return "/console/connection-test.html?service=" + java.net.URLEncoder.encode(service == null ? "" : service,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getDone() {
        return done;
    }

    public void setDone(String done) {
        this.done = done;
    }
}
