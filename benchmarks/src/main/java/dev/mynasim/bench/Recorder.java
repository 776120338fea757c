package dev.mynasim.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latencies of one virtual user by series (a scenario's whole iteration, or one of its steps), in nanoseconds. */
final class Recorder {

    private final Map<String, Series> series = new LinkedHashMap<>();

    void add(String name, long nanos) {
        series.computeIfAbsent(name, n -> new Series()).add(nanos);
    }

    Map<String, Series> series() {
        return series;
    }

    /** The series of several virtual users together. */
    static Map<String, long[]> merge(Iterable<Recorder> recorders) {
        Map<String, Series> all = new LinkedHashMap<>();
        for (Recorder recorder : recorders) {
            recorder.series.forEach((name, s) -> all.computeIfAbsent(name, n -> new Series()).addAll(s));
        }
        Map<String, long[]> merged = new LinkedHashMap<>();
        all.forEach((name, s) -> merged.put(name, s.sorted()));
        return merged;
    }

    /** A growable array of longs. */
    static final class Series {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(Series other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int size() {
            return size;
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    /** Nearest-rank percentile of sorted values, in milliseconds. */
    static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
