package dev.mynasim.registry.requestlog;

import dev.mynasim.registry.api.RequestLog.Seen;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stored view of what a request sent: parameters, the Authorization header and a JSON body, with every secret
 * replaced by its kind and a short fingerprint ({@code [code #kqzmfjwa]}, the same for the same value, so two
 * entries can be matched without showing it), and low-entropy secrets (PINs, passwords) by their kind only, since
 * a fingerprint of four digits could be reversed.
 */
final class Redaction {

    /** Parameter and JSON member names whose values are secrets with enough entropy for a fingerprint. */
    private static final Set<String> FINGERPRINTED = Set.of("code", "code_verifier", "client_secret",
            "client_assertion", "refresh_token", "access_token", "id_token", "token", "assertion", "secret",
            "clientsecret");
    /** Names whose values are shown by kind only. */
    private static final Set<String> HIDDEN = Set.of("mynasim_pin", "pin", "password", "newpassword");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern JSON_MEMBER = Pattern.compile("\"([A-Za-z_]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final int MAX = 4000;

    private Redaction() {
    }

    static String view(Seen seen) {
        StringBuilder view = new StringBuilder(seen.method()).append(' ').append(seen.endpoint());
        String separator = "?";
        for (Map.Entry<String, List<String>> parameter : seen.parameters().entrySet()) {
            for (String value : parameter.getValue()) {
                view.append(separator).append(parameter.getKey()).append('=')
                        .append(value(parameter.getKey(), value));
                separator = "&";
            }
        }
        if (seen.authorization() != null) {
            view.append("\nAuthorization: ").append(authorization(seen.authorization()));
        }
        if (seen.body() != null && !seen.body().isBlank()) {
            view.append('\n').append(json(seen.body()));
        }
        return view.length() <= MAX ? view.toString() : view.substring(0, MAX - 1) + "…";
    }

    private static String value(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (HIDDEN.contains(lower)) {
            return "[" + lower + "]";
        }
        if (FINGERPRINTED.contains(lower) || lower.endsWith("_token") || lower.endsWith("secret")) {
            return fingerprint(lower, value);
        }
        return JWT.matcher(value).replaceAll(m -> Matcher.quoteReplacement(fingerprint("jwt", m.group())));
    }

    private static String authorization(String header) {
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String credentials = space < 0 ? "" : header.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return "Basic " + decoded.substring(0, colon) + ":" + fingerprint("secret",
                            decoded.substring(colon + 1));
                }
            } catch (IllegalArgumentException e) {
                // not base64: shown as a fingerprint below
            }
        }
        return scheme + " " + fingerprint(scheme.equalsIgnoreCase("Bearer") ? "access token" : "credentials",
                credentials);
    }

    private static String json(String body) {
        String out = JSON_MEMBER.matcher(body).replaceAll(m -> Matcher.quoteReplacement(
                "\"" + m.group(1) + "\":\"" + value(m.group(1), m.group(2)) + "\""));
        return JWT.matcher(out).replaceAll(m -> Matcher.quoteReplacement(fingerprint("jwt", m.group())));
    }

    /**
     * {@code [kind #xxxxxxxx]}: eight letters from SHA-256 of the value (letters only, so a fingerprint never
     * spells a number such as a PIN).
     */
    static String fingerprint(String kind, String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            StringBuilder print = new StringBuilder(8);
            for (int i = 0; i < 8; i++) {
                print.append((char) ('a' + Math.floorMod(hash[i], 26)));
            }
            return "[" + kind + " #" + print + "]";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
