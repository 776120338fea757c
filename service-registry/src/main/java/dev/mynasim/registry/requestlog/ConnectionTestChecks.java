package dev.mynasim.registry.requestlog;

import dev.mynasim.registry.api.ConnectionTestReport.Item;
import dev.mynasim.registry.api.ConnectionTestReport.Status;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RequestLog.Entry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The checks of the connection-test report (README: Connection-test report), one method each, over a service's
 * entries oldest first. An item's evidence is the ids of the entries that prove it (at most {@link #EVIDENCE}).
 */
final class ConnectionTestChecks {

    static final int EVIDENCE = 5;

    private ConnectionTestChecks() {
    }

    static List<Item> check(List<Entry> entries, Set<MynaApi> apis, boolean grouped) {
        List<Item> items = new ArrayList<>();
        items.add(cardSkip(entries, grouped));
        items.add(consentCancel(entries));
        apis.stream().sorted().forEach(api -> items.add(api(entries, api)));
        items.add(noticeAnswer(entries));
        items.add(errorPath(entries));
        items.add(refresh(entries));
        items.add(revokedConsent(entries));
        return items;
    }

    static Item cardSkip(List<Entry> entries, boolean grouped) {
        String wanted = grouped ? "2" : "1";
        List<Long> seen = ids(entries, e -> "skipped".equals(e.fact("verification")) && wanted.equals(e.fact("skip.case")));
        String titleJa = grouped ? "ケース 2: グループ内の別サービスで本人確認済みのためカード読取りを省略"
                : "ケース 1: 本人確認済みのため 2 回目の認可でカード読取りを省略";
        String titleEn = grouped ? "Case 2: the card read skipped because another service of the group verified"
                : "Case 1: the card read skipped on a second authorization";
        return seen.isEmpty()
                ? item("card-skip", titleJa, titleEn, Status.NOT_YET_SEEN, grouped
                        ? "グループ内の別サービスでカードを読み取った後、同じブラウザでこのサービスの認可を始めてください。"
                        : "カードを読み取った認可の後、同じブラウザでもう一度このサービスの認可を始めてください。", grouped
                        ? "Authorize another service of the group with the card, then this one in the same browser."
                        : "After an authorization with the card, authorize this service again in the same browser.",
                        seen)
                : item("card-skip", titleJa, titleEn, Status.PASSED, "カード読取りを省略した認可リクエスト: " + seen.size() + " 件。",
                        "Authorization requests answered without a card read: " + seen.size() + ".", seen);
    }

    static Item consentCancel(List<Entry> entries) {
        List<Long> seen = ids(entries, e -> "authorization-denied".equals(e.diagnosisCode()));
        return item("consent-cancel", "同意画面・カード画面での「連携をやめる」(access_denied) の受信",
                "A stop on the consent or card page (access_denied) received", seen.isEmpty() ? Status.NOT_YET_SEEN
                        : Status.PASSED, seen.isEmpty()
                        ? "同意画面で「連携をやめる」を選び、サービスが error=access_denied を受け取る流れを試してください。"
                        : "error=access_denied を redirect_uri に返しました: " + seen.size() + " 件。", seen.isEmpty()
                        ? "Choose 連携をやめる on the consent page and let the service take error=access_denied."
                        : "error=access_denied returned to the redirect URI: " + seen.size() + ".", seen);
    }

    /** An API: request → notice delivered → result fetched for one processId, or a data API call, succeeded. */
    static Item api(List<Entry> entries, MynaApi api) {
        String code = "api:" + api.code();
        String titleJa = api.nameJa() + ": 要求 → 完了通知 → 結果取得";
        String titleEn = api.code() + ": request → completion notice → result";
        List<Long> givenUp = new ArrayList<>();
        for (Entry request : entries) {
            if (!ok(request) || !request.endpoint().equals("online-resource-web/request")
                    || !api.code().equals(request.fact("api")) || request.fact("process") == null) {
                continue;
            }
            String process = request.fact("process");
            Optional<Entry> notice = first(entries, e -> isNotice(e) && process.equals(e.fact("process"))
                    && (e.diagnosisCode().equals("notice-delivered") || e.diagnosisCode().equals("notice-answer-malformed")));
            Optional<Entry> result = first(entries, e -> ok(e) && e.endpoint().equals("online-resource-web/result")
                    && process.equals(e.fact("process")));
            if (notice.isPresent() && result.isPresent()) {
                return item(code, titleJa, titleEn, Status.PASSED, "processId " + process + " で要求・通知・結果取得が完了しました。",
                        "Request, notice and result completed for processId " + process + ".",
                        List.of(request.id(), notice.get().id(), result.get().id()));
            }
            first(entries, e -> isNotice(e) && process.equals(e.fact("process"))
                    && e.diagnosisCode().equals("notice-given-up")).ifPresent(e -> givenUp.add(e.id()));
        }
        List<Long> view = ids(entries, e -> ok(e) && e.endpoint().startsWith("api/v1/" + api.code() + "/"));
        if (!view.isEmpty()) {
            return item(code, titleJa, titleEn, Status.PASSED, "データ API の呼び出しに成功しました: " + view.size() + " 件。",
                    "Data API calls served: " + view.size() + ".", view);
        }
        if (!givenUp.isEmpty()) {
            return item(code, titleJa, titleEn, Status.FAILED, "完了通知が届かず、再送を打ち切りました。コールバック URL を確認してください。",
                    "The completion notice could not be delivered and was given up: check the callback URL.", givenUp);
        }
        return item(code, titleJa, titleEn, Status.NOT_YET_SEEN, "この API の要求を送り、完了通知を受けてから結果を取得してください。",
                "Send this API's request, take its completion notice, then fetch the result.", List.of());
    }

    /** The latest delivered notice decides: its answer was the expected telegram type, or not. */
    static Item noticeAnswer(List<Entry> entries) {
        String titleJa = "完了通知への応答が正しい形式 (IFA0302-S01 など)";
        String titleEn = "The answer to the completion notice well formed (IFA0302-S01 and the like)";
        List<Entry> delivered = entries.stream().filter(e -> isNotice(e) && (e.diagnosisCode().equals("notice-delivered")
                || e.diagnosisCode().equals("notice-answer-malformed"))).toList();
        if (delivered.isEmpty()) {
            return item("notice-answer", titleJa, titleEn, Status.NOT_YET_SEEN,
                    "完了通知がまだ届いていません。コールバック URL を登録し、データ要求を送ってください。",
                    "No notice delivered yet: register a callback URL and send a data request.", List.of());
        }
        Entry last = delivered.get(delivered.size() - 1);
        return last.diagnosisCode().equals("notice-delivered")
                ? item("notice-answer", titleJa, titleEn, Status.PASSED, "最新の完了通知に正しい応答がありました。",
                        "The latest notice was answered well formed.", List.of(last.id()))
                : item("notice-answer", titleJa, titleEn, Status.FAILED, last.diagnosisJa(), last.diagnosisEn(),
                        List.of(last.id()));
    }

    /** A failure rule struck, and the service tried the same endpoint again and got through. */
    static Item errorPath(List<Entry> entries) {
        String titleJa = "エラー処理: 障害注入ルールによる拒否の後、再試行して成功";
        String titleEn = "Error path: refused by a failure rule, then retried successfully";
        Entry struck = null;
        for (Entry e : entries) {
            if (e.diagnosisCode().equals("refused-by-failure-rule")) {
                struck = struck == null ? e : struck;
            } else if (struck != null && ok(e) && e.endpoint().equals(struck.endpoint())) {
                return item("error-path", titleJa, titleEn, Status.PASSED, struck.endpoint() + " が拒否された後、再試行で成功しました。",
                        struck.endpoint() + " was refused, then served on a retry.", List.of(struck.id(), e.id()));
            }
        }
        return struck == null
                ? item("error-path", titleJa, titleEn, Status.NOT_YET_SEEN,
                        "コンソールの障害注入で失敗ルールを追加し、サービスがエラーを処理して再試行することを確認してください。",
                        "Add a failure rule (console, Failure injection) and show the service handles the error and retries.",
                        List.of())
                : item("error-path", titleJa, titleEn, Status.NOT_YET_SEEN,
                        "障害注入ルールによる拒否を確認しました。ルールが外れた後、同じ呼び出しを再試行してください。",
                        "A failure rule refused a request: retry the same call once the rule is spent.", List.of(struck.id()));
    }

    /** A refresh grant served, or a new authorization's code exchanged after a token was refused (401). */
    static Item refresh(List<Entry> entries) {
        String titleJa = "トークンの更新 (refresh_token) または再認可";
        String titleEn = "Token refresh (refresh_token) or re-authorization";
        List<Long> refreshed = ids(entries, e -> ok(e) && e.endpoint().endsWith("token")
                && "refresh_token".equals(e.fact("grant_type")));
        if (!refreshed.isEmpty()) {
            return item("refresh", titleJa, titleEn, Status.PASSED, "refresh_token でトークンを更新しました: " + refreshed.size() + " 件。",
                    "Tokens refreshed with refresh_token: " + refreshed.size() + ".", refreshed);
        }
        Optional<Entry> refused = first(entries, e -> e.status() == 401);
        Optional<Entry> again = refused.flatMap(r -> first(entries, e -> e.id() > r.id() && ok(e)
                && e.endpoint().endsWith("token") && "authorization_code".equals(e.fact("grant_type"))));
        if (again.isPresent()) {
            return item("refresh", titleJa, titleEn, Status.PASSED, "トークンが拒否された後、再認可でトークンを得ました。",
                    "After a token was refused, a new authorization got tokens.", List.of(refused.get().id(), again.get().id()));
        }
        return item("refresh", titleJa, titleEn, Status.NOT_YET_SEEN,
                "refresh_token でトークンを更新するか、有効期限切れのトークンが拒否された後に再認可してください(時計を進めると試せます)。",
                "Refresh the tokens, or authorize again after an expired token is refused (move the clock to try it).",
                List.of());
    }

    /** A call refused because the citizen revoked the consent, and a new authorization afterwards. */
    static Item revokedConsent(List<Entry> entries) {
        String titleJa = "同意の取消しの処理: 取り消された同意のトークンが拒否された後、再認可";
        String titleEn = "A revoked consent handled: its token refused, then a new authorization";
        Optional<Entry> refused = first(entries, e -> e.diagnosisCode().equals("consent-revoked"));
        if (refused.isEmpty()) {
            return item("revoked-consent", titleJa, titleEn, Status.NOT_YET_SEEN,
                    "マイナポータルの連携中サービス画面で同意を取り消し、その後サービスがトークンを使う流れを試してください。",
                    "Revoke the consent on the portal's linked-services page, then let the service use its token.",
                    List.of());
        }
        Optional<Entry> again = first(entries, e -> e.id() > refused.get().id() && e.endpoint().endsWith("authorize"));
        return again.isPresent()
                ? item("revoked-consent", titleJa, titleEn, Status.PASSED, "拒否の後、サービスが新しい認可を始めました。",
                        "After the refusal the service started a new authorization.",
                        List.of(refused.get().id(), again.get().id()))
                : item("revoked-consent", titleJa, titleEn, Status.NOT_YET_SEEN,
                        "取り消された同意のトークンが拒否されました。サービスはトークンを破棄し、新しい認可を始めてください。",
                        "A token of the revoked consent was refused: the service should drop it and authorize again.",
                        List.of(refused.get().id()));
    }

    private static boolean ok(Entry e) {
        return "ok".equals(e.result());
    }

    private static boolean isNotice(Entry e) {
        return e.endpoint().startsWith("notice");
    }

    private static Optional<Entry> first(List<Entry> entries, Predicate<Entry> test) {
        return entries.stream().filter(test).findFirst();
    }

    private static List<Long> ids(Collection<Entry> entries, Predicate<Entry> test) {
        return entries.stream().filter(test).map(Entry::id).limit(EVIDENCE).toList();
    }

    private static Item item(String code, String titleJa, String titleEn, Status status, String detailJa,
                             String detailEn, List<Long> evidence) {
        return new Item(code, titleJa, titleEn, status, detailJa, detailEn, List.copyOf(evidence));
    }
}
