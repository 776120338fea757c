package dev.mynasim.reliability;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One simulator process (mynasim.jar) on a loopback port, on a database that outlives it: its data folder's H2 file,
 * or the PostgreSQL schema of {@code reliability.db.url}. Stopped by its PID, cleanly or with SIGKILL.
 */
final class Node implements AutoCloseable {

    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(240);

    final Path data;
    final int port;
    private final Process process;
    /** When the node printed that it is ready, from its start, in milliseconds. */
    final long readyMillis;

    private Node(Path data, int port, Process process, long readyMillis) {
        this.data = data;
        this.port = port;
        this.process = process;
        this.readyMillis = readyMillis;
    }

    /** Starts a node on a free port, the data folder (made if missing) and the suite's database, once it is ready. */
    static Node start(Path data, String... extra) throws IOException {
        return start(data, freePort(), extra);
    }

    /**
     * The same on a given port: a restarted node keeps its port, because the issuer and the tokens' audience name it
     * ({@code http://localhost:PORT}).
     */
    static Node start(Path data, int port, String... extra) throws IOException {
        Path jar = Path.of(System.getProperty("mynasim.jar", "../launcher/target/mynasim.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("mynasim.jar not found at " + jar.toAbsolutePath() + " (mvn -B package)");
        }
        Files.createDirectories(data);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString(), "--port", Integer.toString(port),
                "--data", data.toAbsolutePath().toString()));
        String dbUrl = System.getProperty("reliability.db.url", "");
        if (!dbUrl.isBlank()) {
            Path password = data.resolve("db-password");
            Files.writeString(password, "trust\n");
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
            command.addAll(List.of("--db-url", dbUrl, "--db-user", "postgres", "--db-password-file", password.toString()));
        }
        command.addAll(List.of(extra));
        Path log = data.resolve("node-" + port + ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = started + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains("mynasim ready on ")) {
                return new Node(data, port, process, (System.nanoTime() - started) / 1_000_000);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the node exited with " + process.exitValue() + "; its log: " + log);
            }
            sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the node was not ready after " + STARTUP_LIMIT.toSeconds() + " s; its log: " + log);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** {@code kill -9}: the JVM gets no chance to flush, commit or close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("node " + pid() + " still runs 30 s after SIGKILL");
        }
    }

    /** TERM, then KILL after 30 s. */
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

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
