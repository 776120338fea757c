package dev.mynasim.auth.token;

import dev.mynasim.registry.api.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A token signing key of one environment: the public JWK as published, the private JWK sealed. Its kind and
 * generation are unique per environment (auth V5), so two nodes starting at once cannot both create a first key.
 */
@Entity
@Table(name = "signing_key")
public class SigningKeyRow {

    @Id
    private String kid;
    @Enumerated(EnumType.STRING)
    private Environment environment;
    @Column(name = "public_jwk")
    private String publicJwk;
    @Column(name = "sealed_key")
    private String sealedKey;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "retired_at")
    private Instant retiredAt;
    private String kind;
    private int generation;

    protected SigningKeyRow() {
    }

    SigningKeyRow(String kid, Environment environment, String kind, int generation, String publicJwk, String sealedKey,
            Instant createdAt) {
        this.kid = kid;
        this.kind = kind;
        this.generation = generation;
        this.environment = environment;
        this.publicJwk = publicJwk;
        this.sealedKey = sealedKey;
        this.createdAt = createdAt;
    }

    String kid() {
        return kid;
    }

    Environment environment() {
        return environment;
    }

    String publicJwk() {
        return publicJwk;
    }

    String sealedKey() {
        return sealedKey;
    }

    Instant createdAt() {
        return createdAt;
    }

    String kind() {
        return kind;
    }

    int generation() {
        return generation;
    }

    boolean retired() {
        return retiredAt != null;
    }

    void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }
}
