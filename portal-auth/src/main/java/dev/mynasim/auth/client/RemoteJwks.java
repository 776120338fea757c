package dev.mynasim.auth.client;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JWK Sets that registrations publish at a URL (the RFC 7591 {@code jwks_uri} idea): fetched with a short timeout and
 * a size limit, kept five minutes, fetched again when a key id is not found (key rotation at the client), but for one
 * key id at most once every {@link #REFETCH_GAP} per URL: a client, or anyone who knows a client id, repeating an
 * assertion with a key id the set does not hold must not turn every token request into a fetch. Both intervals are real time (a monotonic
 * timer), not the simulator clock, which tests freeze and move: they bound network traffic, not a token's validity.
 */
@ApplicationScoped
public class RemoteJwks {

    static final Duration KEEP = Duration.ofMinutes(5);
    static final Duration REFETCH_GAP = Duration.ofSeconds(30);
    static final int MAX_BYTES = 64 * 1024;

    /** A fetched set and when, on {@link System#nanoTime()}. */
    private record Fetched(JWKSet keys, long at) {
        boolean younger(Duration age) {
            return System.nanoTime() - at < age.toNanos();
        }
    }

    /** Key ids bounded so that made-up ones cannot grow it without end. */
    static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Fetched> cache = new ConcurrentHashMap<>();
    /** When each (URL, key id) was last looked for by a refetch, on {@link System#nanoTime()}. */
    private final Map<String, Long> refetched = new ConcurrentHashMap<>();
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

    /** The set at the URL, as fetched within the last {@link #KEEP}. */
    public JWKSet get(String url) throws IOException {
        Fetched kept = cache.get(url);
        return kept != null && kept.younger(KEEP) ? kept.keys() : fetch(url);
    }

    /**
     * The set fetched again because it lacks the key id an assertion names, unless that key id was looked for at this
     * URL within the last {@link #REFETCH_GAP}: then the set as kept.
     */
    public JWKSet refetch(String url, String keyId) throws IOException {
        long now = System.nanoTime();
        String asked = url + " " + keyId;
        Long last = refetched.get(asked);
        Fetched kept = cache.get(url);
        if (kept != null && last != null && now - last < REFETCH_GAP.toNanos()) {
            return kept.keys();
        }
        if (refetched.size() > MAX_REMEMBERED) {
            refetched.clear();
        }
        refetched.put(asked, now);
        return fetch(url);
    }

    private JWKSet fetch(String url) throws IOException {
        String host = URI.create(url).getHost();
        if (!hosts.allows(host)) {
            throw new IOException("the host " + host + " is not in mynasim.callback.allowed-hosts");
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
            cache.put(url, new Fetched(keys, System.nanoTime()));
            return keys;
        } catch (ParseException e) {
            throw new IOException("the JWKS URL did not return a JWK Set", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
