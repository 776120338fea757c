package dev.mynasim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the machine's CPU went during a measurement, from {@code /proc}: the server, this driver, and everything
 * else (other people's builds and servers). "Other" is the noise figure each result carries: on a quiet machine it
 * stays near zero.
 */
final class CpuMeter {

    /** USER_HZ: the unit of /proc's CPU times on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long serverPid;
    private final long startNanos;
    private final long[] start;

    private CpuMeter(long serverPid) {
        this.serverPid = serverPid;
        this.start = sample(serverPid);
        this.startNanos = System.nanoTime();
    }

    static CpuMeter start(long serverPid) {
        return new CpuMeter(serverPid);
    }

    /** Cores busy on average since the start: server, driver, others. */
    Usage stop() {
        long[] end = sample(serverPid);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double server = (end[0] - start[0]) / TICKS_PER_SECOND / seconds;
        double driver = (end[1] - start[1]) / TICKS_PER_SECOND / seconds;
        double all = (end[2] - start[2]) / TICKS_PER_SECOND / seconds;
        return new Usage(server, driver, Math.max(0, all - server - driver));
    }

    private static long[] sample(long serverPid) {
        try {
            return new long[]{processTicks("/proc/" + serverPid + "/stat"), processTicks("/proc/self/stat"), busyTicks()};
        } catch (IOException e) {
            return new long[]{0, 0, 0};
        }
    }

    private static long processTicks(String file) throws IOException {
        String stat = Files.readString(Path.of(file));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state(0) ... utime(11) stime(12)
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long busyTicks() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal
        return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
    }

    /** The 1-minute load average. */
    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Average cores busy. */
    record Usage(double server, double driver, double other) {
    }
}
