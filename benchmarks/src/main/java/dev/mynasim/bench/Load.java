package dev.mynasim.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed loop: each virtual user on a thread of its own repeats an iteration without think time until a fixed
 * count is done. The rate is successes over the wall time from the common start to the last iteration's end; an
 * iteration's latency counts only when it succeeded; errors are counted, and the first few kept, so a run with
 * errors shows them.
 */
final class Load {

    private static final int ERROR_SAMPLES = 5;

    private Load() {
    }

    /** What a virtual user repeats; it may record step latencies beside the iteration's own. */
    interface Iteration {
        void run(VirtualUser user, Recorder recorder) throws Exception;
    }

    /** Outcome of a fixed count: the iteration's latencies under {@code "iteration"}, steps under their names. */
    record Outcome(int successes, int errors, List<String> errorSamples, double seconds, Map<String, long[]> series,
                   CpuMeter.Usage cpu) {

        double rate() {
            return successes / seconds;
        }

        long[] iterations() {
            return series.getOrDefault("iteration", new long[0]);
        }
    }

    /**
     * Runs {@code count} iterations over the users. {@code shared}: the users take iterations from one counter
     * (the fastest do more); otherwise each does its equal share (when each has made its own inputs ahead).
     */
    static Outcome run(List<VirtualUser> users, int count, boolean shared, long serverPid, Iteration iteration)
            throws InterruptedException {
        AtomicInteger remaining = new AtomicInteger(count);
        AtomicInteger errors = new AtomicInteger();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        List<Recorder> recorders = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] end = new long[users.size()];
        for (int i = 0; i < users.size(); i++) {
            VirtualUser user = users.get(i);
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            int share = count / users.size() + (i < count % users.size() ? 1 : 0);
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                int done = 0;
                while (shared ? remaining.getAndDecrement() > 0 : done++ < share) {
                    long t0 = System.nanoTime();
                    try {
                        iteration.run(user, recorder);
                        recorder.add("iteration", System.nanoTime() - t0);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (samples.size() < ERROR_SAMPLES) {
                            samples.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                        // a failed exchange may leave the connection mid-response: start the next one clean
                        user.browser.close();
                    }
                }
                end[index] = System.nanoTime();
            }, "vu-" + i);
            threads.add(thread);
            thread.start();
        }
        CpuMeter meter = CpuMeter.start(serverPid);
        long start = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long last = start;
        for (long e : end) {
            last = Math.max(last, e);
        }
        CpuMeter.Usage cpu = meter.stop();
        Map<String, long[]> series = Recorder.merge(recorders);
        int successes = series.getOrDefault("iteration", new long[0]).length;
        return new Outcome(successes, errors.get(), List.copyOf(samples), (last - start) / 1e9, series, cpu);
    }

    /** Outcomes of several rounds as one: counts and times add up, latencies are pooled. */
    static Outcome combine(List<Outcome> rounds) {
        int successes = 0;
        int errors = 0;
        double seconds = 0;
        double server = 0;
        double driver = 0;
        double other = 0;
        List<String> samples = new ArrayList<>();
        java.util.Map<String, Recorder.Series> pooled = new java.util.LinkedHashMap<>();
        for (Outcome o : rounds) {
            successes += o.successes;
            errors += o.errors;
            seconds += o.seconds;
            server += o.cpu.server() * o.seconds;
            driver += o.cpu.driver() * o.seconds;
            other += o.cpu.other() * o.seconds;
            o.errorSamples.stream().limit(ERROR_SAMPLES - samples.size()).forEach(samples::add);
            o.series.forEach((name, values) -> {
                Recorder.Series s = pooled.computeIfAbsent(name, n -> new Recorder.Series());
                for (long v : values) {
                    s.add(v);
                }
            });
        }
        java.util.Map<String, long[]> series = new java.util.LinkedHashMap<>();
        pooled.forEach((name, s) -> series.put(name, s.sorted()));
        return new Outcome(successes, errors, samples, seconds, series,
                new CpuMeter.Usage(server / seconds, driver / seconds, other / seconds));
    }
}
