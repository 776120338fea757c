package dev.mynasim.auth.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import dev.mynasim.registry.api.CallbackHosts;
import dev.mynasim.registry.api.OutboundTrust;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JWK Sets that registrations publish at a URL (the RFC 7591 {@code jwks_uri} idea): fetched with a short timeout and
 * a size limit, kept five minutes, fetched again at once when a key id is not found (key rotation at the client).
 */
@ApplicationScoped
public class RemoteJwks {

    static final Duration KEEP = Duration.ofMinutes(5);
    static final int MAX_BYTES = 64 * 1024;

    private record Fetched(JWKSet keys, Instant at) {
    }

    private final Map<String, Fetched> cache = new ConcurrentHashMap<>();
    private HttpClient http;

    /** DESIGN.md 9.11: no server-side request forgery into the hosting network. */
    @Inject
    CallbackHosts hosts;

    @Inject
    OutboundTrust trust;

    /** Its own TLS trust, not the listener's trust store (STACK.md, mutual TLS). */
    @PostConstruct
    void client() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).sslContext(trust.sslContext()).build();
    }

    public JWKSet get(String url, boolean refresh) throws IOException {
        String host = URI.create(url).getHost();
        if (!hosts.allows(host)) {
            throw new IOException("the host " + host + " is not in mynasim.callback.allowed-hosts");
        }
        Fetched kept = cache.get(url);
        if (!refresh && kept != null && kept.at().plus(KEEP).isAfter(Instant.now())) {
            return kept.keys();
        }
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IOException("the JWKS URL answered " + response.statusCode());
            }
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_BYTES + 1);
            }
            if (body.length > MAX_BYTES) {
                throw new IOException("the JWK Set is larger than " + MAX_BYTES + " bytes");
            }
            JWKSet keys = JWKSet.parse(new String(body, StandardCharsets.UTF_8));
            cache.put(url, new Fetched(keys, Instant.now()));
            return keys;
        } catch (ParseException e) {
            throw new IOException("the JWKS URL did not return a JWK Set", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
