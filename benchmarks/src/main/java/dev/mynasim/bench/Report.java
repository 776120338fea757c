package dev.mynasim.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Medians over the runs, the targets of issue 7 against them, and the table. A level with errors is not a result:
 * it is shown with its error count and left out of the medians.
 */
final class Report {

    private Report() {
    }

    static void printLevel(int run, Map<String, Object> level, PrintStream out) {
        @SuppressWarnings("unchecked")
        Map<String, Object> cpu = (Map<String, Object>) level.get("cpu");
        out.println(String.format(Locale.ROOT,
                "%s run %d  %-13s c=%-3d %5.1f s  ok %6d  errors %3d  %8.1f/s  p50 %7.2f ms  p99 %7.2f ms  cpu server %.2f driver"
                        + " %.2f other %.2f, server %.2f ms/iteration%s", java.time.LocalTime.now().withNano(0), run, level.get("scenario"),
                (Integer) level.get("concurrency"), (Double) level.get("seconds"),
                (Integer) level.get("successes"), (Integer) level.get("errors"), (Double) level.get("rate"),
                (Double) level.get("p50Ms"), (Double) level.get("p99Ms"), (Double) cpu.get("serverCores"),
                (Double) cpu.get("driverCores"), (Double) cpu.get("otherCores"), (Double) cpu.get("serverCpuMsPerIteration"),
                ((List<?>) level.get("errorSamples")).isEmpty() ? "" : "  e.g. " + level.get("errorSamples")));
        out.flush();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> medians(List<Map<String, Object>> runs) {
        Map<String, Object> medians = new LinkedHashMap<>();
        Map<String, Object> startup = new LinkedHashMap<>();
        for (String key : List.of("firstStartSeconds", "restartSeconds", "firstStartIdleRssMiB", "idleRssMiB",
                "afterLoadRssMiB")) {
            startup.put(key, median(runs.stream().map(r -> (Map<String, Object>) r.get("startup"))
                    .filter(Objects::nonNull).map(s -> (Double) s.get(key)).filter(Objects::nonNull).toList()));
        }
        medians.put("startup", startup);
        Map<String, List<Map<String, Object>>> byLevel = new LinkedHashMap<>();
        for (Map<String, Object> run : runs) {
            for (Map<String, Object> level : (List<Map<String, Object>>) run.getOrDefault("levels", List.of())) {
                byLevel.computeIfAbsent(level.get("scenario") + "@" + level.get("concurrency"), k -> new ArrayList<>())
                        .add(level);
            }
        }
        List<Map<String, Object>> levels = new ArrayList<>();
        byLevel.forEach((key, all) -> {
            List<Map<String, Object>> valid = all.stream().filter(l -> (Integer) l.get("errors") == 0).toList();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", all.get(0).get("scenario"));
            m.put("concurrency", all.get(0).get("concurrency"));
            m.put("runs", all.size());
            m.put("validRuns", valid.size());
            m.put("errors", all.stream().mapToInt(l -> (Integer) l.get("errors")).sum());
            m.put("successesPerRun", valid.isEmpty() ? 0 : valid.get(0).get("successes"));
            for (String metric : List.of("rate", "p50Ms", "p99Ms")) {
                m.put(metric, median(valid.stream().map(l -> (Double) l.get(metric)).toList()));
            }
            Map<String, Object> cpu = new LinkedHashMap<>();
            for (String metric : List.of("serverCores", "driverCores", "otherCores", "serverCpuMsPerIteration")) {
                cpu.put(metric, median(valid.stream().map(l -> (Double) ((Map<String, Object>) l.get("cpu"))
                        .get(metric)).toList()));
            }
            m.put("cpu", cpu);
            Map<String, Object> steps = new LinkedHashMap<>();
            TreeSet<String> names = new TreeSet<>();
            valid.forEach(l -> names.addAll(((Map<String, Object>) l.get("steps")).keySet()));
            for (String name : names) {
                Map<String, Object> step = new LinkedHashMap<>();
                for (String metric : List.of("p50Ms", "p99Ms")) {
                    step.put(metric, median(valid.stream().map(l -> (Map<String, Object>) ((Map<String, Object>)
                            l.get("steps")).get(name)).filter(Objects::nonNull).map(s -> (Double) s.get(metric)).toList()));
                }
                steps.put(name, step);
            }
            m.put("steps", steps);
            levels.add(m);
        });
        medians.put("levels", levels);
        Map<String, Object> ratio = new LinkedHashMap<>();
        TreeSet<Integer> concurrencies = new TreeSet<>();
        levels.forEach(l -> concurrencies.add((Integer) l.get("concurrency")));
        for (int c : concurrencies) {
            List<Double> perRun = new ArrayList<>();
            for (Map<String, Object> run : runs) {
                Map<String, Object> data = find((List<Map<String, Object>>) run.getOrDefault("levels", List.of()), "data", c);
                Map<String, Object> ping = find((List<Map<String, Object>>) run.getOrDefault("levels", List.of()), "ping", c);
                if (data != null && ping != null && (Integer) data.get("errors") == 0 && (Integer) ping.get("errors") == 0) {
                    perRun.add((Double) data.get("rate") / (Double) ping.get("rate"));
                }
            }
            if (!perRun.isEmpty()) {
                ratio.put(Integer.toString(c), median(perRun));
            }
        }
        medians.put("dataToPingRatio", ratio);
        return medians;
    }

    private static Map<String, Object> find(List<Map<String, Object>> levels, String scenario, int concurrency) {
        return levels.stream().filter(l -> scenario.equals(l.get("scenario")) && (Integer) l.get("concurrency") == concurrency)
                .findFirst().orElse(null);
    }

    /** The targets of issue 7 (2 cores, driver on the same machine) against the medians. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> targets(Map<String, Object> medians) {
        List<Map<String, Object>> levels = (List<Map<String, Object>>) medians.get("levels");
        Map<String, Object> startup = (Map<String, Object>) medians.get("startup");
        Map<String, Object> ratio = (Map<String, Object>) medians.get("dataToPingRatio");
        List<Map<String, Object>> targets = new ArrayList<>();
        Map<String, Object> full = find(levels, "full", 16);
        if (full != null) {
            targets.add(target("full at concurrency 16: flows/s", ">= 150", (Double) full.get("rate"), v -> v >= 150));
            targets.add(target("full at concurrency 16: p99 ms", "< 250", (Double) full.get("p99Ms"), v -> v < 250));
        }
        Map<String, Object> second = find(levels, "group-second", 16);
        if (second != null) {
            targets.add(target("group, second service's authorization at concurrency 16: /s", ">= 400",
                    (Double) second.get("rate"), v -> v >= 400));
        }
        Map<String, Object> token = find(levels, "token", 16);
        if (token != null) {
            targets.add(target("token at concurrency 16: exchanges/s", ">= 800", (Double) token.get("rate"), v -> v >= 800));
        }
        Map<String, Object> refresh = find(levels, "refresh", 16);
        if (refresh != null) {
            targets.add(target("refresh at concurrency 16: grants/s", ">= 700", (Double) refresh.get("rate"),
                    v -> v >= 700));
        }
        Map<String, Object> data = find(levels, "data", 16);
        if (data != null) {
            targets.add(target("data at concurrency 16: calls/s", ">= 2500", (Double) data.get("rate"), v -> v >= 2500));
            targets.add(target("data at concurrency 16: share of the trivial endpoint's rate", ">= 0.60",
                    (Double) ratio.get("16"), v -> v >= 0.6));
        }
        if (startup.get("restartSeconds") != null) {
            targets.add(target("start-up (restart) to /health/ready, s", "<= 20", (Double) startup.get("restartSeconds"),
                    v -> v <= 20));
            targets.add(target("resident memory at idle, MiB", "<= 450", (Double) startup.get("idleRssMiB"), v -> v <= 450));
        }
        return targets;
    }

    private static Map<String, Object> target(String name, String wanted, Double value,
                                              java.util.function.DoublePredicate met) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("target", name);
        t.put("wanted", wanted);
        t.put("median", value);
        t.put("met", value != null && !value.isNaN() && met.test(value));
        return t;
    }

    @SuppressWarnings("unchecked")
    static void printTable(Map<String, Object> summary, PrintStream out) {
        Map<String, Object> medians = (Map<String, Object>) summary.get("medians");
        Map<String, Object> settings = (Map<String, Object>) summary.get("settings");
        out.println();
        out.println("Medians of " + settings.get("runs") + " run(s), " + summary.get("database") + ", commit "
                + summary.get("commit"));
        out.println("| scenario | concurrency | ok per run | errors | rate /s | p50 ms | p99 ms | server cores | driver cores | other cores | server CPU ms per iteration |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map<String, Object> l : (List<Map<String, Object>>) medians.get("levels")) {
            Map<String, Object> cpu = (Map<String, Object>) l.get("cpu");
            out.println(String.format(Locale.ROOT, "| %s | %d | %s | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |",
                    l.get("scenario"), (Integer) l.get("concurrency"), l.get("successesPerRun"), (Integer) l.get("errors"),
                    (Double) l.get("rate"), (Double) l.get("p50Ms"), (Double) l.get("p99Ms"),
                    (Double) cpu.get("serverCores"), (Double) cpu.get("driverCores"), (Double) cpu.get("otherCores"),
                    (Double) cpu.get("serverCpuMsPerIteration")));
            Map<String, Object> second = (Map<String, Object>) ((Map<String, Object>) l.get("steps"))
                    .get("second-authorize-to-code");
            if (second != null) {
                out.println(String.format(Locale.ROOT, "| group: second service authorize-to-code | %d | | | | %.2f | %.2f | | | | |",
                        (Integer) l.get("concurrency"), (Double) second.get("p50Ms"), (Double) second.get("p99Ms")));
            }
        }
        Map<String, Object> startup = (Map<String, Object>) medians.get("startup");
        out.println(String.format(Locale.ROOT, "start-up: first %.1f s, restart %.1f s; RSS idle %.0f MiB (after the "
                        + "first start %.0f MiB), after the load %.0f MiB; data/ping %s",
                nz(startup.get("firstStartSeconds")), nz(startup.get("restartSeconds")), nz(startup.get("idleRssMiB")),
                nz(startup.get("firstStartIdleRssMiB")), nz(startup.get("afterLoadRssMiB")),
                medians.get("dataToPingRatio")));
        out.println();
        for (Map<String, Object> t : (List<Map<String, Object>>) summary.get("targets")) {
            out.println(String.format(Locale.ROOT, "%-4s %s %s: %.2f", Boolean.TRUE.equals(t.get("met")) ? "MET" : "MISS",
                    t.get("target"), t.get("wanted"), nz(t.get("median"))));
        }
        out.flush();
    }

    private static double nz(Object value) {
        return value == null ? Double.NaN : (Double) value;
    }

    static Double median(Collection<Double> values) {
        List<Double> sorted = values.stream().filter(v -> v != null && !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        try {
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> m.put("cpu", l.substring(l.indexOf(':') + 1).trim()));
            Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                    .ifPresent(l -> m.put("memoryMiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024));
        } catch (IOException ignored) {
            // not Linux: the cores are enough
        }
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("rs256SignMs", rs256SignMs());
        return m;
    }

    /**
     * Milliseconds per RS256 signature (SHA256withRSA, 2048-bit key, the JDK's provider as the server uses it) on one
     * core, measured after the runs while nothing else runs: a code exchange signs twice (access and ID token).
     */
    static double rs256SignMs() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            java.security.PrivateKey key = generator.generateKeyPair().getPrivate();
            byte[] payload = new byte[600];
            for (int i = 0; i < 300; i++) {
                sign(key, payload);
            }
            int count = 1000;
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                sign(key, payload);
            }
            return Math.round((System.nanoTime() - started) / 1e6 / count * 1000) / 1000.0;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sign(java.security.PrivateKey key, byte[] payload) throws java.security.GeneralSecurityException {
        java.security.Signature signature = java.security.Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(payload);
        signature.sign();
    }
}
