package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The demo services and cards of the journeys, the token call a service makes, and what its tokens say. */
public final class Portal {

    public static final String TEST = "test";
    public static final String PRODUCTION = "production";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final SharedServer.Server server;

    public Portal(SharedServer.Server server) {
        this.server = server;
    }

    public String clientId(String serviceId) {
        return (serviceId.startsWith("BB") ? "SP00000002_" : "SP00000001_") + serviceId;
    }

    /** The demo services' redirect URI: {base-url}/demo/{serviceId}/callback. */
    public String redirectUri(String serviceId) {
        return server.baseUrl() + "/demo/" + serviceId + "/callback";
    }

    public Browser authorize(Browser browser, String environment, String serviceId, String state, String extra) {
        return browser.authorize(environment, clientId(serviceId), encode(redirectUri(serviceId)), state, extra);
    }

    /** A fresh card of its own for a test (global, usable, five years), returning its serial. */
    public String aCard(String pin) {
        return aCard(pin, null);
    }

    public String aCard(String pin, String extraJson) {
        Api.Reply created = Api.operator(server).post("/admin/api/cards", """
                {"pin": "%s", "name": "試験 花子", "nameKana": "シケン ハナコ", "birthdate": "1990-01-01",
                 "gender": "female", "address": "東京都千代田区永田町1-7-1"%s}
                """.formatted(pin, extraJson == null ? "" : ", " + extraJson));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("serial");
    }

    /** POST to the token endpoint as the service would; returns status and JSON body. */
    public Api.Reply exchange(String environment, String serviceId, String code, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId(serviceId));
        return token(environment, form);
    }

    public Api.Reply token(String environment, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + "/" + environment + "/online-authorization-web/oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a JWT (its signature is the verifier's business; tests read what it says). */
    public static JsonObject claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        try (var reader = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    /** Authorizes, approves and exchanges in one go for a browser already past the card step or about to skip it. */
    public JsonObject tokenAfterConsent(Browser browser, String environment, String serviceId) {
        assertThat(browser.onConsent()).as(browser.url()).isTrue();
        browser.approve();
        Map<String, String> callback = browser.callback();
        assertThat(callback).as(browser.url()).containsKey("code");
        Api.Reply token = exchange(environment, serviceId, callback.get("code"), redirectUri(serviceId));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return token.json();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
