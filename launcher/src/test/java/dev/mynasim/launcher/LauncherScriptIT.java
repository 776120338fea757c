package dev.mynasim.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * bin/mynasim as a hosting team runs it: a password never appears on a command line that every local user can read
 * with ps, neither the script's nor the server JVM's (DESIGN.md 9; the secrets reach the JVM in an owner-only
 * argument file). Runs a server of its own on H2, once (the PostgreSQL pass skips it).
 */
class LauncherScriptIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SCRIPT = ROOT.resolve("bin/mynasim");
    private static final Path WORK = Path.of("target/launcher-it").toAbsolutePath();

    @Test
    void aPasswordGivenAsAnOptionIsRefusedBeforeAnythingStarts() throws Exception {
        Run run = run(List.of("start", "--db-password", "visible-in-ps"), Map.of());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains("--db-password would show the password", "MYNASIM_DB_PASSWORD",
                "--db-password-file");
    }

    @Test
    void aPasswordFileThatOtherUsersCanReadIsRefused() throws Exception {
        Files.createDirectories(WORK);
        Path file = WORK.resolve("db-password");
        Files.writeString(file, "secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        Run run = run(List.of("start", "--db-password-file", file.toString()), Map.of());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains(file + " is readable by other users; chmod 600 it");
    }

    @Test
    void theRunningServersCommandLineHoldsNoSecret() throws Exception {
        assumeTrue(System.getProperty("mynasim.it.db.url", "").isBlank(), "runs once, on the H2 pass");
        String dbSecret = "db-" + UUID.randomUUID();
        String tlsSecret = "tls-" + UUID.randomUUID();
        Path data = WORK.resolve("data");
        deleteTree(data);
        Files.createDirectories(data);
        Path passwordFile = WORK.resolve("db-password-owner-only");
        Files.writeString(passwordFile, dbSecret + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        int port = freePort();
        int tlsPort = freePort();
        Path out = WORK.resolve("launcher.out");

        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "start", "--port", Integer.toString(port),
                "--data", data.toString(), "--db-password-file", passwordFile.toString(), "--tls",
                "--tls-port", Integer.toString(tlsPort))
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("MYNASIM_TLS_KEYSTORE_PASSWORD", tlsSecret);
        builder.environment().put("MYNASIM_TLS_CLIENT_CA_PASSWORD", tlsSecret);
        Process script = builder.start();
        try {
            awaitBanner(script, out);
            ProcessHandle java = script.toHandle().descendants()
                    .filter(p -> p.info().command().orElse("").endsWith("java")).findFirst().orElseThrow();
            String javaCommandLine = commandLine(java.pid());
            String scriptCommandLine = commandLine(script.pid());

            assertThat(javaCommandLine).contains("mynasim.jar", "-Djavax.net.ssl.keyStore=", "@")
                    .doesNotContain(dbSecret, tlsSecret, "Password=");
            assertThat(scriptCommandLine).doesNotContain(dbSecret, tlsSecret);
            assertThat(data.resolve("payara/secrets.args")).as("the argument file, gone once the server is ready")
                    .doesNotExist();
            assertThat(readiness(port)).as("the server got the password from the file").isEqualTo(200);
            assertThat(tlsReadiness(tlsPort, data.resolve("tls/server.pem")))
                    .as("the HTTPS listener opened its key store with the password from the argument file")
                    .isEqualTo(200);
        } finally {
            stop(script);
        }
    }

    private static void awaitBanner(Process script, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
            if (text.contains("mynasim is ready:")) {
                return;
            }
            assertThat(script.isAlive()).as("bin/mynasim still running; its output: %s", text).isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("bin/mynasim not ready after 300 s: " + Files.readString(out));
    }

    private static int readiness(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int tlsReadiness(int port, Path serverCertificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (var in = Files.newInputStream(serverCertificate)) {
            trusted.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String commandLine(long pid) throws IOException {
        return Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8).replace('\0', ' ');
    }

    /** TERM to the script (it stops its server), then by PID whatever is left. */
    private static void stop(Process script) throws InterruptedException {
        List<ProcessHandle> children = script.toHandle().descendants().toList();
        script.destroy();
        if (!script.waitFor(60, TimeUnit.SECONDS)) {
            script.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            child.destroy();
            child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
            child.destroyForcibly();
        }
    }

    private record Run(int exit, String stderr) {
    }

    private static Run run(List<String> arguments, Map<String, String> environment) throws Exception {
        Files.createDirectories(WORK);
        Path err = Files.createTempFile(WORK, "launcher", ".err");
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/mynasim did not exit");
        }
        return new Run(process.exitValue(), Files.readString(err));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
