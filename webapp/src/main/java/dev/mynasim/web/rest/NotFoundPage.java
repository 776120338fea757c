package dev.mynasim.web.rest;

import dev.mynasim.web.page.PortalLocale;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The page a browser gets for a path nothing serves: the portal's look, Japanese first with the language switch, a
 * link to the start page. Nothing of the request is echoed.
 */
final class NotFoundPage {

    private NotFoundPage() {
    }

    /** A browser names text/html in its Accept header; curl and API clients send {@code *}{@code /*} or JSON. */
    static boolean wanted(HttpHeaders headers) {
        return headers != null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
    }

    static Response response(HttpHeaders headers, UriInfo uri) {
        boolean japanese = japanese(headers);
        String other = japanese ? "en" : "ja";
        String back = uri == null ? "/portal/index.xhtml" : uri.getRequestUri().getRawPath();
        String page = """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="stylesheet" href="/portal/jakarta.faces.resource/css/portal.css"></head>
                <body><header class="portal-header"><div class="portal-brand">%s</div>
                <a id="lang-switch" class="lang-switch" lang="%s" href="/lang/%s?back=%s">%s</a></header>
                <main id="main" class="portal-main">
                <h1 id="not-found-title">%s</h1>
                <p id="not-found-reason">%s</p>
                <p><a id="not-found-home" href="/portal/index.xhtml">%s</a></p>
                </main></body></html>
                """.formatted(japanese ? "ja" : "en",
                japanese ? "ページが見つかりません | マイナポータル API シミュレーター" : "Page not found | Myna Portal API Simulator",
                japanese ? "マイナポータル API シミュレーター" : "Myna Portal API Simulator", other, other,
                URLEncoder.encode(back, StandardCharsets.UTF_8).replace("&", "&amp;"), japanese ? "English" : "日本語",
                japanese ? "ページが見つかりません" : "Page not found",
                japanese ? "このアドレスには何もありません。URL を確認するか、はじめのページから開いてください。"
                        : "Nothing is served at this address. Check the URL, or start from the start page.",
                japanese ? "はじめのページへ" : "To the start page");
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", japanese ? "ja" : "en").entity(page).build();
    }

    /** As the portal's pages decide (PortalLocale): the switch's cookie, then Accept-Language, else Japanese. */
    private static boolean japanese(HttpHeaders headers) {
        Cookie chosen = headers.getCookies().get(PortalLocale.COOKIE);
        if (chosen != null && ("ja".equals(chosen.getValue()) || "en".equals(chosen.getValue()))) {
            return "ja".equals(chosen.getValue());
        }
        for (Locale locale : headers.getAcceptableLanguages()) {
            if (locale.getLanguage().equals("ja")) {
                return true;
            }
            if (locale.getLanguage().equals("en")) {
                return false;
            }
        }
        return true;
    }
}
