package dev.mynasim.registry.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** One audit entry. Its hash covers its content and the previous entry's hash, so any change breaks the chain. */
@Entity
@Table(name = "audit_record")
public class AuditRecord {

    /** The hash before the first record. */
    static final String GENESIS = "0".repeat(64);

    @Id
    private long seq;
    @Column(name = "recorded_at")
    private Instant at;
    private String actor;
    private String action;
    @Column(name = "subject_id")
    private String subjectId;
    private String detail;
    @Column(name = "prev_hash")
    private String prevHash;
    private String hash;

    protected AuditRecord() {
    }

    AuditRecord(long seq, Instant at, String actor, String action, String subjectId, String detail, String prevHash) {
        this.seq = seq;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.subjectId = subjectId;
        this.detail = detail;
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /**
     * SHA-256 over the previous hash and every field, each written as its length, a colon and itself (a missing
     * detail as {@code -1:}), so no text can move from one field into another without changing the hash.
     */
    String computeHash() {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {prevHash, Long.toString(seq), Long.toString(at.toEpochMilli()), actor,
                action, subjectId, detail}) {
            canonical.append(field == null ? -1 : field.length()).append(':').append(field == null ? "" : field);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    public long seq() {
        return seq;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subjectId() {
        return subjectId;
    }

    public String detail() {
        return detail;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
