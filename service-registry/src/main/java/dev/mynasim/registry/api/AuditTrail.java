package dev.mynasim.registry.api;

/**
 * The append-only, hash-chained audit trail (DESIGN.md 9.10). Entries are opaque to the registry.
 * A call joins the caller's transaction, so the entry commits or rolls back with the change it records.
 */
public interface AuditTrail {

    void record(String actor, String action, String subjectId, String detail);
}
