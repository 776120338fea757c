package dev.mynasim.registry.service;

import dev.mynasim.registry.api.RuleViolation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A redirect URI or callback URL: absolute, https (http only for loopback hosts, RFC 8252 §7.3), no fragment
 * (RFC 6749 §3.1.2), compared later by exact string match.
 */
public record ServiceUrl(String value) {

    static final int MAX_LENGTH = 2000;
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    public static ServiceUrl of(String field, String value) {
        RuleViolation.required(field, value);
        if (value.length() > MAX_LENGTH) {
            throw invalid(field, "url-length", "must be at most " + MAX_LENGTH + " characters",
                    MAX_LENGTH + " 文字以内で指定してください", value);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(field, "url-syntax", "is not a valid URI", "URI の形式が正しくありません", value);
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw invalid(field, "url-absolute", "must be an absolute URL with a host",
                    "ホストを含む絶対 URL で指定してください", value);
        }
        if (uri.getRawFragment() != null) {
            throw invalid(field, "url-fragment", "must not contain a fragment (#...)",
                    "フラグメント (#...) を含めることはできません", value);
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(field, "url-userinfo", "must not contain user information",
                    "ユーザー情報を含めることはできません", value);
        }
        String scheme = uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw invalid(field, "url-https", "must use https (http only for localhost, 127.0.0.0/8 or [::1])",
                    "https を使用してください (http は localhost、127.0.0.0/8、[::1] のみ)", value);
        }
        return new ServiceUrl(value);
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase();
        return h.equals("localhost") || h.equals("[::1]") || LOOPBACK_V4.matcher(h).matches();
    }

    private static RuleViolation invalid(String field, String rule, String en, String ja, String value) {
        return RuleViolation.invalid(field, rule, field + " " + en + ": " + value, field + " は" + ja + "。入力値: " + value);
    }

    @Override
    public String toString() {
        return value;
    }
}
