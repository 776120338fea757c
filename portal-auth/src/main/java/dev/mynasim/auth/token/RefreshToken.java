package dev.mynasim.auth.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A refresh token, known by its SHA-256 only; used once, then dead (rotation). */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

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
