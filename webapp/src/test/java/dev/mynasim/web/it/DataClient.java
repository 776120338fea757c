package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Web service of the test's own API user, as an integrator's code would drive it: registered with a callback URL,
 * a headless authorization on the Mynaportal-compatible door, then the exchange (request, result) and the
 * synchronous data API with the bearer token.
 */
public final class DataClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final SharedServer.Server server;
    private final String apiUserId;
    private final String clientId;
    private final String redirectUri;

    private DataClient(SharedServer.Server server, String apiUserId, String serviceId) {
        this.server = server;
        this.apiUserId = apiUserId;
        this.clientId = apiUserId + "_" + serviceId;
        this.redirectUri = "http://127.0.0.1/" + serviceId + "/callback";
    }

    /** A new API user with one TEST service (skip feature, headless) for the APIs, notices to {@code callbackUrl}. */
    public static DataClient register(SharedServer.Server server, String callbackUrl, String... apis) {
        String apiUserId = Fixtures.anApiUserId();
        Api operator = Api.operator(server);
        assertThat(operator.post("/admin/api/api-users", Fixtures.anApiUser(apiUserId)).status()).isEqualTo(201);
        DataClient client = new DataClient(server, apiUserId, "DS0001");
        Api.Reply service = operator.post("/admin/api/environments/test/services",
                client.registration(client.redirectUri, callbackUrl, apis));
        assertThat(service.status()).as(service.toString()).isEqualTo(201);
        return client;
    }

    /** Changes the registration (PUT) to these redirect URI and APIs, as the operator. */
    public void change(String redirect, String... apis) {
        Api.Reply changed = Api.operator(server).put("/admin/api/environments/test/services/" + clientId,
                registration(redirect, null, apis));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    /** Removes the registration, then registers the same client id again with these redirect URI and APIs. */
    public void registerAgain(String redirect, String... apis) {
        Api operator = Api.operator(server);
        Api.Reply removed = operator.delete("/admin/api/environments/test/services/" + clientId);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        Api.Reply again = operator.post("/admin/api/environments/test/services", registration(redirect, null, apis));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
    }

    private String registration(String redirect, String callbackUrl, String... apis) {
        String apiList = String.join(", ", java.util.Arrays.stream(apis).map(a -> "\"" + a + "\"").toList());
        return """
                {"apiUserId": "%s", "serviceId": "%s", "displayName": "データ取得テスト",
                 "consentText": "データを取得します。", "redirectUris": ["%s"], %s "apis": [%s],
                 "skipFeature": true, "clientAuth": "none", "headless": true}
                """.formatted(apiUserId, clientId.substring(apiUserId.length() + 1), redirect,
                callbackUrl == null ? "" : "\"callbackUrl\": \"" + callbackUrl + "\",", apiList);
    }

    /** The headless authorization of the OpenID Connect door with PKCE S256, answered to {@code redirect}. */
    public HeadlessClient.Answer oidcAuthorize(String cardSerial, String pin, String scope, String redirect,
                                               String challenge) {
        return new HeadlessClient(server).get("/test/oidc/authorize?response_type=code"
                + "&client_id=" + clientId + "&redirect_uri=" + Portal.encode(redirect)
                + "&scope=" + Portal.encode("openid " + scope) + "&state=s2&nonce=n2&code_challenge=" + challenge
                + "&code_challenge_method=S256&" + HeadlessClient.cardAndConsent(cardSerial, pin, "approve"));
    }

    public String apiUserId() {
        return apiUserId;
    }

    public String clientId() {
        return clientId;
    }

    /** The card step and consent headless, then the code exchanged at the Mynaportal-compatible token endpoint. */
    public String token(String cardSerial, String pin) {
        HeadlessClient.Answer answer = new HeadlessClient(server).get("/test/online-authorization-web/oauth/authorize"
                + "?response_type=code&client_id=" + clientId + "&redirect_uri=" + Portal.encode(redirectUri)
                + "&state=s1&login_type=0&" + HeadlessClient.cardAndConsent(cardSerial, pin, "approve"));
        assertThat(answer.query()).as(answer.toString()).containsKey("code");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", answer.query().get("code"));
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId);
        Api.Reply token = new Portal(server).token("test", form);
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return token.json().getString("access_token");
    }

    /**
     * The OpenID Connect door: a headless authorization with PKCE S256 for {@code openid} and the scope given, and the
     * code exchanged as a public TEST client; the token endpoint's JSON (access and refresh tokens).
     */
    public JsonObject oidcTokens(String cardSerial, String pin, String scope) {
        String verifier = java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
        String challenge;
        try {
            challenge = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        HeadlessClient.Answer answer = oidcAuthorize(cardSerial, pin, scope, redirectUri, challenge);
        assertThat(answer.query()).as(answer.toString()).containsKey("code");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", answer.query().get("code"));
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId);
        form.put("code_verifier", verifier);
        Api.Reply tokens = oidc("token", form);
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        return tokens.json();
    }

    /** POST {base}/oidc/{endpoint} with a form, as a public client. */
    public Api.Reply oidc(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> Portal.encode(e.getKey()) + "=" + Portal.encode(e.getValue()))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/test/oidc/" + endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), null);
    }

    /** A fresh telegram id of this API user: TL-<8 digits>-<yyMMddHHmmss>-<4-digit sequence>. */
    public String telegramId() {
        return "TL-" + apiUserId.substring(2) + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyMMddHHmmss"))
                + "-" + String.format("%04d", SEQUENCE.incrementAndGet() % 10_000);
    }

    /** A request telegram: commonHeader and, when given, the API's request block. */
    public String requestTelegram(String telegramId, String telegramType, String block, String blockJson) {
        return """
                {"commonHeader": {"telegramId": "%s", "telegramType": "%s", "mode": "1", "processId": "", "errorCode": ""}%s}
                """.formatted(telegramId, telegramType, block == null ? "" : ", \"" + block + "\": " + blockJson);
    }

    public String resultTelegram(String telegramType, String processId) {
        return """
                {"commonHeader": {"telegramId": "%s", "telegramType": "%s", "mode": "1", "processId": "%s", "errorCode": ""}}
                """.formatted(telegramId(), telegramType, processId);
    }

    /** POST {base}/online-resource-web/{request|result}. */
    public Api.Reply exchange(String call, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/test/online-resource-web/" + call))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    /** A request telegram sent and its processId returned (asserting success). */
    public String request(String token, String telegramType, String block, String blockJson) {
        Api.Reply reply = exchange("request", token, requestTelegram(telegramId(), telegramType, block, blockJson));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getJsonObject("commonHeader").getString("errorCode")).isEmpty();
        return reply.json().getJsonObject("commonHeader").getString("processId");
    }

    /** The result, retried (bounded) while it is not ready yet. */
    public Api.Reply result(String token, String telegramType, String processId) {
        Api.Reply reply = exchange("result", token, resultTelegram(telegramType, processId));
        for (int i = 0; i < 50 && reply.status() == 409; i++) {
            sleep(100);
            reply = exchange("result", token, resultTelegram(telegramType, processId));
        }
        return reply;
    }

    /** The data JSON a result carries as a string in {@code block.field}. */
    public static JsonObject data(Api.Reply result, String block, String field) {
        assertThat(result.status()).as(result.toString()).isEqualTo(200);
        try (var reader = Json.createReader(new StringReader(result.json().getJsonObject(block).getString(field)))) {
            return reader.readObject();
        }
    }

    /** {method} {base}/api/v1/{path} with the bearer token. */
    public Api.Reply view(String method, String environment, String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + environment + "/api/v1/" + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)), token);
    }

    private static Api.Reply send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
