package dev.mynasim.web.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service's callback endpoint on a loopback port: records every completion notice (body and signature header) and
 * answers with the statuses queued, then 200 with the {@code IFA0302-S01}-style answer. Stopped by {@link #close()}.
 */
public final class NoticeReceiver implements AutoCloseable {

    /** One notice as the service saw it. */
    public record Received(String body, String signature) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    /** The body of a 200 answer; null: the notice's own answer type ({@code …0302-S01}). */
    private volatile String answer;
    /** A path of this receiver's own: a notice retried to an earlier receiver whose port the kernel reused gets 404. */
    private final String path = "/notice/" + UUID.randomUUID();

    public NoticeReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            arrivals.add(System.nanoTime());
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Mynasim-Signature")));
            Integer status;
            synchronized (statuses) {
                status = statuses.poll();
            }
            String type = body.replaceAll("(?s).*\"telegramType\"\\s*:\\s*\"([A-Z]{3}0302)-R01\".*", "$1-S01");
            byte[] answer = (status != null ? "{}" : this.answer != null ? this.answer
                    : "{\"commonHeader\":{\"telegramType\":\"" + type + "\",\"errorCode\":\"\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** The callback URL to register: {@code http://127.0.0.1:<port>/notice/<uuid>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers 200 with this body from now on, as a service whose answer is not well formed. */
    public NoticeReceiver answering(String body) {
        this.answer = body;
        return this;
    }

    /** The next answers, in order, before the receiver answers 200 again. */
    public NoticeReceiver failing(Integer... statuses) {
        synchronized (this.statuses) {
            this.statuses.addAll(List.of(statuses));
        }
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** When each notice arrived, in {@link System#nanoTime()} of this JVM, in the order of {@link #received()}. */
    public List<Long> arrivals() {
        return List.copyOf(arrivals);
    }

    /** Waits (polling, bounded) until at least {@code count} notices arrived; returns them. */
    public List<Received> await(int count, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
