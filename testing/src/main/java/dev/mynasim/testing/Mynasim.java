package dev.mynasim.testing;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One running simulator (mynasim.jar in a JVM of its own, on a free loopback port, with a data folder of its own)
 * and the calls a test needs: cards, services, a browser for the headless authorization on either door, the clock
 * and failure rules. Admin calls use the operator account of the demo data (TEST, dev mode).
 */
public final class Mynasim implements AutoCloseable {

    /** How long a start may take on a busy CI machine. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(240);
    private static final String OPERATOR = "operator:mynasim-operator";

    private final Process process;
    private final int port;
    private final Path data;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Mynasim(Process process, int port, Path data) {
        this.process = process;
        this.port = port;
        this.data = data;
    }

    /**
     * Starts {@code java -jar jar --port P --data data options...} on a free loopback port and returns once it printed
     * that it is ready; its output goes to {@link #logFile()}.
     */
    public static Mynasim start(Path jar, Path data, String... options) {
        try {
            return start(jar, data, freePort(), options);
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /**
     * The same on a given port: to restart a simulator where it was (its issuer and its tokens' audience name the
     * port), on the same data folder or database.
     */
    public static Mynasim start(Path jar, Path data, int port, String... options) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("mynasim.jar not found at " + jar.toAbsolutePath()
                    + "; set -Dmynasim.jar or MYNASIM_JAR to the jar (mvn -B package writes launcher/target/mynasim.jar)");
        }
        try {
            Files.createDirectories(data);
            Path log = data.resolve("mynasim.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-jar",
                    jar.toAbsolutePath().toString(), "--port", Integer.toString(port),
                    "--data", data.toAbsolutePath().toString()));
            command.addAll(List.of(options));
            // a restart appends to the log of the run before, so that the ready line looked for is the new one
            long before = Files.exists(log) ? Files.size(log) : 0;
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Mynasim mynasim = new Mynasim(process, port, data);
            mynasim.awaitReady(log, before);
            return mynasim;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + jar, e);
        }
    }

    private void awaitReady(Path log, long from) throws IOException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            byte[] bytes = Files.readAllBytes(log);
            String text = new String(bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from),
                    StandardCharsets.UTF_8);
            if (text.contains("mynasim ready on ")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("mynasim exited with " + process.exitValue() + "; its log: " + log);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while mynasim started", e);
            }
        }
        close();
        throw new IllegalStateException("mynasim not ready after " + STARTUP_LIMIT.toSeconds() + " s; its log: " + log);
    }

    /** {@code http://localhost:PORT}, the issuer's host as the simulator names it. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Where tests send their requests: the loopback address the server listens on. */
    public String loopbackUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path dataFolder() {
        return data;
    }

    /** The simulator's standard output and error: its server log. */
    public Path logFile() {
        return data.resolve("mynasim.log");
    }

    /**
     * The value of one sample of {@code /metrics} (Prometheus text), 0 when it was never counted: for example
     * {@code metric("mynasim_events_total", "action", "token.issue")}.
     */
    public double metric(String name, String label, String value) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(loopbackUrl() + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/metrics answered " + response.statusCode());
        }
        String labelText = label + "=\"" + value + "\"";
        return response.body().lines()
                .filter(line -> line.startsWith(name + "{")
                        && (line.contains("{" + labelText) || line.contains("," + labelText)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * The service's request log, newest first (at most 500 entries): what each of its requests sent, redacted, and
     * the simulator's diagnosis (README: Request log).
     */
    @SuppressWarnings("unchecked")
    public List<LogEntry> requestLog(String clientId) {
        List<Object> entries = (List<Object>) admin("GET", "/admin/api/request-log?limit=500&service=" + clientId,
                null).get("entries");
        return entries.stream().map(e -> LogEntry.of((Map<String, Object>) e)).toList();
    }

    /**
     * The connection-test report of a TEST service (README: Connection-test report): each item's code
     * ({@code card-skip}, {@code api:self-info}, ...) and its status ({@code passed}, {@code not-yet-seen},
     * {@code failed}), in the report's order.
     */
    @SuppressWarnings("unchecked")
    public Map<String, String> connectionTestReport(String clientId) {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (Object item : (List<Object>) admin("GET", "/admin/api/request-log/report?service=" + clientId, null)
                .get("items")) {
            Map<String, Object> i = (Map<String, Object>) item;
            statuses.put((String) i.get("code"), (String) i.get("status"));
        }
        return statuses;
    }

    /**
     * Sets, or sets again, the seed of a TEST service's codes and processIds (README: Deterministic ids): from now on
     * they are derived from it, and each call starts the counts at zero, so a run repeated after it gets the same ids.
     */
    public void seedIds(String clientId, String seed) {
        admin("PUT", "/admin/api/environments/test/services/" + clientId + "/id-seed", Map.of("seed", seed));
    }

    /** How many audited events of this action committed since the start ({@code mynasim_events_total}). */
    public long eventCount(String action) {
        return (long) metric("mynasim_events_total", "action", action);
    }

    /** A new test person with a usable card (TEST). */
    public Card createCard(String pin) {
        Map<String, Object> card = admin("POST", "/admin/api/cards", Map.of("pin", pin, "name", "試験 太郎",
                "nameKana", "シケン タロウ", "birthdate", "1990-04-01", "gender", "male",
                "address", "東京都千代田区霞が関一丁目1番1号"));
        return new Card((String) card.get("serial"), (String) card.get("personId"), pin);
    }

    /**
     * A TEST Web service of the demo API user SP00000001 for the given APIs: headless, with the skip feature, a
     * public client ({@code clientAuth: none}) whose redirect URI is never contacted.
     */
    public Service registerService(String serviceId, String... apis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiUserId", "SP00000001");
        body.put("serviceId", serviceId);
        body.put("displayName", "テスト " + serviceId);
        body.put("consentText", "テストのために情報を取得します");
        body.put("apis", List.of(apis));
        body.put("redirectUris", List.of("http://127.0.0.1:9/callback"));
        body.put("skipFeature", true);
        body.put("clientAuth", "none");
        body.put("headless", true);
        return Service.of(admin("POST", "/admin/api/environments/test/services", body));
    }

    /** A registered TEST service, such as the demo's {@code SP00000001_AA0001}. */
    public Service service(String clientId) {
        return Service.of(admin("GET", "/admin/api/environments/test/services/" + clientId, null));
    }

    /** A browser of its own: it keeps the verification session cookie, so case 1 and case 2 skips replay. */
    public Browser browser() {
        return new Browser(this);
    }

    /** Moves the simulator's clock (dev mode), e.g. past the group's skip window or a token's lifetime. */
    public void moveClock(Duration by) {
        admin("PUT", "/admin/api/clock", Map.of("moveSeconds", by.toSeconds()));
    }

    public void resetClock() {
        admin("DELETE", "/admin/api/clock", null);
    }

    /** A failure-injection rule of a TEST service (effects: README, Failure injection); returns its id. */
    public String addFailureRule(String clientId, String effect) {
        return (String) admin("POST", "/admin/api/faults", Map.of("environment", "test", "clientId", clientId,
                "effect", effect)).get("id");
    }

    /**
     * Any admin API call as the operator; the answer's JSON object ({@code {}} for none). A status of 400 or more
     * throws with the problem details the simulator sent.
     */
    public Map<String, Object> admin(String method, String path, Map<String, ?> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(loopbackUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(OPERATOR.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(body)));
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isBlank() ? Map.of() : json(response.body());
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(http, request);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.uri(), e);
        }
    }

    static Map<String, Object> json(String text) {
        try {
            return JSONObjectUtils.parse(text);
        } catch (ParseException e) {
            throw new IllegalStateException("not a JSON object: " + text, e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** {@code kill -9} by its PID, for crash tests: the JVM gets no chance to flush, commit or close anything. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("mynasim " + pid() + " still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while mynasim was killed", e);
        }
    }

    /** Stops the simulator by its PID: TERM, then KILL after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * One request log entry: the endpoint ({@code oidc/token}), HTTP status, error, the diagnosis code
     * ({@code code-verifier-mismatch}, {@code ok}, ...) and its text, and the redacted view of what was sent.
     */
    public record LogEntry(String endpoint, int status, String error, String diagnosis, String diagnosisEn,
                           String diagnosisJa, String request) {

        @SuppressWarnings("unchecked")
        static LogEntry of(Map<String, Object> json) {
            Map<String, Object> diagnosis = (Map<String, Object>) json.get("diagnosis");
            return new LogEntry((String) json.get("endpoint"), ((Number) json.get("status")).intValue(),
                    (String) json.get("error"), (String) diagnosis.get("code"), (String) diagnosis.get("en"),
                    (String) diagnosis.get("ja"), (String) json.get("request"));
        }
    }

    /** A test person's card: its serial for {@code login_hint=card:SERIAL} and its PIN. */
    public record Card(String serial, String personId, String pin) {
    }

    /** A registered Web service: its client id and the redirect URI a headless authorization uses. */
    public record Service(String clientId, List<String> apis, String redirectUri) {

        @SuppressWarnings("unchecked")
        static Service of(Map<String, Object> registration) {
            return new Service((String) registration.get("clientId"), (List<String>) registration.get("apis"),
                    ((List<String>) registration.get("redirectUris")).get(0));
        }
    }
}
