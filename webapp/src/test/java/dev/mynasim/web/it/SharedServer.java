package dev.mynasim.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the packaged WAR on Payara Micro once per test run and stops it, by its process, when the run ends: every
 * container test class shares it (each Payara start costs 15–50 s). The database is an H2 file in
 * {@code target/} (opened in auto-server mode, so a test can reach it over JDBC), or the database that
 * {@code mynasim.it.db.url} names (CI: a fresh PostgreSQL schema). Loopback only: besides plain HTTP the server has
 * an HTTPS listener that asks for client certificates (mutual TLS, {@link TlsMaterial}), both bound to 127.0.0.1,
 * and trusts {@value #TRUSTED_PROXY} as a TLS-ending proxy, so one server serves the mutual-TLS tests too.
 */
public final class SharedServer implements BeforeAllCallback, ParameterResolver {

    private static final String KEY = SharedServer.class.getName();
    /** The address the servers trust as a proxy that passes on client certificates (a loopback address of its own). */
    public static final String TRUSTED_PROXY = "127.0.0.2";

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Server.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    /** The running server of this test run, started on first use. */
    public static Server server(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> Server.start(Settings.fromSystemProperties()), Server.class);
    }

    /** Where the WAR, the runtime, the working folder and the database are. */
    public record Settings(Path war, Path payara, Path workDir, String dbUrl, String dbUser, String dbPassword) {

        static Settings fromSystemProperties() {
            Path work = Path.of(System.getProperty("mynasim.it.workdir", "target/it-server"));
            String url = System.getProperty("mynasim.it.db.url", "");
            if (url.isBlank()) {
                url = "jdbc:h2:file:" + work.toAbsolutePath().resolve("db/mynasim") + ";AUTO_SERVER=TRUE";
            }
            return new Settings(Path.of(System.getProperty("mynasim.it.war", "target/mynasim.war")),
                    Path.of(System.getProperty("mynasim.it.payara", "target/payara-micro.jar")), work, url,
                    System.getProperty("mynasim.it.db.user", "sa"),
                    System.getProperty("mynasim.it.db.password", "mynasim"));
        }

        public boolean postgres() {
            return dbUrl.startsWith("jdbc:postgresql:");
        }

        /** A copy with another working folder and H2 database, for tests that need a server of their own. */
        public Settings isolated(String name) {
            Path work = workDir.resolveSibling(workDir.getFileName() + "-" + name);
            return new Settings(war, payara, work,
                    "jdbc:h2:file:" + work.toAbsolutePath().resolve("db/mynasim"), "sa", "mynasim");
        }
    }

    /** One Payara Micro process serving the WAR on a loopback port. */
    public static final class Server implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        /** How long a start may take; {@code -Dmynasim.it.startup-seconds} raises it on a busy machine. */
        private static final Duration STARTUP_LIMIT = Duration.ofSeconds(Long.getLong("mynasim.it.startup-seconds", 240));

        private final Settings settings;
        private final int port;
        private final int tlsPort;
        private final TlsMaterial tls;
        private final List<String> extraProperties;
        private Process process;

        private Server(Settings settings, int port, List<String> extraProperties) {
            this.settings = settings;
            this.port = port;
            int other = freePort();
            while (other == port) {
                other = freePort();
            }
            this.tlsPort = other;
            this.tls = TlsMaterial.in(settings.workDir().resolveSibling("it-tls"));
            this.extraProperties = extraProperties;
        }

        static Server start(Settings settings) {
            deleteRecursively(settings.workDir());
            Server server = new Server(settings, freePort(), List.of());
            server.launch();
            server.awaitReady();
            return server;
        }

        /** Starts a process without waiting for it; for tests that expect the server to refuse to start. */
        public static Server launchOnly(Settings settings, List<String> extraProperties) {
            deleteRecursively(settings.workDir());
            Server server = new Server(settings, freePort(), extraProperties);
            server.launch();
            return server;
        }

        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        /** The HTTPS listener that asks for client certificates (mutual TLS). */
        public String tlsUrl() {
            return "https://127.0.0.1:" + tlsPort;
        }

        public TlsMaterial tls() {
            return tls;
        }

        public Settings settings() {
            return settings;
        }

        public Process process() {
            return process;
        }

        public Path log() {
            return settings.workDir().resolve("server.log");
        }

        /** Stops the process and starts it again on the same database and port. */
        public void restart() {
            stop();
            launch();
            awaitReady();
        }

        @Override
        public void close() {
            stop();
        }

        private void launch() {
            try {
                // Payara's runtime folder is scratch: a reused one redeploys the old application beside --deploy
                deleteRecursively(settings.workDir().resolve("root"));
                Files.createDirectories(settings.workDir().resolve("root"));
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx768m",
                        "-Dmynasim.db.url=" + settings.dbUrl(),
                        "-Dmynasim.db.class=" + (settings.postgres() ? "org.postgresql.ds.PGSimpleDataSource"
                                : "dev.mynasim.web.persistence.H2LocalDataSource"),
                        "-Dmynasim.db.user=" + settings.dbUser(),
                        "-Dmynasim.db.password=" + settings.dbPassword(),
                        "-Dmynasim.base-url=" + baseUrl(),
                        // notices and their retries within a test's patience (defaults: 2 s, doubling from 2 s)
                        "-Dmynasim.callback.delay=PT0.5S",
                        "-Dmynasim.callback.retry-backoff=PT0.5S",
                        "-Dmynasim.tls.base-url=" + tlsUrl(),
                        "-Dmynasim.tls.proxy.addresses=" + TRUSTED_PROXY));
                command.addAll(tls.systemProperties());
                command.addAll(extraProperties);
                command.addAll(List.of("-jar", settings.payara().toAbsolutePath().toString(),
                        "--deploy", settings.war().toAbsolutePath().toString(),
                        "--contextroot", "/",
                        "--nocluster",
                        "--port", Integer.toString(port),
                        "--rootdir", settings.workDir().resolve("root").toAbsolutePath().toString()));
                command.addAll(tls.payaraArguments(tlsPort));
                process = new ProcessBuilder(command)
                        .directory(settings.workDir().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start Payara Micro", e);
            }
        }

        private void awaitReady() {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + ":\n" + tail());
                }
                try {
                    HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (reply.statusCode() == 200 && reply.body().contains("\"database\"")) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                sleep(500);
            }
            stop();
            throw new IllegalStateException("Payara Micro was not ready within " + STARTUP_LIMIT + ":\n" + tail());
        }

        /** TERM first (a clean shutdown takes a few seconds), then KILL. */
        public void stop() {
            if (process == null || !process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        public String tail() {
            try {
                List<String> lines = Files.readAllLines(log());
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static void deleteRecursively(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
