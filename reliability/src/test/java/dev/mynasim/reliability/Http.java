package dev.mynasim.reliability;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.mynasim.testing.Browser;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The suite's HTTP client: a browser's cookies, no redirects followed, short timeouts; answers as they came. */
final class Http {

    static final String OPERATOR = "Basic " + Base64.getEncoder()
            .encodeToString("operator:mynasim-operator".getBytes(StandardCharsets.UTF_8));

    record Answer(int status, String body, Map<String, List<String>> headers) {
        Map<String, Object> json() {
            try {
                return JSONObjectUtils.parse(body);
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("not a JSON object (" + status + "): " + body, e);
            }
        }

        List<Object> array() {
            try {
                return JSONArrayUtils.parse(body);
            } catch (java.text.ParseException e) {
                throw new IllegalStateException("not a JSON array (" + status + "): " + body, e);
            }
        }

        String location() {
            return headers.getOrDefault("location", List.of("")).get(0);
        }

        /** The query parameters of the redirect's location. */
        Map<String, String> redirected() {
            return Browser.query(location());
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    Answer get(String url, String authorization) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.GET().build());
    }

    Answer form(String url, Map<String, String> form) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    Answer json(String method, String url, String authorization, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            @SuppressWarnings("unchecked")
            String text = JSONObjectUtils.toJSONString((Map<String, ?>) body);
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        return send(request.build());
    }

    Answer send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
