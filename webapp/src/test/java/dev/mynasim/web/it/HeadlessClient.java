package dev.mynasim.web.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A service's CI job talking to the authorize endpoint without pages: plain HTTP, its own cookie jar (one "browser"),
 * redirects NOT followed, so each answer shows the status, the Location and the cookies the portal set.
 */
public final class HeadlessClient {

    private final SharedServer.Server server;
    private final Portal portal;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public HeadlessClient(SharedServer.Server server) {
        this.server = server;
        this.portal = new Portal(server);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(cookies).build();
    }

    /** The Mynaportal-compatible authorize request of a demo service, with response_type=code and login_type=0. */
    public Answer authorize(String environment, String serviceId, String state, String extraQuery) {
        return get("/" + environment + "/online-authorization-web/oauth/authorize?response_type=code"
                + "&client_id=" + portal.clientId(serviceId) + "&redirect_uri=" + Portal.encode(portal.redirectUri(serviceId))
                + "&state=" + Portal.encode(state) + "&login_type=0" + (extraQuery == null ? "" : "&" + extraQuery));
    }

    /** The case-2 headless parameters: the card, its PIN and the consent preset. */
    public static String cardAndConsent(String serial, String pin, String consent) {
        return "login_hint=" + Portal.encode("card:" + serial) + "&mynasim_pin=" + Portal.encode(pin)
                + "&mynasim_consent=" + consent;
    }

    /** A GET of a path and query exactly as given (for deliberately malformed requests). */
    public Answer get(String pathAndQuery) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + pathAndQuery))
                    .header("Accept-Language", "ja").timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST with this client's cookies (a page's own REST call, such as the card step's signature). */
    public Answer post(String path, String contentType, String body) {
        try {
            return new Answer(http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("Content-Type", contentType).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of a cookie in this client's jar. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst();
    }

    /** One answer of the portal: nothing followed. */
    public record Answer(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public Optional<String> location() {
            return raw.headers().firstValue("Location");
        }

        public String body() {
            return raw.body();
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        /** The Location without its query: where the portal sends the browser. */
        public String target() {
            String location = location().orElseThrow(() -> new AssertionError("no Location: " + this));
            int q = location.indexOf('?');
            return q < 0 ? location : location.substring(0, q);
        }

        /** The query of the Location (code, state, error …), decoded. */
        public Map<String, String> query() {
            String location = location().orElseThrow(() -> new AssertionError("no Location: " + this));
            Map<String, String> parameters = new LinkedHashMap<>();
            String query = Optional.ofNullable(URI.create(location).getRawQuery()).orElse("");
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return parameters;
        }

        @Override
        public String toString() {
            return raw.statusCode() + " Location=" + location().orElse("(none)") + " Set-Cookie="
                    + raw.headers().allValues("Set-Cookie") + " " + raw.body();
        }
    }
}
