package dev.mynasim.auth.oauth.rest;

/** The portal's error page for requests that must not be redirected (DESIGN.md 9.4): Japanese first, escaped. */
final class ErrorPages {

    private ErrorPages() {
    }

    static String render(String reasonJa, String reason) {
        return """
                <!DOCTYPE html>
                <html lang="ja"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>エラー | マイナポータル API シミュレーター</title>
                <link rel="stylesheet" href="/portal/jakarta.faces.resource/css/portal.css"></head>
                <body><header class="portal-header"><div class="portal-brand">マイナポータル API シミュレーター</div></header>
                <main id="main" class="portal-main">
                <h1 id="error-title">サービスと連携できません</h1>
                <p id="error-reason" class="message message-error">%s</p>
                <p lang="en" id="error-reason-en">%s</p>
                <p>利用中のサービスの画面に戻り、サービスの提供者にお問い合わせください。サービスの開発者の方は、Web サービスの登録内容 (client_id と redirect_uri) を確認してください。</p>
                </main></body></html>
                """.formatted(escape(reasonJa), escape(reason));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
