package dev.mynasim.auth.oauth.rest;

import dev.mynasim.registry.api.Html;

/** The portal's error page for requests that must not be redirected (DESIGN.md 9.4): Japanese first, escaped. */
final class ErrorPages {

    private ErrorPages() {
    }

    static String render(String reasonJa, String reason) {
        return render(reasonJa, reason, true, null);
    }

    /**
     * The page in the reader's language (Japanese first; the other language only after the switch or the browser's
     * preference, never both on one page), with the language switch every portal screen has; {@code back} is this
     * request's path and query, where the switch returns.
     */
    static String render(String reasonJa, String reason, boolean japanese, String back) {
        String other = japanese ? "en" : "ja";
        String switchLink = back == null ? "" : "<a id=\"lang-switch\" class=\"lang-switch\" lang=\"" + other
                + "\" href=\"/lang/" + other + "?back=" + Html.escape(java.net.URLEncoder.encode(back,
                java.nio.charset.StandardCharsets.UTF_8)) + "\">" + (japanese ? "English" : "日本語") + "</a>";
        String brand = japanese ? "マイナポータル API シミュレーター" : "Myna Portal API Simulator";
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s | %s</title>
                <link rel="stylesheet" href="/portal/jakarta.faces.resource/css/portal.css"></head>
                <body><header class="portal-header"><div class="portal-brand">%s</div>%s</header>
                <main id="main" class="portal-main">
                <h1 id="error-title">%s</h1>
                <p id="error-reason" class="message message-error">%s</p>
                <p>%s</p>
                </main></body></html>
                """.formatted(japanese ? "ja" : "en", japanese ? "エラー" : "Error", brand, brand, switchLink,
                japanese ? "サービスと連携できません" : "The service cannot be linked",
                Html.escape(japanese ? reasonJa : reason),
                japanese ? "利用中のサービスの画面に戻り、サービスの提供者にお問い合わせください。サービスの開発者の方は、Web サービスの登録内容 (client_id と redirect_uri) を確認してください。"
                        : "Go back to the service you were using and contact its provider. If you develop the service, check its registration (client_id and redirect_uri).");
    }
}
