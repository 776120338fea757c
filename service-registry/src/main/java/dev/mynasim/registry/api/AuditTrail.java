package dev.mynasim.registry.api;

/**
 * The append-only, hash-chained audit trail (DESIGN.md 9.10). Entries are opaque to the registry.
 * A call joins the caller's transaction, so the entry commits or rolls back with the change it records.
 */
public interface AuditTrail {

    void record(String actor, String action, String subjectId, String detail);

    /**
     * A high-volume read event (a data call): queued and appended in batches by one writer, outside the caller's
     * transaction, within about a second (DESIGN.md 7). A crash may lose the events of that last second; the chain
     * stays intact. The entry's time is the call's.
     */
    void append(String actor, String action, String subjectId, String detail);
}
