package dev.mynasim.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load needs, made through the admin REST API as an operator would: an API user of its own, two TEST
 * services with the skip feature in one group (guideline case 2; the first also serves case 1), and cards of its own
 * with person records copied from the demo person 山田 太郎, so PIN locks of the demo cards and one card shared by
 * many virtual users cannot distort the numbers.
 */
final class Fixture {

    static final String API_USER = "SP90000001";
    static final String FIRST = API_USER + "_BA0001";
    static final String SECOND = API_USER + "_BA0002";
    /** Redirect URIs on a port nothing listens on: the driver reads the code from the Location, never follows it. */
    static final String REDIRECT_HOST = "http://127.0.0.1:9/bench/";
    static final String PIN = "1357";
    static final String FIRST_SCOPE = "openid medical-insurance self-info";
    static final String SECOND_SCOPE = "openid self-info";
    /** The demo person whose records every bench person gets (README, demo person data). */
    private static final String DEMO_PERSON = "00000000-0000-4000-8000-100000000001";

    private static final Pattern SERIAL = Pattern.compile("\"serial\"\\s*:\\s*\"(\\d{12})\"");
    private static final Pattern PERSON = Pattern.compile("\"personId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final String host;
    private final int port;
    private final List<String> cards = new ArrayList<>();

    private Fixture(String host, int port) {
        this.host = host;
        this.port = port;
    }

    static String redirectUri(String clientId) {
        return REDIRECT_HOST + clientId.substring(clientId.indexOf('_') + 1) + "/callback";
    }

    /** Registers everything on a fresh simulator, with {@code cardCount} cards. */
    static Fixture create(String host, int port, int cardCount) throws IOException {
        Fixture fixture = new Fixture(host, port);
        try (VirtualBrowser operator = new VirtualBrowser(host, port)) {
            fixture.post(operator, "/admin/api/api-users", """
                    {"apiUserId": "%s", "name": "ベンチマーク株式会社", "corporateNumber": "%s"}
                    """.formatted(API_USER, corporateNumber("100000000007")));
            fixture.post(operator, "/admin/api/environments/test/services", service(FIRST, "お薬・健診ベンチ",
                    "\"medical-insurance\", \"self-info\""));
            fixture.post(operator, "/admin/api/environments/test/services", service(SECOND, "予防接種ベンチ",
                    "\"self-info\""));
            fixture.post(operator, "/admin/api/environments/test/groups", """
                    {"apiUserId": "%s", "groupId": "G0001", "displayName": "ベンチグループ", "members": ["%s", "%s"]}
                    """.formatted(API_USER, FIRST, SECOND));
            String medications = records(operator, "medical-insurance/medications");
            String vaccinations = records(operator, "self-info/vaccinations");
            for (int i = 0; i < cardCount; i++) {
                String card = fixture.post(operator, "/admin/api/cards", """
                        {"pin": "%s", "name": "負荷 太郎%d", "nameKana": "フカ タロウ", "birthdate": "1980-04-01",
                         "gender": "male", "address": "東京都千代田区永田町1-7-1", "apiUserId": "%s"}
                        """.formatted(PIN, i, API_USER));
                String serial = find(SERIAL, card);
                String person = find(PERSON, card);
                fixture.send(operator, "PUT", "/admin/api/persons/" + person + "/records/medical-insurance/medications",
                        medications);
                fixture.send(operator, "PUT", "/admin/api/persons/" + person + "/records/self-info/vaccinations",
                        vaccinations);
                fixture.cards.add(serial);
            }
        }
        return fixture;
    }

    List<String> cards() {
        return cards;
    }

    String card(int virtualUser) {
        return cards.get(virtualUser % cards.size());
    }

    private static String service(String clientId, String name, String apis) {
        String serviceId = clientId.substring(clientId.indexOf('_') + 1);
        return """
                {"apiUserId": "%s", "serviceId": "%s", "displayName": "%s", "consentText": "%sがあなたの情報を取得します。",
                 "redirectUris": ["%s"], "apis": [%s], "skipFeature": true, "clientAuth": "none", "headless": true}
                """.formatted(API_USER, serviceId, name, name, redirectUri(clientId), apis);
    }

    /** The demo person's records of one resource, as the JSON array a PUT takes. */
    private static String records(VirtualBrowser operator, String resource) throws IOException {
        HttpConnection.Response page = operator.get("/admin/api/persons/" + DEMO_PERSON + "/records/" + resource
                + "?size=100", "Authorization", basic());
        String body = page.text();
        int at = body.indexOf("\"records\":");
        if (page.status() != 200 || at < 0) {
            throw new IllegalStateException("cannot read the demo records " + resource + ": " + page);
        }
        return body.substring(at + "\"records\":".length(), body.lastIndexOf('}'));
    }

    private String post(VirtualBrowser operator, String path, String json) throws IOException {
        return send(operator, "POST", path, json);
    }

    private String send(VirtualBrowser operator, String method, String path, String json) throws IOException {
        HttpConnection.Response response = operator.send(method, path, "application/json",
                json.getBytes(StandardCharsets.UTF_8), "Authorization", basic());
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response);
        }
        return response.text();
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("operator:mynasim-operator".getBytes(StandardCharsets.UTF_8));
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return m.group(1);
    }

    /** A 法人番号 with its check digit in front (the registry checks it). */
    static String corporateNumber(String twelveDigits) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (twelveDigits.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return (9 - sum % 9) + twelveDigits;
    }
}
