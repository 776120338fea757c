package dev.mynasim.registry.requestlog;

import static dev.mynasim.registry.api.Html.escape;

import dev.mynasim.registry.api.ConnectionTestReport;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * The connection-test report as a printable page (README: Connection-test report): Japanese first with English
 * beneath, one row per item, evidence as request log entry ids; no script, its own small style sheet.
 */
final class ConnectionTestPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private ConnectionTestPage() {
    }

    static String render(ConnectionTestReport report) {
        String rows = report.items().stream().map(i -> """
                <tr id="item-%s" class="%s"><td><code>%s</code></td><td>%s<br><span lang="en">%s</span></td>\
                <td class="status">%s<br><span lang="en">%s</span></td><td>%s<br><span lang="en">%s</span></td>\
                <td>%s</td></tr>
                """.formatted(escape(i.code().replace(':', '-')), i.status().code(), escape(i.code()),
                escape(i.titleJa()), escape(i.titleEn()), i.status().ja(), i.status().en(), escape(i.detailJa()),
                escape(i.detailEn()), i.evidence().stream().map(id -> "#" + id).collect(Collectors.joining(" "))))
                .collect(Collectors.joining());
        long passed = report.items().stream().filter(i -> i.status() == ConnectionTestReport.Status.PASSED).count();
        return """
                <!DOCTYPE html>
                <html lang="ja"><head><meta charset="UTF-8">
                <title>接続試験レポート %s</title>
                <style>
                body { font-family: "IPAGothic", "Noto Sans CJK JP", sans-serif; margin: 2rem; color: #1a1a1a; }
                table { border-collapse: collapse; width: 100%%; }
                th, td { border: 1px solid #888; padding: .4rem .5rem; vertical-align: top; text-align: left; }
                span[lang=en] { color: #555; font-size: .9em; }
                tr.passed td.status { background: #e3f4e1; } tr.failed td.status { background: #fbe3e3; }
                tr.not-yet-seen td.status { background: #fff6d6; }
                @media print { body { margin: 0; } }
                </style></head>
                <body>
                <h1 id="report-title">接続試験レポート <span lang="en">Connection-test report</span></h1>
                <dl>
                <dt>Web サービス / Web service</dt><dd id="report-service">%s (%s)</dd>
                <dt>環境 / Environment</dt><dd>%s (%s)</dd>
                <dt>作成日時 / Computed at</dt><dd>%s JST</dd>
                <dt>結果 / Result</dt><dd id="report-summary">%d / %d 項目合格 (%d items passed)%s</dd>
                <dt>根拠 / Evidence</dt><dd>リクエストログの %d 件から算出 (from %d request log entries); #番号はリクエストログのエントリ ID です (entry ids).</dd>
                </dl>
                <table id="report-items">
                <thead><tr><th>コード<br><span lang="en">Code</span></th><th>確認項目<br><span lang="en">Check</span></th>\
                <th>状態<br><span lang="en">Status</span></th><th>詳細<br><span lang="en">Detail</span></th>\
                <th>根拠<br><span lang="en">Evidence</span></th></tr></thead>
                <tbody>
                %s</tbody></table>
                <p>mynasim (マイナポータル API シミュレータ) が記録した通信から算出しました。<span lang="en">Computed by mynasim from the recorded traffic.</span></p>
                </body></html>
                """.formatted(escape(report.service()), escape(report.displayName()), escape(report.service()),
                report.environment().labelJa(), report.environment().name(), TIME.format(report.computedAt()), passed,
                report.items().size(), passed, report.passed() ? " — すべて合格 (all passed)" : "", report.entriesRead(),
                report.entriesRead(), rows);
    }
}
