package dev.mynasim.web.it;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data in the registry's language. Every test makes its own API users and services, numbered so they never
 * meet the demo data or each other's.
 */
public final class Fixtures {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 1_000_000) * 10);

    private Fixtures() {
    }

    /** A fresh API user id such as SP71234560. */
    public static String anApiUserId() {
        return "SP" + String.format("%08d", 70_000_000 + NEXT.incrementAndGet() % 29_999_999);
    }

    /** A valid corporate number (法人番号) with its check digit. */
    public static String aCorporateNumber() {
        String base = String.format("%012d", 100_000_000_000L + NEXT.incrementAndGet());
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (base.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return (9 - sum % 9) + base;
    }

    public static String anApiUser(String id) {
        return """
                {"apiUserId": "%s", "name": "テスト事業者 %s", "corporateNumber": "%s"}
                """.formatted(id, id, aCorporateNumber());
    }

    /** A TEST service with the skip feature and the given APIs. */
    public static String aServiceWithSkip(String apiUserId, String serviceId, String... apis) {
        return aService(apiUserId, serviceId, true, "none", apis);
    }

    /** A TEST service without the skip feature, registered for one API. */
    public static String aServiceWithoutSkip(String apiUserId, String serviceId, String api) {
        return aService(apiUserId, serviceId, false, "none", api);
    }

    /**
     * A TEST service with the skip feature whose CI may use headless mode, authenticating with {@code none}; its
     * redirect URI is {@code https://rp.example/{serviceId}/callback}.
     */
    public static String aHeadlessService(String apiUserId, String serviceId, String... apis) {
        return aServiceWithSkip(apiUserId, serviceId, apis).replace("\"clientAuth\": \"none\"}",
                "\"clientAuth\": \"none\", \"headless\": true}");
    }

    /** A service whose callback URL is on localhost, a host of mynasim.callback.allowed-hosts. */
    public static String aService(String apiUserId, String serviceId, boolean skip, String clientAuth, String... apis) {
        return """
                {"apiUserId": "%s", "serviceId": "%s", "displayName": "サービス %s",
                 "consentText": "<b>同意</b>のお願い & テスト", "redirectUris": ["https://rp.example/%s/callback"],
                 "callbackUrl": "https://localhost/rp/%s/notice", "apis": [%s], "skipFeature": %s, "clientAuth": "%s"}
                """.formatted(apiUserId, serviceId, serviceId, serviceId, serviceId, quoted(apis), skip, clientAuth);
    }

    public static String aGroup(String apiUserId, String groupId, String... clientIds) {
        return """
                {"apiUserId": "%s", "groupId": "%s", "displayName": "グループ %s", "members": [%s]}
                """.formatted(apiUserId, groupId, groupId, quoted(clientIds));
    }

    private static String quoted(String... values) {
        return String.join(", ", java.util.Arrays.stream(values).map(v -> "\"" + v + "\"").toList());
    }
}
