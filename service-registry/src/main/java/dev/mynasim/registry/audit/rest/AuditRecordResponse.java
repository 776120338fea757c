package dev.mynasim.registry.audit.rest;

import dev.mynasim.registry.audit.AuditRecord;
import java.time.Instant;

/** One audit record on the wire. */
public record AuditRecordResponse(long seq, Instant at, String actor, String action, String subjectId,
                                  String detail, String prevHash, String hash) {

    static AuditRecordResponse of(AuditRecord r) {
        return new AuditRecordResponse(r.seq(), r.at(), r.actor(), r.action(), r.subjectId(), r.detail(),
                r.prevHash(), r.hash());
    }
}
