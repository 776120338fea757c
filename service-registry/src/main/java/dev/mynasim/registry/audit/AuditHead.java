package dev.mynasim.registry.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that points at the newest record. Writers lock it, so records get gap-free sequence numbers and
 * each links to its predecessor even with concurrent transactions on several nodes; the check compares it with
 * the last record, so a deleted tail is found too.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {

    static final int ID = 1;

    @Id
    private int id;
    @Column(name = "last_seq")
    private long lastSeq;
    @Column(name = "last_hash")
    private String lastHash;

    protected AuditHead() {
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(AuditRecord record) {
        lastSeq = record.seq();
        lastHash = record.hash();
    }
}
