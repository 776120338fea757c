package dev.mynasim.auth.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A refresh token, known by its SHA-256 only; used once, then dead (rotation). */
@Entity
@Table(name = "refresh_token")
@NamedQuery(name = RefreshToken.LOCK, query = "select t from RefreshToken t where t.tokenHash = :hash",
        lockMode = LockModeType.PESSIMISTIC_WRITE)
public class RefreshToken {

    /** Reads a token and locks its row; prepared once, where EclipseLink builds a locking find's SQL on every call. */
    static final String LOCK = "RefreshToken.lock";

    @Id
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "grant_id")
    private String grantId;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected RefreshToken() {
    }

    RefreshToken(String tokenHash, String grantId, Instant expiresAt, Instant now) {
        this.tokenHash = tokenHash;
        this.grantId = grantId;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    String grantId() {
        return grantId;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean used() {
        return usedAt != null;
    }

    void use(Instant now) {
        usedAt = now;
    }
}
