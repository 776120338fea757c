package dev.mynasim.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark of issue 7: for each run a fresh simulator (first start, then the restart that is the start-up
 * target), resident memory at idle, the scenarios at each concurrency after a warm-up, memory after the load; then
 * the medians over the runs as a table, a JSON file and a chart under {@code docs/benchmarks/}. README, Benchmarks,
 * says how to run it and what the numbers were.
 */
public final class Benchmark {

    static final List<String> SCENARIOS = List.of("full", "group", "group-second", "token", "refresh", "data");

    private final Options options;
    private final List<Map<String, Object>> runs = new ArrayList<>();

    private Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new Benchmark(options).run();
    }

    private void run() throws Exception {
        Files.createDirectories(options.work);
        if (options.compareLaunchers) {
            compareLaunchers();
            return;
        }
        say("mynasim benchmark: " + options.database + ", " + options.runs + " run(s), scenarios " + options.scenarios
                + " at concurrency " + options.concurrency + (options.javaOptions.isBlank() ? ""
                : ", MYNASIM_JAVA_OPTS=" + options.javaOptions));
        for (int run = 1; run <= options.runs; run++) {
            runs.add(oneRun(run));
            writeResults();
        }
        Map<String, Object> summary = summary();
        writeResults();
        Report.printTable(summary, System.out);
        Path chart = options.out.resolve("chart-" + options.stamp() + ".png");
        Chart.draw(summary, options.label(), chart);
        say("results: " + options.out.resolve("results-" + options.stamp() + ".json") + ", chart: " + chart);
    }

    private Map<String, Object> oneRun(int run) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run", run);
        Path data = options.work.resolve(options.database + "-run-" + run + "-" + System.currentTimeMillis());
        Optional<Simulator.Database> database = Optional.empty();
        String schema = null;
        if (options.database.equals("postgres")) {
            schema = "bench_" + System.currentTimeMillis() + "_" + run;
            psql("create schema " + schema);
            database = Optional.of(new Simulator.Database(options.postgresUrl + "?currentSchema=" + schema,
                    options.postgresUser, options.postgresPassword));
        }
        try {
            int port = freePort();
            result.put("loadBeforeFirstStart", awaitQuiet());
            Double firstStart = null;
            Double firstIdle = null;
            if (!options.skipFirstStart) {
                try (Simulator first = Simulator.start(options.repository, port, data, database, options.javaOptions)) {
                    firstStart = first.startSeconds();
                    Thread.sleep(options.idleSeconds * 1000L);
                    firstIdle = first.residentMiB();
                }
                say(String.format(Locale.ROOT, "run %d: first start %.1f s (idle RSS %.0f MiB)", run, firstStart,
                        firstIdle));
                result.put("loadBeforeRestart", awaitQuiet());
            }
            try (Simulator simulator = Simulator.start(options.repository, port, data, database, options.javaOptions)) {
                Thread.sleep(options.idleSeconds * 1000L);
                double idle = simulator.residentMiB();
                say(String.format(Locale.ROOT, "run %d: restart %.1f s, idle RSS %.0f MiB", run,
                        simulator.startSeconds(), idle));
                Map<String, Object> startup = new LinkedHashMap<>();
                startup.put("firstStartSeconds", firstStart);
                startup.put("restartSeconds", simulator.startSeconds());
                startup.put("firstStartIdleRssMiB", firstIdle);
                startup.put("idleRssMiB", idle);
                result.put("startup", startup);
                Fixture fixture = Fixture.create("127.0.0.1", port, options.cards);
                result.put("loadBeforeLoad", CpuMeter.load1());
                List<Map<String, Object>> levels = new ArrayList<>();
                new Scenarios(options, simulator, fixture, level -> {
                    levels.add(level);
                    Report.printLevel(run, level, System.out);
                }).runAll();
                result.put("levels", levels);
                startup.put("afterLoadRssMiB", simulator.residentMiB());
                say(String.format(Locale.ROOT, "run %d: RSS after the load %.0f MiB", run, simulator.residentMiB()));
            }
        } finally {
            if (schema != null) {
                psql("drop schema " + schema + " cascade");
            }
        }
        return result;
    }

    /**
     * {@code --compare-launchers}: in each run, bin/mynasim and a plain {@code java -jar mynasim.jar} (the JVM's own
     * defaults) one after the other, each on a fresh data folder: first start and restart to ready, and resident
     * memory after the idle wait; medians over the runs. No load.
     */
    private void compareLaunchers() throws Exception {
        say("mynasim start-up: bin/mynasim vs java -jar mynasim.jar, " + options.database + ", " + options.runs
                + " run(s), idle " + options.idleSeconds + " s before RSS");
        Map<String, List<Map<String, Double>>> byLauncher = new LinkedHashMap<>();
        for (int run = 1; run <= options.runs; run++) {
            for (Simulator.Launcher launcher : Simulator.Launcher.values()) {
                String name = launcher == Simulator.Launcher.SCRIPT ? "bin/mynasim" : "java -jar mynasim.jar";
                Path data = options.work.resolve("launch-" + launcher + "-" + run + "-" + System.currentTimeMillis());
                Optional<Simulator.Database> database = Optional.empty();
                String schema = null;
                if (options.database.equals("postgres")) {
                    schema = "bench_launch_" + System.currentTimeMillis();
                    psql("create schema " + schema);
                    database = Optional.of(new Simulator.Database(options.postgresUrl + "?currentSchema=" + schema,
                            options.postgresUser, options.postgresPassword));
                }
                try {
                    Map<String, Double> figures = new LinkedHashMap<>();
                    figures.put("loadBefore", awaitQuiet());
                    int port = freePort();
                    for (String start : List.of("first", "restart")) {
                        try (Simulator simulator = Simulator.start(launcher, options.repository, port, data, database,
                                launcher == Simulator.Launcher.SCRIPT ? options.javaOptions : "")) {
                            figures.put(start + "StartSeconds", simulator.startSeconds());
                            Thread.sleep(options.idleSeconds * 1000L);
                            figures.put(start + "IdleRssMiB", simulator.residentMiB());
                        }
                    }
                    say(String.format(Locale.ROOT, "run %d, %s: first start %.1f s, restart %.1f s, idle RSS %.0f MiB",
                            run, name, figures.get("firstStartSeconds"), figures.get("restartStartSeconds"),
                            figures.get("restartIdleRssMiB")));
                    byLauncher.computeIfAbsent(name, k -> new ArrayList<>()).add(figures);
                } finally {
                    if (schema != null) {
                        psql("drop schema " + schema + " cascade");
                    }
                }
            }
        }
        Map<String, Object> medians = new LinkedHashMap<>();
        System.out.printf(Locale.ROOT, "%-24s %14s %12s %18s %18s%n", "median of " + options.runs, "first start s",
                "restart s", "first idle MiB", "restart idle MiB");
        byLauncher.forEach((name, list) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String key : List.of("firstStartSeconds", "restartStartSeconds", "firstIdleRssMiB",
                    "restartIdleRssMiB")) {
                m.put(key, Report.median(list.stream().map(f -> f.get(key)).toList()));
            }
            medians.put(name, m);
            System.out.printf(Locale.ROOT, "%-24s %14.1f %12.1f %18.0f %18.0f%n", name, m.get("firstStartSeconds"),
                    m.get("restartStartSeconds"), m.get("firstIdleRssMiB"), m.get("restartIdleRssMiB"));
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("what", "start-up to /health/ready and idle resident memory: bin/mynasim (its JVM defaults, "
                + "MYNASIM_JAVA_OPTS=" + options.javaOptions + ") vs java -jar mynasim.jar (the JVM's defaults)");
        document.put("date", options.date);
        document.put("commit", git("describe", "--always", "--dirty=-with-uncommitted-changes"));
        document.put("database", options.database);
        document.put("idleSecondsBeforeRss", options.idleSeconds);
        document.put("medians", medians);
        document.put("runs", byLauncher);
        Files.createDirectories(options.out);
        Path file = options.out.resolve("launchers-" + options.stamp() + ".json");
        Files.writeString(file, Json.write(document));
        say("results: " + file);
    }

    /** Waits, bounded, for the machine's 1-minute load to fall under the threshold; returns the load then. */
    private double awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + options.quietWaitSeconds * 1_000_000_000L;
        double load = CpuMeter.load1();
        while (load >= options.quietLoad && System.nanoTime() < deadline) {
            say(String.format(Locale.ROOT, "waiting for a quiet machine: 1-minute load %.2f (>= %.1f)", load,
                    options.quietLoad));
            Thread.sleep(30_000);
            load = CpuMeter.load1();
        }
        if (load >= options.quietLoad) {
            say(String.format(Locale.ROOT, "the machine did not get quiet (load %.2f): measuring anyway", load));
        }
        return load;
    }

    private Map<String, Object> summary() throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("benchmark", "mynasim issue 7");
        summary.put("date", Instant.now().toString());
        summary.put("database", options.database);
        Path snapshot = options.repository.resolve("COMMIT");
        summary.put("commit", Files.exists(snapshot) ? Files.readString(snapshot).trim() + " (a saved build)"
                : git("rev-parse", "--short", "HEAD") + (git("status", "--porcelain", "--untracked-files=no")
                .isBlank() ? "" : " (with uncommitted changes)"));
        summary.put("machine", Report.machine());
        summary.put("settings", options.describe());
        summary.put("medians", Report.medians(runs));
        summary.put("targets", Report.targets((Map<String, Object>) summary.get("medians")));
        summary.put("runs", runs);
        return summary;
    }

    private void writeResults() throws IOException {
        Files.createDirectories(options.out);
        Map<String, Object> document = runs.isEmpty() ? Map.of() : summary();
        Files.writeString(options.out.resolve("results-" + options.stamp() + ".json"), Json.write(document));
    }

    private void psql(String sql) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("psql", "-h", options.postgresHost, "-U", options.postgresUser, "-d",
                options.postgresDb, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql " + sql + ": " + out);
        }
    }

    private String git(String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("git", "-C", options.repository.toString()));
            command.addAll(Arrays.asList(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return out;
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void say(String line) {
        System.out.println(DateTimeFormatter.ISO_LOCAL_TIME.format(java.time.LocalTime.now()).substring(0, 8) + " "
                + line);
        System.out.flush();
    }

    /** Command-line options; every one has a default that runs the whole benchmark against H2. */
    static final class Options {
        Path repository = Path.of(".").toAbsolutePath().normalize();
        Path out;
        Path work;
        String database = "h2";
        int runs = 3;
        List<String> scenarios = SCENARIOS;
        List<Integer> concurrency = List.of(1, 4, 16);
        double scale = 1.0;
        int cards = 32;
        int idleSeconds = 20;
        double quietLoad = 1.0;
        int quietWaitSeconds = 600;
        String javaOptions = Optional.ofNullable(System.getenv("MYNASIM_JAVA_OPTS")).orElse("");
        String postgresHost = "127.0.0.1";
        String postgresDb = "test";
        String postgresUrl = "jdbc:postgresql://127.0.0.1:5432/test";
        String postgresUser = "postgres";
        String postgresPassword = "trust";
        String tag = "";
        boolean skipFirstStart;
        boolean compareLaunchers;
        final String date = LocalDate.now(ZoneOffset.UTC).toString();

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--db" -> o.database = require(value, "h2", "postgres");
                    case "--runs" -> o.runs = Integer.parseInt(value);
                    case "--scenarios" -> o.scenarios = Arrays.stream(value.split(",")).map(String::trim)
                            .peek(s -> require(s, SCENARIOS.toArray(String[]::new))).toList();
                    case "--concurrency" -> o.concurrency = Arrays.stream(value.split(",")).map(String::trim)
                            .map(Integer::valueOf).toList();
                    case "--scale" -> o.scale = Double.parseDouble(value);
                    case "--cards" -> o.cards = Integer.parseInt(value);
                    case "--idle-seconds" -> o.idleSeconds = Integer.parseInt(value);
                    case "--quiet-load" -> o.quietLoad = Double.parseDouble(value);
                    case "--quiet-wait" -> o.quietWaitSeconds = Integer.parseInt(value);
                    case "--java-opts" -> o.javaOptions = value;
                    case "--pg-url" -> o.postgresUrl = value;
                    case "--pg-user" -> o.postgresUser = value;
                    case "--pg-password" -> o.postgresPassword = value;
                    case "--out" -> o.out = Path.of(value).toAbsolutePath();
                    case "--tag" -> o.tag = value;
                    case "--compare-launchers" -> {
                        o.compareLaunchers = true;
                        i--;
                    }
                    case "--skip-first-start" -> {
                        o.skipFirstStart = true;
                        i--;
                    }
                    case "--repository" -> o.repository = Path.of(value).toAbsolutePath().normalize();
                    case "-h", "--help" -> {
                        System.out.println(HELP);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + HELP);
                }
                i++;
            }
            if (o.out == null) {
                o.out = o.repository.resolve("docs/benchmarks");
            }
            o.work = o.repository.resolve("benchmarks/target/work");
            if (o.database.equals("postgres")) {
                String rest = o.postgresUrl.substring("jdbc:postgresql://".length());
                o.postgresHost = rest.substring(0, rest.indexOf(':') > 0 ? rest.indexOf(':') : rest.indexOf('/'));
                o.postgresDb = rest.substring(rest.indexOf('/') + 1);
            }
            return o;
        }

        String stamp() {
            return date + "-" + database + (tag.isBlank() ? "" : "-" + tag);
        }

        String label() {
            return "mynasim " + date + ", " + (database.equals("h2") ? "H2" : "PostgreSQL") + (tag.isBlank() ? ""
                    : " (" + tag + ")");
        }

        /** Iterations of a scenario at one concurrency, and of its warm-up. */
        int count(String scenario) {
            int base = switch (scenario) {
                case "full" -> 600;
                case "group" -> 300;
                case "group-second" -> 1500;
                case "token" -> 3000;
                case "refresh" -> 2000;
                case "data", "ping" -> 15000;
                default -> throw new IllegalArgumentException(scenario);
            };
            return Math.max(16, (int) Math.round(base * scale));
        }

        int warmup(String scenario) {
            return Math.max(16, count(scenario) / 4);
        }

        Map<String, Object> describe() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("runs", runs);
            d.put("scenarios", scenarios);
            d.put("concurrency", concurrency);
            Map<String, Object> counts = new LinkedHashMap<>();
            for (String s : List.of("full", "group", "group-second", "token", "refresh", "data", "ping")) {
                counts.put(s, Map.of("count", count(s), "warmup", warmup(s)));
            }
            d.put("counts", counts);
            d.put("cards", cards);
            d.put("idleSecondsBeforeRss", idleSeconds);
            d.put("quietLoad", quietLoad);
            d.put("quietWaitSeconds", quietWaitSeconds);
            d.put("MYNASIM_JAVA_OPTS", javaOptions);
            if (database.equals("postgres")) {
                d.put("postgres", postgresUrl + " (a fresh schema per run)");
            }
            return d;
        }

        private static String require(String value, String... allowed) {
            if (value == null || !Arrays.asList(allowed).contains(value)) {
                throw new IllegalArgumentException("expected one of " + Arrays.toString(allowed) + ", got " + value);
            }
            return value;
        }

        static final String HELP = """
                benchmarks/run [options]   (from the repository root)
                  --db h2|postgres        database of the simulator (default h2; postgres: a fresh schema per run)
                  --runs N                fresh simulators measured one after another (default 3); medians reported
                  --scenarios a,b         of full, group, group-second, token, refresh, data (default all; data brings ping)
                  --concurrency 1,4,16    virtual users (default 1,4,16)
                  --scale X               multiplies every iteration count (default 1.0)
                  --java-opts "..."       MYNASIM_JAVA_OPTS for the server (default: the environment's)
                  --quiet-load L          wait before each start until the 1-minute load is under L (default 1.0)
                  --quiet-wait S          ... but at most S seconds (default 600), then measure anyway and say so
                  --pg-url URL            jdbc:postgresql://127.0.0.1:5432/test (user postgres, password trust)
                  --tag NAME              added to the output file names
                  --compare-launchers     instead of the load: start-up and idle memory of bin/mynasim against a
                                          plain java -jar mynasim.jar, each on a fresh folder (launchers-*.json)
                  --skip-first-start      only the restart (for profiling: the first start's keys are not timed)
                  --out DIR               where results-*.json and chart-*.png go (default docs/benchmarks)
                """;
    }
}
