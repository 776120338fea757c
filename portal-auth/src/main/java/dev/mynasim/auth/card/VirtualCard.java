package dev.mynasim.auth.card;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.skip.CardState;
import dev.mynasim.registry.api.ApiUserId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * マイナンバーカード: its 利用者証明用電子証明書 (from the test CA), the private key sealed with the server key, the PIN as
 * a keyed hash, and the count of wrong PINs in a row: the third locks the card for every service (DESIGN.md 9.6).
 */
@Entity
@Table(name = "virtual_card")
public class VirtualCard {

    public static final int MAX_FAILURES = 3;

    @Id
    private String serial;
    @Column(name = "person_id")
    private String personId;
    @Column(name = "owner_api_user")
    private String ownerApiUser;
    private String certificate;
    @Column(name = "sealed_key")
    private String sealedKey;
    @Column(name = "pin_hash")
    private String pinHash;
    private int failures;
    private boolean locked;
    @Column(name = "not_before")
    private Instant notBefore;
    @Column(name = "not_after")
    private Instant notAfter;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "exported_at")
    private Instant exportedAt;
    @Version
    private int version;

    protected VirtualCard() {
    }

    VirtualCard(String serial, PersonId person, ApiUserId owner, X509Certificate certificate, byte[] sealedKey,
                String pinHash, Instant now) {
        this.serial = serial;
        this.personId = person.value();
        this.ownerApiUser = owner == null ? null : owner.value();
        this.certificate = Base64.getEncoder().encodeToString(CertificateAuthority.der(certificate));
        this.sealedKey = Base64.getEncoder().encodeToString(sealedKey);
        this.pinHash = pinHash;
        this.notBefore = certificate.getNotBefore().toInstant();
        this.notAfter = certificate.getNotAfter().toInstant();
        this.createdAt = now;
    }

    /** Counts a wrong PIN; returns how many tries remain before the lock (0: now locked). */
    int wrongPin() {
        failures++;
        if (failures >= MAX_FAILURES) {
            locked = true;
        }
        return Math.max(0, MAX_FAILURES - failures);
    }

    /** A right PIN resets the count. */
    void rightPin() {
        failures = 0;
    }

    public void unlock() {
        locked = false;
        failures = 0;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    /** Whether the card can still be used at {@code now}, as the skip rule needs it (DESIGN.md 4, condition 5). */
    public CardState state(Instant now) {
        if (locked) {
            return CardState.LOCKED;
        }
        if (revokedAt != null) {
            return CardState.REVOKED;
        }
        // like X509Certificate.checkValidity: valid through the last instant of notAfter
        if (now.isAfter(notAfter) || now.isBefore(notBefore)) {
            return CardState.EXPIRED;
        }
        return CardState.USABLE;
    }

    public String serial() {
        return serial;
    }

    public PersonId person() {
        return new PersonId(personId);
    }

    public Optional<ApiUserId> owner() {
        return Optional.ofNullable(ownerApiUser).map(ApiUserId::new);
    }

    public X509Certificate certificate() {
        return CertificateAuthority.certificate(Base64.getDecoder().decode(certificate));
    }

    byte[] sealedKey() {
        return Base64.getDecoder().decode(sealedKey);
    }

    String pinHash() {
        return pinHash;
    }

    public int failures() {
        return failures;
    }

    public boolean locked() {
        return locked;
    }

    /** Records that the private key left the simulator (PKCS#12 export); the first export's time stays. */
    void exported(Instant now) {
        if (exportedAt == null) {
            exportedAt = now;
        }
    }

    /** When the private key was first exported, if ever: such a card serves TEST flows only. */
    public Optional<Instant> exportedAt() {
        return Optional.ofNullable(exportedAt);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public Instant notAfter() {
        return notAfter;
    }

    /** A new PIN (初期化 at the municipal office): the lock and the count of wrong PINs go with the old one. */
    void resetPin(String newPinHash) {
        pinHash = newPinHash;
        unlock();
    }

    /** The certificate issued again for the same key (an earlier expiry); its validity dates follow it. */
    void replaceCertificate(X509Certificate reissued) {
        certificate = Base64.getEncoder().encodeToString(CertificateAuthority.der(reissued));
        notBefore = reissued.getNotBefore().toInstant();
        notAfter = reissued.getNotAfter().toInstant();
    }

    public Instant notBefore() {
        return notBefore;
    }
}
