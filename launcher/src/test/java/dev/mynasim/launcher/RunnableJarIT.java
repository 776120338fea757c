package dev.mynasim.launcher;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * mynasim.jar as an integrator's CI runs it: {@code java -jar mynasim.jar --port P --data DIR} from an empty folder,
 * the fixed ready line, /health/ready, and the one-line refusals. One server of its own: on H2 in the folder, or
 * on the PostgreSQL database that {@code mynasim.it.db.url} names (CI's second pass).
 */
class RunnableJarIT {

    private static final Path JAR = Path.of(System.getProperty("mynasim.it.jar", "target/mynasim.jar"))
            .toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final Path WORK = Path.of("target/jar-it").toAbsolutePath();
    private static final String DB_URL = System.getProperty("mynasim.it.db.url", "");

    @Test
    void startsFromAnEmptyFolderSaysWhereAndRefusesASecondServerOnItsPort() throws Exception {
        Path folder = WORK.resolve("clean");
        deleteTree(folder);
        Files.createDirectories(folder);
        int port = freePort();
        Path out = folder.resolve("mynasim.out");
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString(), "--port",
                Integer.toString(port), "--data", "data"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        if (!DB_URL.isBlank()) {
            command.addAll(List.of("--db-url", DB_URL, "--db-user", System.getProperty("mynasim.it.db.user")));
            builder.environment().put("MYNASIM_DB_PASSWORD", System.getProperty("mynasim.it.db.password"));
        }
        Process server = builder.command(command).start();
        try {
            String ready = awaitLine(server, out, "mynasim ready on ");

            assertThat(ready).isEqualTo("mynasim ready on http://localhost:" + port + "/");
            HttpResponse<String> health = get("http://127.0.0.1:" + port + "/health/ready");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"database\",\"status\":\"UP\"",
                    DB_URL.isBlank() ? "H2" : "PostgreSQL");
            assertThat(folder.resolve("data/payara")).as("the runtime's files in --data").isDirectory();
            assertThat(get("http://127.0.0.1:" + port + "/test/.well-known/openid-configuration").body())
                    .contains("\"issuer\":\"http://localhost:" + port + "/test\"");

            Run second = run(folder, "--port", Integer.toString(port), "--data", "second");
            assertThat(second.exit()).isEqualTo(1);
            assertThat(second.stderr().lines().toList()).singleElement().asString()
                    .startsWith("mynasim: port " + port + " is in use")
                    .endsWith("stop what listens there or choose another with --port");
        } finally {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void anUnknownOptionExitsTwoWithTheUsageText() throws Exception {
        Run run = run(WORK, "--prot", "8080");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("mynasim: unknown option --prot\nUsage: java -jar mynasim.jar")
                .contains("--db-password-file F").doesNotContain("Exception");
    }

    @Test
    void aPasswordOptionIsRefusedWithoutTheUsageText() throws Exception {
        Run run = run(WORK, "--db-password", "visible-in-ps");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("mynasim: --db-password would show the password to every local user "
                + "(ps); use MYNASIM_DB_PASSWORD or --db-password-file FILE\n");
    }

    private static String awaitLine(Process server, Path out, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8) : List.of();
            for (String line : lines) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            assertThat(server.isAlive()).as("the jar still running; its output ends: %s", tail(lines)).isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("no '" + prefix + "' line after 240 s: " + tail(Files.readAllLines(out)));
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Run(int exit, String stderr) {
    }

    private static Run run(Path directory, String... arguments) throws Exception {
        Files.createDirectories(directory);
        Path err = Files.createTempFile(WORK, "jar", ".err");
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the jar did not exit: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(err));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
