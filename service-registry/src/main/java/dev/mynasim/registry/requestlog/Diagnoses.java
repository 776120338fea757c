package dev.mynasim.registry.requestlog;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RequestLog.Seen;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The diagnosis rules of the request log, one method each, tried in order on what a request sent and got (before
 * redaction) and the facts its serving code noted; the first that applies names the rule and the fix. Every code is
 * listed in README (Request log) and has a test in {@code DiagnosesTest}.
 */
final class Diagnoses {

    private Diagnoses() {
    }

    /** {@code registered}: the redirect URIs registered for the request's client, empty when unknown. */
    static Diagnosis diagnose(Seen seen, List<String> registered) {
        return redirectUriTrailingSlash(seen, registered)
                .or(() -> redirectUriUnregistered(seen, registered))
                .or(() -> codeForAnotherClient(seen))
                .or(() -> codeVerifierMismatch(seen))
                .or(() -> redirectUriDiffers(seen))
                .or(() -> described(seen, "the code was already used", "code-reused",
                        "認可コードは使用済みです。認可コードは一度だけ交換できます(RFC 6749 §4.1.2)。このコードで発行したトークンは失効しました。認可からやり直してください。",
                        "The code was already redeemed; a code is good for one exchange (RFC 6749 §4.1.2), and the "
                                + "tokens it gave were revoked. Start a new authorization."))
                .or(() -> described(seen, "the code has expired", "code-expired",
                        "認可コードの有効期限が切れています。コードを受け取ったらすぐに交換してください。",
                        "The code expired before it was redeemed; exchange it as soon as the redirect arrives."))
                .or(() -> described(seen, "the code is unknown", "code-unknown",
                        "認可コードが不明です。別の環境のコードか、コピー時に欠けていないか確認してください。",
                        "The code is unknown: check that it comes from this environment and was copied whole."))
                .or(() -> failureRule(seen))
                .or(() -> described(seen, "(連携をやめる)", "authorization-denied",
                        "利用者が連携をやめたため、redirect_uri に error=access_denied を返しました。サービスは連携しなかったことを"
                                + "利用者に伝え、やり直す手段を示してください(RFC 6749 §4.1.2.1)。",
                        "The citizen stopped (連携をやめる), so the redirect URI got error=access_denied: the service "
                                + "should tell the user nothing was linked and offer to start again (RFC 6749 §4.1.2.1)."))
                .or(() -> described(seen, "onsent or grant behind", "consent-revoked",
                        "利用者が同意を取り消したため、このトークンは使えません。トークンを破棄し、新しい認可リクエストで同意を"
                                + "得てください。",
                        "The citizen revoked the consent behind this token: drop the tokens and ask for consent "
                                + "again with a new authorization request."))
                .or(() -> tokenFromAnotherEnvironment(seen))
                .or(() -> telegramIdReused(seen))
                .or(() -> clientUnknown(seen))
                .orElseGet(() -> other(seen));
    }

    private static Optional<Diagnosis> redirectUriTrailingSlash(Seen seen, List<String> registered) {
        return redirectUri(seen).filter(uri -> !registered.contains(uri)).flatMap(uri -> registered.stream()
                .filter(r -> stripSlash(r).equals(stripSlash(uri))).findFirst()
                .map(r -> new Diagnosis("redirect-uri-trailing-slash",
                        "redirect_uri が登録値と末尾のスラッシュだけ異なります。送信値 " + uri + "、登録値 " + r
                                + "。redirect_uri は完全一致で比較されます(RFC 6749 §3.1.2.3)。",
                        "redirect_uri differs from the registered one in its trailing slash: sent " + uri
                                + ", registered " + r + "; it is compared exactly (RFC 6749 §3.1.2.3).")));
    }

    private static Optional<Diagnosis> redirectUriUnregistered(Seen seen, List<String> registered) {
        if (!seen.endpoint().endsWith("authorize") || registered.isEmpty()) {
            return Optional.empty();
        }
        return redirectUri(seen).filter(uri -> !registered.contains(uri)).map(uri -> new Diagnosis(
                "redirect-uri-unregistered",
                "redirect_uri " + uri + " はこのサービスに登録されていません。登録値: " + String.join(", ", registered)
                        + "。コンソールのサービス画面で登録するか、登録値を送ってください。",
                "redirect_uri " + uri + " is not registered for this service (registered: "
                        + String.join(", ", registered) + "); register it on the service's console page or send "
                        + "a registered one."));
    }

    private static Optional<Diagnosis> codeForAnotherClient(Seen seen) {
        String issuedTo = seen.facts().get("code.client");
        String redeemedBy = seen.clientId();
        if (issuedTo == null || redeemedBy == null || issuedTo.equals(redeemedBy)) {
            return Optional.empty();
        }
        return Optional.of(new Diagnosis("code-other-client",
                "認可コードは " + issuedTo + " に発行されましたが、" + redeemedBy + " が交換しようとしました。"
                        + "認可リクエストと同じ client_id で交換してください。",
                "The code was issued to " + issuedTo + " but redeemed by " + redeemedBy
                        + "; redeem it with the client_id of the authorization request."));
    }

    private static Optional<Diagnosis> codeVerifierMismatch(Seen seen) {
        String challenge = seen.facts().get("code.challenge");
        Optional<String> verifier = first(seen, "code_verifier");
        if (challenge == null || verifier.isEmpty() || !"invalid_grant".equals(seen.error())
                || seen.errorDescription() == null || !seen.errorDescription().contains("code_verifier")) {
            return Optional.empty();
        }
        String s256 = s256(verifier.get());
        return Optional.of(new Diagnosis("code-verifier-mismatch",
                "code_verifier が code_challenge と一致しません。verifier の S256 は " + s256 + "、challenge は "
                        + challenge + " でした。認可リクエストで送った challenge の元の verifier を送ってください"
                        + "(RFC 7636 §4.6)。",
                "code_verifier does not match: S256 of the verifier is " + s256 + ", the challenge was "
                        + challenge + "; send the verifier the authorization request's challenge was made from "
                        + "(RFC 7636 §4.6)."));
    }

    private static Optional<Diagnosis> redirectUriDiffers(Seen seen) {
        if (seen.errorDescription() == null || !seen.errorDescription().startsWith("redirect_uri differs")) {
            return Optional.empty();
        }
        String authorized = seen.facts().getOrDefault("code.redirect_uri", "?");
        String sent = redirectUri(seen).orElse("(none)");
        boolean slash = stripSlash(authorized).equals(stripSlash(sent));
        return Optional.of(new Diagnosis(slash ? "redirect-uri-trailing-slash" : "redirect-uri-differs",
                "トークンリクエストの redirect_uri " + sent + " が認可リクエストの " + authorized + " と"
                        + (slash ? "末尾のスラッシュだけ" : "") + "異なります。同じ値を送ってください(RFC 6749 §4.1.3)。",
                "redirect_uri of the token request, " + sent + ", differs from the authorization request's, "
                        + authorized + (slash ? ", in its trailing slash" : "")
                        + "; send the same value (RFC 6749 §4.1.3)."));
    }

    private static Optional<Diagnosis> described(Seen seen, String fragment, String code, String ja, String en) {
        return seen.errorDescription() != null && seen.errorDescription().contains(fragment)
                ? Optional.of(new Diagnosis(code, ja, en)) : Optional.empty();
    }

    /** The portal's steps say "failure-injection rule N", the data path's "injected by failure rule N". */
    private static Optional<Diagnosis> failureRule(Seen seen) {
        String description = seen.errorDescription();
        return description != null && (description.contains("failure-injection rule")
                || description.contains("injected by failure rule")) ? Optional.of(new Diagnosis(
                        "refused-by-failure-rule",
                        "登録した障害注入ルールにより拒否されました。サービスがこのエラーを処理できることを確認してください。",
                        "A failure-injection rule refused the request, as set up: check that the service handles "
                                + "this error.")) : Optional.empty();
    }

    private static Optional<Diagnosis> tokenFromAnotherEnvironment(Seen seen) {
        if (seen.status() != 401 || seen.authorization() == null
                || !seen.authorization().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        Optional<String> issuer = claim(seen.authorization().substring(7).trim(), "iss");
        for (Environment other : Environment.values()) {
            if (other != seen.environment() && issuer.filter(i -> i.endsWith("/" + other.path())).isPresent()) {
                return Optional.of(new Diagnosis("token-wrong-environment",
                        other.labelJa() + "(" + other.name() + ")で発行されたトークンを" + seen.environment().labelJa()
                                + "(" + seen.environment().name() + ")で使いました。トークンは発行した環境でのみ使えます。",
                        "A token from the " + other.name() + " environment was used at " + seen.environment().name()
                                + "; a token works only in the environment that issued it."));
            }
        }
        return Optional.empty();
    }

    private static Optional<Diagnosis> telegramIdReused(Seen seen) {
        return "ETL0003".equals(seen.error()) ? Optional.of(new Diagnosis("telegram-id-reused",
                "telegramId が一意ではありません(" + Optional.ofNullable(seen.errorDescription()).orElse("") + ")。"
                        + "電文ごとに、同じ秒の中でも重ならない telegramId を付けてください。",
                "telegramId is not unique (" + Optional.ofNullable(seen.errorDescription()).orElse("")
                        + "); give every telegram its own, unique even within the same second."))
                : Optional.empty();
    }

    private static Optional<Diagnosis> clientUnknown(Seen seen) {
        String description = seen.errorDescription();
        if (!"invalid_client".equals(seen.error()) || description == null) {
            return Optional.empty();
        }
        boolean unknown = description.contains("no client") || description.contains("is unknown")
                && !description.contains("does not use");
        return Optional.of(unknown
                ? new Diagnosis("client-unknown", "client_id がこの環境に登録されていません: " + description
                        + "。環境(test / production)と client_id を確認してください。",
                        "The client is not registered in this environment: " + description
                                + ". Check the environment (test or production) and the client_id.")
                : new Diagnosis("client-authentication", "クライアント認証に失敗しました: " + description
                        + "。サービスに登録したクライアント認証方式で認証してください。",
                        "Client authentication failed: " + description
                                + ". Authenticate with the method registered for the service."));
    }

    private static Diagnosis other(Seen seen) {
        if (seen.status() < 400 && seen.error() == null) {
            return new Diagnosis(Diagnosis.OK, "正常に処理されました。", "Served without error.");
        }
        String what = (seen.error() == null ? "HTTP " + seen.status() : seen.error())
                + (seen.errorDescription() == null ? "" : ": " + seen.errorDescription());
        return new Diagnosis("error", "エラーが返されました(" + what + ")。", "The request got an error (" + what + ").");
    }

    /** A notice attempt's diagnosis: delivered, to be retried at {@code next}, or given up. */
    static Diagnosis notice(int attempt, Integer status, String outcome, boolean delivered, java.time.Instant next) {
        if (delivered && outcome != null && outcome.contains("but the answer's")) {
            return new Diagnosis("notice-answer-malformed", "完了通知は届きましたが、応答が正しくありません(" + outcome
                    + ")。完了通知には、その API の応答電文種別(例: IFA0302-S01)を commonHeader.telegramType に入れて応答してください。",
                    "The notice was delivered, but the answer is not well formed (" + outcome + "); answer a "
                            + "completion notice with its API's answer type (IFA0302-S01, say) in commonHeader.telegramType.");
        }
        if (delivered) {
            return new Diagnosis("notice-delivered", "完了通知を届けました(" + attempt + " 回目)。",
                    "The completion notice was delivered (attempt " + attempt + ").");
        }
        String answer = status == null ? outcome : "HTTP " + status;
        if (next == null) {
            return new Diagnosis("notice-given-up", "コールバック URL が " + attempt + " 回とも受け取りませんでした(最後: "
                    + answer + ")。再送はしません。通知の受信を " + "IFA0302-S01 で応答してください。",
                    "The callback URL did not take the notice in " + attempt + " attempts (last: " + answer
                            + "); no more retries. Answer a notice with IFA0302-S01.");
        }
        return new Diagnosis("notice-failed", "コールバック URL が " + answer + " を返しました(" + attempt
                + " 回目)。次の再送は " + next + "。",
                "The callback URL answered " + answer + " (attempt " + attempt + "); next retry at " + next + ".");
    }

    private static Optional<String> redirectUri(Seen seen) {
        return first(seen, "redirect_uri");
    }

    static Optional<String> first(Seen seen, String name) {
        List<String> values = seen.parameters().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** RFC 7636 §4.2: BASE64URL(SHA-256(ASCII(verifier))). */
    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A claim of a compact JWT's payload, unverified: only to name where a refused token came from. */
    private static Optional<String> claim(String jwt, String name) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            JsonObject claims = JSON.createReader(new StringReader(payload)).readObject();
            return Optional.ofNullable(claims.get(name)).filter(v -> v instanceof jakarta.json.JsonString)
                    .map(v -> ((jakarta.json.JsonString) v).getString());
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
