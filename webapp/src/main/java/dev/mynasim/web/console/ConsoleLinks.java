package dev.mynasim.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links to the console's record pages, for rows whose element ids name the record ({@code open-card-100000000001}):
 * built by Faces, so a protected view's link carries the session's token.
 */
@Named("links")
@ApplicationScoped
public class ConsoleLinks {

    public String service(String environment, String clientId) {
        return url("/console/service.xhtml", "env", environment, "clientId", clientId);
    }

    public String card(String serial) {
        return url("/console/card.xhtml", "serial", serial);
    }

    public String records(String serial, String resource) {
        return url("/console/card.xhtml", "serial", serial, "resource", resource);
    }

    public String application(String apiUserId) {
        return url("/console/applications.xhtml", "apiUser", apiUserId);
    }

    public String faultHits(String ruleId) {
        return url("/console/faults.xhtml", "rule", ruleId);
    }

    private static String url(String viewId, String... namesAndValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            parameters.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getViewHandler().getBookmarkableURL(faces, viewId, parameters, false);
    }
}
