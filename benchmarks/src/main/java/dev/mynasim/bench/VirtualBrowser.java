package dev.mynasim.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One virtual user: a keep-alive connection and a cookie jar of its own, Japanese preferred, redirects not followed
 * (each step checks where the portal sends it). {@link #forget()} is a new browser profile: the jar is emptied, so
 * the next authorization has no verification session.
 */
final class VirtualBrowser implements AutoCloseable {

    private final HttpConnection connection;
    /** Cookie name to value: every cookie the simulator sets is host-wide ({@code Path=/}) on one loopback host. */
    private final Map<String, String> cookies = new LinkedHashMap<>();

    VirtualBrowser(String host, int port) {
        this.connection = new HttpConnection(host, port);
    }

    HttpConnection.Response get(String target, String... headers) throws IOException {
        return send("GET", target, null, null, headers);
    }

    HttpConnection.Response postForm(String target, Map<String, String> form, String... headers) throws IOException {
        return send("POST", target, "application/x-www-form-urlencoded", encodeForm(form).getBytes(StandardCharsets.UTF_8),
                headers);
    }

    HttpConnection.Response send(String method, String target, String contentType, byte[] body, String... headers)
            throws IOException {
        List<String> all = new ArrayList<>(12);
        all.add("Accept-Language");
        all.add("ja");
        all.add("User-Agent");
        all.add("mynasim-bench");
        if (contentType != null) {
            all.add("Content-Type");
            all.add(contentType);
        }
        if (!cookies.isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            cookies.forEach((name, value) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(name).append('=')
                    .append(value));
            all.add("Cookie");
            all.add(cookie.toString());
        }
        all.addAll(List.of(headers));
        HttpConnection.Response response = connection.send(method, target, all, body);
        for (String set : response.all("set-cookie")) {
            remember(set);
        }
        return response;
    }

    private void remember(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
            if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")) {
                expired = true;
            }
        }
        if (expired || value.isEmpty()) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    /** A new browser profile: no cookies (the connection stays, as a browser's pool would). */
    void forget() {
        cookies.clear();
    }

    int connectionsOpened() {
        return connection.opened();
    }

    @Override
    public void close() {
        connection.close();
    }

    /** The path and query of a Location (absolute or not), to request it on this connection. */
    static String target(String location) {
        if (location.startsWith("/")) {
            return location;
        }
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The decoded query of a Location: code, state, error … */
    static Map<String, String> query(String location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(location).getRawQuery();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    static String encodeForm(Map<String, String> form) {
        StringBuilder body = new StringBuilder(512);
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return body.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
