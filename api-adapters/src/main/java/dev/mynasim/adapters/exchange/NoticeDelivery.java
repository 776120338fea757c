package dev.mynasim.adapters.exchange;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.adapters.data.Adapters;
import dev.mynasim.adapters.data.ExchangeShape;
import dev.mynasim.adapters.data.JsonBodies;
import dev.mynasim.auth.api.NoticeSigner;
import dev.mynasim.registry.api.CallbackHosts;
import dev.mynasim.registry.api.OutboundTrust;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.SchemaMigrated;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends completion notices to the services' callback URLs. A poller claims the notices due (a lease in the
 * database, so a restarted node or a second one resumes what another left) and posts each, signed with a detached
 * JWS in {@code X-Mynasim-Signature}; a service that does not answer 2xx is tried again with doubling back-off up to
 * {@code mynasim.callback.max-attempts}. Only hosts on the allow-list are called, redirects are not followed, and
 * every attempt is recorded.
 */
@ApplicationScoped
public class NoticeDelivery {

    public static final String SIGNATURE_HEADER = "X-Mynasim-Signature";
    private static final Logger LOG = Logger.getLogger(NoticeDelivery.class.getName());
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    DataRequests requests;

    @Inject
    Adapters adapters;

    @Inject
    NoticeSigner signer;

    @Inject
    CallbackHosts hosts;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mynasim.callback.retry-backoff", defaultValue = "PT2S")
    String backoff;

    @Inject
    @ConfigProperty(name = "mynasim.callback.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "mynasim.callback.timeout", defaultValue = "PT5S")
    String timeout;

    @Inject
    @ConfigProperty(name = "mynasim.callback.poll-interval", defaultValue = "PT0.25S")
    String pollInterval;

    @Inject
    OutboundTrust trust;

    private HttpClient http;
    private ScheduledFuture<?> poller;

    /** Its own TLS trust, not the listener's trust store (STACK.md, mutual TLS). */
    @PostConstruct
    void client() {
        http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2)).sslContext(trust.sslContext()).build();
    }

    void start(@Observes @Priority(500) SchemaMigrated migrated) {
        long every = Duration.parse(pollInterval).toMillis();
        poller = scheduler.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (poller != null) {
            poller.cancel(false);
        }
    }

    void tick() {
        try {
            Instant now = clock.instant();
            for (DataRequest due : requests.claimDue(now, now.plus(LEASE), 20)) {
                scheduler.execute(() -> deliver(due));
            }
        } catch (RuntimeException e) {
            // the poller must outlive a failing database; the next tick tries again
            LOG.log(Level.WARNING, "Could not read the notices due", e);
        }
    }

    void deliver(DataRequest request) {
        ExchangeShape shape = adapters.of(request.api()).orElseThrow().shape();
        byte[] body = notice(request, shape).toString().getBytes(StandardCharsets.UTF_8);
        Sent sent = send(request, shape, body);
        Instant now = clock.instant();
        Instant next = sent.delivered() ? null : now.plus(backoffAfter(request.attempts() + 1));
        requests.attempted(request.processId(), now, sent.status(), sent.outcome(), sent.delivered(),
                sent.final_() ? null : next, maxAttempts);
        if (sent.delivered() && request.noticeCopies() > 1) {
            Sent copy = send(request, shape, body);
            requests.copySent(request.processId(), clock.instant(), copy.status(), copy.outcome());
        }
    }

    /** The back-off before attempt n+1: the configured step doubled per failed attempt, at most five minutes. */
    Duration backoffAfter(int failedAttempts) {
        Duration step = Duration.parse(backoff);
        Duration wait = step.multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }

    /** What one POST of a notice came to; {@code final_}: no retry can help (the host is not allowed). */
    record Sent(boolean delivered, Integer status, String outcome, boolean final_) {
    }

    Sent send(DataRequest request, ExchangeShape shape, byte[] body) {
        String url = request.callbackUrl().orElseThrow();
        try {
            hosts.require("callbackUrl", url);
        } catch (RuleViolation e) {
            return new Sent(false, null, "refused: " + e.getMessage(), true);
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.parse(timeout))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header(SIGNATURE_HEADER, signer.signDetached(request.environment(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            if (status < 200 || status > 299) {
                return new Sent(false, status, "the service answered HTTP " + status, false);
            }
            String answered = JsonBodies.parse(answer.body()).filter(JsonObject.class::isInstance)
                    .map(j -> ((JsonObject) j).get("commonHeader"))
                    .filter(h -> h != null && h.getValueType() == JsonValue.ValueType.OBJECT)
                    .map(h -> h.asJsonObject().getString("telegramType", "")).orElse("");
            return new Sent(true, status, shape.noticeAnswerType().equals(answered)
                    ? "delivered; the service answered " + answered
                    : "delivered (HTTP " + status + "), but the answer's commonHeader.telegramType was '" + answered
                            + "', expected " + shape.noticeAnswerType(), false);
        } catch (IOException | IllegalArgumentException e) {
            return new Sent(false, null, "could not reach " + url + ": " + e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(false, null, "interrupted while calling " + url, false);
        }
    }

    private static JsonObject notice(DataRequest request, ExchangeShape shape) {
        return JSON.createObjectBuilder().add("commonHeader", JSON.createObjectBuilder()
                .add("telegramId", request.telegramId())
                .add("telegramType", shape.noticeType())
                .add("mode", request.mode() == null ? JsonValue.NULL : JSON.createValue(request.mode()))
                .add("processId", request.processId())
                .add("errorCode", "")).build();
    }
}
