package dev.mynasim.registry.api;

/**
 * The operations counters served on {@code /metrics} (Prometheus text): a counter named {@code name} with one tag.
 * Inside a transaction the count is taken when it commits, so a rolled-back change is never counted; outside one it
 * is taken at once.
 */
public interface OperationsCounters {

    void count(String name, String tag, String value);
}
