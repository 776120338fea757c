package dev.mynasim.web.page;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Japanese first: the pages speak English when the reader chose it with the language switch (cookie
 * {@code mynasim_lang}), else when the browser's Accept-Language prefers it. Without the header the servlet
 * container would report the server's own locale, which says nothing about the reader.
 */
@Named
@RequestScoped
public class PortalLocale {

    @Inject
    HttpServletRequest request;

    public static final String COOKIE = "mynasim_lang";

    public Locale getCurrent() {
        if (request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && ("ja".equals(cookie.getValue()) || "en".equals(cookie.getValue()))) {
                    return "en".equals(cookie.getValue()) ? Locale.ENGLISH : Locale.JAPANESE;
                }
            }
        }
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return Locale.JAPANESE;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = range.getRange().split("-")[0];
                if (language.equals("ja")) {
                    return Locale.JAPANESE;
                }
                if (language.equals("en")) {
                    return Locale.ENGLISH;
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header: fall back to Japanese
        }
        return Locale.JAPANESE;
    }

    /** A text of the portal's bundle in the reader's language. */
    public String text(String key) {
        return java.util.ResourceBundle.getBundle("dev.mynasim.web.messages", getCurrent()).getString(key);
    }

    /** An API's name in the reader's language (English mode names the Japanese one beside it). */
    public String api(dev.mynasim.registry.api.MynaApi api) {
        return text("api." + api.code());
    }

    /** An environment's name in the reader's language, from the Japanese label a step carries. */
    public String environmentNamed(String labelJa) {
        return java.util.Arrays.stream(dev.mynasim.registry.api.Environment.values())
                .filter(e -> e.labelJa().equals(labelJa)).findFirst().map(e -> text("env." + e.path())).orElse(labelJa);
    }

    /** What the consent screen says an API (or, for the OpenID Connect door, a basic attribute) returns. */
    public String apiData(dev.mynasim.auth.api.PortalFlow.ApiLine line) {
        return text(line.api() != null ? "consent.data." + line.api().code() : "consent.data.attribute");
    }

    /** The name of a consent line: the API's, else the basic attribute's. */
    public String apiLineName(dev.mynasim.auth.api.PortalFlow.ApiLine line) {
        return line.api() != null ? api(line.api()) : text("consent.attribute." + line.attribute());
    }

    /** The language the switch offers: the other one. */
    public String getOther() {
        return "ja".equals(getCurrent().getLanguage()) ? "en" : "ja";
    }

    /** Where the switch returns: this page with its query (a page's transaction or pass travels in it). */
    public String getSwitchUrl() {
        String back = request.getRequestURI() + (request.getQueryString() == null || !"GET".equals(request.getMethod())
                ? "" : "?" + request.getQueryString());
        return request.getContextPath() + "/lang/" + getOther() + "?back="
                + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8);
    }
}
