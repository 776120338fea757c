package dev.mynasim.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The scenarios of issue 7, each at every concurrency, a warm-up then a fixed count:
 * <ul>
 * <li>{@code full}: guideline case 1 in a new browser: authorize, the card step page and its POST (card and PIN),
 * the consent page and 連携, the code exchange, one data call;</li>
 * <li>{@code group}: case 2 in a new browser: the first service as in {@code full}, then the second service of the
 * group, whose authorization skips the card step (its authorize-to-code, consent included, is reported as the step
 * {@code second-authorize-to-code}), its token and a data call;</li>
 * <li>{@code group-second}: the second service's authorize-to-code alone, repeated in a browser that read its card
 * once for the first service (within the skip window): the rate of the skip with consent;</li>
 * <li>{@code token}: the code exchange alone, with codes made ahead (headless mode, TEST, which the issue allows
 * since only the exchange is measured) in rounds short enough for the codes' 60 s lifetime;</li>
 * <li>{@code data}: the synchronous data call with a bearer token, and {@code ping}, the trivial JAX-RS endpoint of
 * the same server at the same concurrency just before it, as its ceiling.</li>
 * </ul>
 * Every browser step goes through the real Faces pages; headless mode only makes inputs for {@code token} and
 * {@code data}.
 */
final class Scenarios {

    private static final String MEDICATIONS = "medical-insurance/medications";
    private static final String VACCINATIONS = "self-info/vaccinations";
    /** Codes live 60 s: make and spend at most this many per round. */
    private static final int TOKEN_ROUND = 1200;

    private final Benchmark.Options options;
    private final Simulator simulator;
    private final Fixture fixture;
    private final Consumer<Map<String, Object>> sink;
    private boolean warming;

    Scenarios(Benchmark.Options options, Simulator simulator, Fixture fixture, Consumer<Map<String, Object>> sink) {
        this.options = options;
        this.simulator = simulator;
        this.fixture = fixture;
        this.sink = sink;
    }

    void runAll() throws Exception {
        // the JIT compiles for minutes on 2 cores: every scenario once, unreported, before any is measured
        Benchmark.say("warming up the server: every scenario at concurrency 4 (not reported)");
        warming = true;
        for (String scenario : options.scenarios) {
            run(scenario, 4);
        }
        warming = false;
        for (String scenario : options.scenarios) {
            for (int concurrency : options.concurrency) {
                run(scenario, concurrency);
            }
        }
    }

    private void run(String scenario, int concurrency) throws Exception {
        switch (scenario) {
            case "full" -> pages(scenario, concurrency, Scenarios::full, null);
            case "group" -> pages(scenario, concurrency, Scenarios::group, null);
            case "group-second" -> pages(scenario, concurrency, Scenarios::secondService,
                    Scenarios::readCardForTheGroup);
            case "token" -> token(concurrency);
            case "refresh" -> refresh(concurrency);
            case "data" -> data(concurrency);
            default -> throw new IllegalArgumentException(scenario);
        }
    }

    private static void check(String what, Load.Outcome outcome) {
        if (outcome.errors() > 0) {
            Benchmark.say(what + ": " + outcome.errors() + " error(s), e.g. " + outcome.errorSamples());
        }
    }

    private static void full(VirtualUser user, Recorder recorder) throws Exception {
        user.browser.forget();
        VirtualUser.Grant grant = user.authorizeWithPages(Fixture.FIRST, Fixture.FIRST_SCOPE, true, recorder, "");
        long t0 = System.nanoTime();
        String token = user.token(grant);
        long t1 = System.nanoTime();
        recorder.add("token", t1 - t0);
        user.data(token, MEDICATIONS);
        recorder.add("data", System.nanoTime() - t1);
    }

    private static void group(VirtualUser user, Recorder recorder) throws Exception {
        full(user, recorder);
        long t0 = System.nanoTime();
        VirtualUser.Grant grant = user.authorizeWithPages(Fixture.SECOND, Fixture.SECOND_SCOPE, false, recorder,
                "second-");
        long t1 = System.nanoTime();
        recorder.add("second-authorize-to-code", t1 - t0);
        String token = user.token(grant);
        long t2 = System.nanoTime();
        recorder.add("second-token", t2 - t1);
        user.data(token, VACCINATIONS);
        recorder.add("second-data", System.nanoTime() - t2);
    }

    private static void readCardForTheGroup(VirtualUser user) throws Exception {
        user.browser.forget();
        user.authorizeWithPages(Fixture.FIRST, Fixture.FIRST_SCOPE, true, new Recorder(), "");
    }

    private static void secondService(VirtualUser user, Recorder recorder) throws Exception {
        user.authorizeWithPages(Fixture.SECOND, Fixture.SECOND_SCOPE, false, recorder, "");
    }

    /** A page scenario: new users, an optional preparation each, a warm-up, the measured count. */
    private void pages(String scenario, int concurrency, Load.Iteration iteration, Preparation preparation)
            throws Exception {
        List<VirtualUser> users = users(concurrency);
        try {
            if (preparation != null) {
                for (VirtualUser user : users) {
                    preparation.prepare(user);
                }
            }
            check(scenario + " warm-up", Load.run(users, options.warmup(scenario), true, simulator.pid(), iteration));
            report(scenario, concurrency, options.count(scenario),
                    Load.run(users, options.count(scenario), true, simulator.pid(), iteration));
        } finally {
            users.forEach(VirtualUser::close);
        }
    }

    private void token(int concurrency) throws Exception {
        List<VirtualUser> users = users(concurrency);
        try {
            tokenRounds(users, options.warmup("token"));
            report("token", concurrency, options.count("token"), tokenRounds(users, options.count("token")));
        } finally {
            users.forEach(VirtualUser::close);
        }
    }

    /** Codes made ahead, untimed, then exchanged, timed; in rounds, so no code outlives its 60 s. */
    private Load.Outcome tokenRounds(List<VirtualUser> users, int count) throws Exception {
        List<Load.Outcome> rounds = new ArrayList<>();
        for (int left = count; left > 0; ) {
            int round = Math.min(left, TOKEN_ROUND);
            Load.Outcome made = Load.run(users, round, false, simulator.pid(),
                    (u, r) -> u.codes.add(grantArray(u.authorizeHeadless(Fixture.FIRST, Fixture.FIRST_SCOPE))));
            check("token codes", made);
            rounds.add(Load.run(users, round, false, simulator.pid(), (u, r) -> {
                String[] code = u.codes.poll();
                if (code == null) {
                    throw new IllegalStateException("no code made ahead for this user");
                }
                u.token(new VirtualUser.Grant(code[0], code[1], code[2]));
            }));
            left -= round;
        }
        return Load.combine(rounds);
    }

    private static String[] grantArray(VirtualUser.Grant grant) {
        return new String[]{grant.clientId(), grant.code(), grant.verifier()};
    }

    /** Each user's own grant, refreshed over and over (rotation: each refresh uses the token the last one gave). */
    private void refresh(int concurrency) throws Exception {
        List<VirtualUser> users = users(concurrency);
        try {
            for (VirtualUser user : users) {
                user.token(user.authorizeHeadless(Fixture.FIRST, Fixture.FIRST_SCOPE));
                if (user.refreshToken == null) {
                    throw new IllegalStateException("the token answer of " + Fixture.FIRST + " has no refresh_token");
                }
            }
            check("refresh warm-up", Load.run(users, options.warmup("refresh"), false, simulator.pid(),
                    (u, r) -> u.refresh()));
            report("refresh", concurrency, options.count("refresh"), Load.run(users, options.count("refresh"), false,
                    simulator.pid(), (u, r) -> u.refresh()));
        } finally {
            users.forEach(VirtualUser::close);
        }
    }

    private void data(int concurrency) throws Exception {
        List<VirtualUser> users = users(concurrency);
        try {
            for (VirtualUser user : users) {
                user.token = user.token(user.authorizeHeadless(Fixture.FIRST, Fixture.FIRST_SCOPE));
            }
            Load.run(users, options.warmup("ping"), true, simulator.pid(), (u, r) -> u.ping());
            report("ping", concurrency, options.count("ping"),
                    Load.run(users, options.count("ping"), true, simulator.pid(), (u, r) -> u.ping()));
            check("data warm-up", Load.run(users, options.warmup("data"), true, simulator.pid(),
                    (u, r) -> u.data(u.token, MEDICATIONS)));
            report("data", concurrency, options.count("data"), Load.run(users, options.count("data"), true,
                    simulator.pid(), (u, r) -> u.data(u.token, MEDICATIONS)));
        } finally {
            users.forEach(VirtualUser::close);
        }
    }

    private List<VirtualUser> users(int count) {
        List<VirtualUser> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(new VirtualUser("127.0.0.1", simulator.port(), fixture.card(i)));
        }
        return users;
    }

    private void report(String scenario, int concurrency, int count, Load.Outcome outcome) {
        if (warming) {
            check(scenario + " (warm-up)", outcome);
            return;
        }
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("scenario", scenario);
        level.put("concurrency", concurrency);
        level.put("count", count);
        level.put("successes", outcome.successes());
        level.put("errors", outcome.errors());
        level.put("errorSamples", outcome.errorSamples());
        level.put("seconds", outcome.seconds());
        level.put("rate", outcome.rate());
        long[] it = outcome.iterations();
        level.put("p50Ms", Recorder.percentileMillis(it, 50));
        level.put("p90Ms", Recorder.percentileMillis(it, 90));
        level.put("p99Ms", Recorder.percentileMillis(it, 99));
        level.put("maxMs", it.length == 0 ? Double.NaN : it[it.length - 1] / 1e6);
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("serverCores", outcome.cpu().server());
        cpu.put("driverCores", outcome.cpu().driver());
        cpu.put("otherCores", outcome.cpu().other());
        // CPU time per iteration is steadier than the rate on a shared machine: waiting for a core costs no CPU
        cpu.put("serverCpuMsPerIteration", outcome.successes() == 0 ? Double.NaN
                : outcome.cpu().server() * outcome.seconds() * 1000 / outcome.successes());
        level.put("cpu", cpu);
        level.put("load1AtEnd", CpuMeter.load1());
        Map<String, Object> steps = new LinkedHashMap<>();
        outcome.series().forEach((name, values) -> {
            if (!name.equals("iteration")) {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("p50Ms", Recorder.percentileMillis(values, 50));
                step.put("p99Ms", Recorder.percentileMillis(values, 99));
                steps.put(name, step);
            }
        });
        level.put("steps", steps);
        sink.accept(level);
    }

    /** What a user does once before a scenario's loop. */
    interface Preparation {
        void prepare(VirtualUser user) throws Exception;
    }
}
