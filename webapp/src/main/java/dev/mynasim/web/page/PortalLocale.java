package dev.mynasim.web.page;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Japanese first: the pages speak English only when the browser's Accept-Language prefers it. Without the header
 * the servlet container would report the server's own locale, which says nothing about the reader.
 */
@Named
@RequestScoped
public class PortalLocale {

    @Inject
    HttpServletRequest request;

    public Locale getCurrent() {
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
}
