package dev.mynasim.auth.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The one row of {@code test_ca}: the CA certificate and its sealed key, base64. */
@Entity
@Table(name = "test_ca")
public class TestCaRow {

    static final int ID = 1;

    @Id
    private int id;
    private String certificate;
    @Column(name = "sealed_key")
    private String sealedKey;
    @Column(name = "created_at")
    private Instant createdAt;

    protected TestCaRow() {
    }

    TestCaRow(String certificate, String sealedKey, Instant createdAt) {
        this.id = ID;
        this.certificate = certificate;
        this.sealedKey = sealedKey;
        this.createdAt = createdAt;
    }

    String certificate() {
        return certificate;
    }

    String sealedKey() {
        return sealedKey;
    }
}
