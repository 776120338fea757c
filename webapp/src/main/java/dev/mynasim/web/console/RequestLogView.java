package dev.mynasim.web.console;

import dev.mynasim.registry.api.RequestLog;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The request log ({@code request-log.xhtml}): the caller's services' entries matching the filters of
 * {@code GET /admin/api/request-log}, newest first, a page at a time, each with its diagnosis and, opened, the
 * redacted request.
 */
@Named
@ViewScoped
public class RequestLogView extends ConsoleView {

    static final int PAGE = 50;

    @Inject
    transient RequestLog log;

    private String service;
    private String endpoint;
    private String result;
    private String from;
    private String to;
    private int offset;
    private long total;
    private transient List<RequestLog.Entry> entries;

    /** Reads the page: on the first GET (with the query's {@code service}) and after each filter or paging action. */
    public void load() {
        entries = List.of();
        total = 0;
        attempt("log-filter", () -> {
            RequestLog.Page page = log.entries(caller(), new RequestLog.Filter(null, service, endpoint, result, from,
                    to), offset, PAGE, PAGE);
            entries = page.entries();
            total = page.total();
        });
    }

    public List<RequestLog.Entry> getEntries() {
        if (entries == null) {
            load();
        }
        return entries;
    }

    /** The diagnosis in the page's language. */
    public String diagnosis(RequestLog.Entry entry) {
        return "ja".equals(locale().getLanguage()) ? entry.diagnosisJa() : entry.diagnosisEn();
    }

    public String show() {
        offset = 0;
        load();
        return null;
    }

    public String older() {
        offset += PAGE;
        load();
        return null;
    }

    public String newer() {
        offset = Math.max(0, offset - PAGE);
        load();
        return null;
    }

    public boolean isHasOlder() {
        return offset + PAGE < total;
    }

    public boolean isHasNewer() {
        return offset > 0;
    }

    public long getTotal() {
        getEntries();
        return total;
    }

    public int getFirstShown() {
        return getEntries().isEmpty() ? 0 : offset + 1;
    }

    public int getLastShown() {
        return offset + getEntries().size();
    }

    /** The download link of the same filters (NDJSON, with the console session). */
    public String getDownload() {
        StringBuilder link = new StringBuilder("/console/request-log.ndjson?");
        append(link, "service", service);
        append(link, "endpoint", endpoint);
        append(link, "result", result);
        append(link, "from", from);
        append(link, "to", to);
        return link.toString();
    }

    private static void append(StringBuilder link, String name, String value) {
        if (value != null && !value.isBlank()) {
            link.append(name).append('=').append(java.net.URLEncoder.encode(value.trim(),
                    java.nio.charset.StandardCharsets.UTF_8)).append('&');
        }
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getResult() {
        return result;
    }

    public void setResult(String result) {
        this.result = result;
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
}
