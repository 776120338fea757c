package dev.mynasim.web.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A service's HTTP client on the mutual-TLS listener of the shared server (or on plain HTTP), with or without a client
 * certificate: form posts to token endpoints, JSON posts and GETs with a bearer token.
 */
public final class TlsClient {

    private final String baseUrl;
    private final HttpClient http;

    private TlsClient(String baseUrl, SSLContext context) {
        this.baseUrl = baseUrl;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER);
        this.http = (context == null ? builder : builder.sslContext(context)).build();
    }

    /** On the HTTPS listener, presenting this certificate. */
    public static TlsClient presenting(SharedServer.Server server, PrivateKey key, X509Certificate certificate) {
        return new TlsClient(server.tlsUrl(), server.tls().presenting(key, certificate));
    }

    /** On the HTTPS listener, without a client certificate. */
    public static TlsClient withoutCertificate(SharedServer.Server server) {
        return new TlsClient(server.tlsUrl(), server.tls().withoutCertificate());
    }

    /** On the plain HTTP listener. */
    public static TlsClient plain(SharedServer.Server server) {
        return new TlsClient(server.baseUrl(), null);
    }

    public Api.Reply form(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> Portal.encode(e.getKey()) + "=" + Portal.encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Api.Reply json(String path, String bearer, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Api.Reply get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        return send(bearer == null ? request : request.header("Authorization", "Bearer " + bearer));
    }

    /** The reply, or the IOException of a handshake the server refused. */
    public Api.Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new HandshakeRefused(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The connection failed: under TLS 1.3 a client certificate the server does not trust ends it like this. */
    public static final class HandshakeRefused extends RuntimeException {
        HandshakeRefused(IOException cause) {
            super(cause);
        }
    }
}
