package dev.mynasim.web.demo;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo pages ({@code /demo/index}, {@code /demo/AA0001} …): the service the page shows (from its view id), its
 * link in this browser and the data fetched as tables, the journey panel's counts, and the two actions: fetch again,
 * and 「最初からやり直す」 (forget this browser's verification session and journey).
 */
@Named
@RequestScoped
public class DemoView {

    /** Rows shown per table; the rest is counted. */
    static final int ROWS = 50;

    @Inject
    DemoServices services;

    @Inject
    DemoJourneys journeys;

    @Inject
    dev.mynasim.web.page.PortalLocale portalLocale;

    private DemoJourney journey;

    public String getServiceId() {
        String view = FacesContext.getCurrentInstance().getViewRoot().getViewId();
        String id = view.substring(view.lastIndexOf('/') + 1).replace(".xhtml", "");
        return services.known(id) ? id : null;
    }

    public Optional<RegisteredService> getService() {
        return Optional.ofNullable(getServiceId()).flatMap(services::registration);
    }

    public String getServiceName() {
        return getService().map(RegisteredService::displayName).orElse("");
    }

    public String getApiNames() {
        return getService().map(s -> s.apis().stream().sorted().map(portalLocale::api)
                        .collect(Collectors.joining("ja".equals(portalLocale.getCurrent().getLanguage()) ? "、" : ", ")))
                .orElse("");
    }

    public boolean isSkipFeature() {
        return getService().map(RegisteredService::skipFeature).orElse(false);
    }

    public DemoJourney getJourney() {
        if (journey == null) {
            journey = journeys.get(browser());
        }
        return journey;
    }

    public DemoLink getLink() {
        return getServiceId() == null ? null : getJourney().getLinks().get(getServiceId());
    }

    public boolean isLinked() {
        return getLink() != null && getLink().getAccessToken() != null;
    }

    /** The fetched data as tables, one per layout, in the order the service's APIs answered. */
    public List<DemoTable> getTables() {
        DemoLink link = getLink();
        if (link == null) {
            return List.of();
        }
        List<DemoTable> tables = new ArrayList<>();
        for (String data : link.getData().values()) {
            try (var reader = JSON.createReader(new StringReader(data))) {
                for (JsonValue layout : reader.readObject().getJsonArray("様式")) {
                    tables.add(table(layout.asJsonObject()));
                }
            }
        }
        return tables;
    }

    public String refetch() {
        String id = getServiceId();
        if (id != null) {
            services.refetch(browser(), id);
        }
        return redirectToSelf();
    }

    /** 「最初からやり直す」: the portal's verification session cookie and this browser's journey are forgotten. */
    public String reset() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        journeys.forget(browser());
        boolean secure = "https".equals(external.getRequestScheme());
        for (String cookie : List.of("mynasim_vs_test", "mynasim_vs_production")) {
            external.addResponseCookie(cookie, "", Map.of("path", "/", "maxAge", 0, "httpOnly", true, "secure", secure,
                    "SameSite", "Lax"));
        }
        external.addResponseCookie(DemoJourneys.COOKIE, "", Map.of("path", "/demo", "maxAge", 0, "httpOnly", true,
                "secure", secure, "SameSite", "Lax"));
        return redirectToSelf();
    }

    private String redirectToSelf() {
        return FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true";
    }

    private String browser() {
        var cookie = FacesContext.getCurrentInstance().getExternalContext().getRequestCookieMap().get(DemoJourneys.COOKIE);
        return cookie instanceof jakarta.servlet.http.Cookie c ? c.getValue() : null;
    }

    static DemoTable table(JsonObject layout) {
        JsonArray records = layout.getJsonArray("記録");
        Set<String> columns = new LinkedHashSet<>();
        records.stream().limit(ROWS).forEach(r -> columns.addAll(r.asJsonObject().keySet()));
        List<List<String>> rows = records.stream().limit(ROWS).map(JsonValue::asJsonObject)
                .map(r -> columns.stream().map(c -> text(r.get(c))).toList()).toList();
        return new DemoTable(layout.getString("様式名"), layout.getString("様式コード"), List.copyOf(columns), rows,
                records.size());
    }

    /** A cell: text as is, numbers and booleans readable, a nested list as "項目 値 単位" lines. */
    static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case TRUE -> "○";
            case FALSE -> "―";
            case ARRAY -> value.asJsonArray().stream().map(item -> item.getValueType() == JsonValue.ValueType.OBJECT
                    ? item.asJsonObject().values().stream().map(DemoView::text).collect(Collectors.joining(" "))
                    : text(item)).collect(Collectors.joining(" / "));
            default -> value.toString();
        };
    }
}
