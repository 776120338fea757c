package dev.mynasim.registry.api;

import java.time.Instant;
import java.util.List;

/** The audit trail as the operator console reads it, filters it and checks its hash chain (DESIGN.md 9.10). */
public interface AuditAdmin {

    /** One audit record. */
    record AuditEntry(long seq, Instant at, String actor, String action, String subjectId, String detail,
                      String hash) {
    }

    /** One page of records and how many match the filters in all. */
    record AuditPage(List<AuditEntry> entries, long total) {
    }

    /** What the walk over the chain found. */
    record ChainStatus(boolean intact, long checked, Long firstBrokenSeq, String reason) {
    }

    /**
     * Records matching every filter given (blank means any), oldest first from {@code offset}, with the number of all
     * that match; {@code from} and {@code to} are ISO-8601 instants as typed (from inclusive, to exclusive). Operator
     * only.
     */
    AuditPage entries(Caller caller, String from, String to, String actor, String subject, String action, int offset,
                      int limit);

    /** Walks the chain (operator only). */
    ChainStatus checkChain(Caller caller);

    /**
     * How many records of this action fall in {@code [from, to)}: all of them for the operator; for an API user's
     * account those whose subject names one of its services ({@code test/SP00000001_AA0001}).
     */
    long count(Caller caller, String action, Instant from, Instant to);
}
