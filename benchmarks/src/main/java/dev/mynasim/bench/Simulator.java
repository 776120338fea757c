package dev.mynasim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One simulator process started as README says ({@code bin/mynasim start --port … --data …}, the database options
 * for PostgreSQL; or {@code java -jar mynasim.jar} with the same options), timed from the launch to the first
 * {@code /health/ready} that reports the database up, and stopped by its process id. Resident memory and CPU time
 * come from the operating system ({@code /proc}).
 */
final class Simulator implements AutoCloseable {

    private static final Duration READY_LIMIT = Duration.ofSeconds(300);

    private final Process script;
    private final int port;
    private final Path log;
    private long javaPid = -1;
    private double startSeconds;

    private Simulator(Process script, int port, Path log) {
        this.script = script;
        this.port = port;
        this.log = log;
    }

    /** How the server is started: by the start script (its JVM defaults) or as a plain {@code java -jar}. */
    enum Launcher { SCRIPT, JAR }

    /** Launches bin/mynasim and waits, bounded, until the server is ready. */
    static Simulator start(Path repository, int port, Path data, Optional<Database> database, String javaOptions)
            throws IOException, InterruptedException {
        return start(Launcher.SCRIPT, repository, port, data, database, javaOptions);
    }

    /**
     * Launches the server and waits, bounded, until it is ready. {@code JAR} runs {@code java [javaOptions] -jar
     * launcher/target/mynasim.jar} with the JVM's own defaults, as an integrator's CI would.
     */
    static Simulator start(Launcher launcher, Path repository, int port, Path data, Optional<Database> database,
                           String javaOptions) throws IOException, InterruptedException {
        Files.createDirectories(data);
        List<String> command = new ArrayList<>();
        if (launcher == Launcher.SCRIPT) {
            command.addAll(List.of(repository.resolve("bin/mynasim").toString(), "start"));
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            if (javaOptions != null && !javaOptions.isBlank()) {
                command.addAll(List.of(javaOptions.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", repository.resolve("launcher/target/mynasim.jar").toString()));
        }
        command.addAll(List.of("--port", Integer.toString(port), "--data", data.toString()));
        database.ifPresent(db -> command.addAll(List.of("--db-url", db.url(), "--db-user", db.user())));
        Path log = data.resolve("bench-launcher.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("MYNASIM_JAVA_OPTS", javaOptions == null ? "" : javaOptions);
        database.ifPresent(db -> builder.environment().put("MYNASIM_DB_PASSWORD", db.password()));
        long t0 = System.nanoTime();
        Simulator simulator = new Simulator(builder.start(), port, log);
        simulator.awaitReady(t0);
        return simulator;
    }

    private void awaitReady(long t0) throws IOException, InterruptedException {
        long deadline = t0 + READY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!script.isAlive()) {
                throw new IllegalStateException("the simulator exited with " + script.exitValue() + "; see " + log);
            }
            if (ready()) {
                startSeconds = (System.nanoTime() - t0) / 1e9;
                javaPid = script.info().command().orElse("").endsWith("/java") ? script.pid()
                        : script.toHandle().descendants()
                        .filter(p -> p.info().commandLine().orElse("").contains("mynasim.jar"))
                        .mapToLong(ProcessHandle::pid).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no mynasim.jar process under bin/mynasim"));
                return;
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("not ready after " + READY_LIMIT.toSeconds() + " s; see " + log);
    }

    private boolean ready() {
        try (HttpConnection probe = new HttpConnection("127.0.0.1", port)) {
            HttpConnection.Response health = probe.send("GET", "/health/ready", List.of(), null);
            String text = health.text().replace(" ", "");
            return health.status() == 200 && text.contains("\"name\":\"database\",\"status\":\"UP\"");
        } catch (IOException | RuntimeException notYet) {
            return false;
        }
    }

    double startSeconds() {
        return startSeconds;
    }

    int port() {
        return port;
    }

    long pid() {
        return javaPid;
    }

    /** VmRSS of the Payara process, in MiB. */
    double residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + javaPid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + javaPid);
    }

    /** Stops the server: TERM to bin/mynasim (which stops Payara and waits for it), then waits, bounded. */
    @Override
    public void close() {
        Optional<ProcessHandle> java = javaPid > 0 ? ProcessHandle.of(javaPid) : Optional.empty();
        script.destroy();
        try {
            if (!script.waitFor(60, TimeUnit.SECONDS)) {
                script.destroyForcibly();
            }
            if (java.isPresent() && java.get().isAlive()) {
                java.get().onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            java.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** PostgreSQL as bin/mynasim takes it. */
    record Database(String url, String user, String password) {
    }
}
