package dev.mynasim.auth.card;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.secret.ServerSecret;
import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Issues virtual cards and keeps their state: PIN failures, lock, revocation. */
@ApplicationScoped
public class VirtualCards {

    static final String SEAL_PURPOSE = "card-key";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private TestCa ca;

    @Inject
    private ServerSecret secret;

    @Inject
    private AuditTrail audit;

    /** A new card for a person: a fresh RSA 2048 key pair, a certificate from the test CA valid in the given period. */
    @Transactional
    public VirtualCard issue(String serial, PersonId person, ApiUserId owner, Pin pin, Instant notBefore,
                             Instant notAfter, String actor) {
        if (!serial.matches("\\d{12}")) {
            throw RuleViolation.invalid("serial", "card-serial-format", "A card serial is 12 digits, got: " + serial,
                    "カードのシリアル番号は数字 12 桁です。入力値: " + serial);
        }
        if (em.find(VirtualCard.class, serial) != null) {
            throw RuleViolation.conflict("serial", "card-exists", "Card " + serial + " already exists",
                    "カード " + serial + " は既にあります");
        }
        KeyPair keys = CardKeys.generate();
        X509Certificate certificate = ca.authority().issueCardCertificate(keys.getPublic(), serial, notBefore, notAfter);
        byte[] sealed = new SealedBox(secret.bytes(), SEAL_PURPOSE)
                .seal(CertificateAuthority.encodePrivateKey(keys.getPrivate()), serial);
        var card = new VirtualCard(serial, person, owner, certificate, sealed,
                new PinHash(secret.bytes()).hash(serial, pin), clock.instant());
        em.persist(card);
        audit.record(actor, "card.issue", "card/" + serial, "person=" + person + (owner == null ? "" : " owner=" + owner));
        return card;
    }

    @Transactional
    public Optional<VirtualCard> find(String serial) {
        return serial == null ? Optional.empty() : Optional.ofNullable(em.find(VirtualCard.class, serial));
    }

    /**
     * The card, its row locked until the caller's transaction ends (SELECT … FOR UPDATE): reads of one card on any
     * node, at the same moment, count their wrong PINs one after the other, so none is lost and the card locks once.
     */
    public Optional<VirtualCard> findForUpdate(String serial) {
        return serial == null ? Optional.empty()
                : Optional.ofNullable(em.find(VirtualCard.class, serial, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The cards a tester may pick in a flow of this API user: the global ones and its own. */
    @Transactional
    public List<VirtualCard> visibleTo(ApiUserId apiUser) {
        return em.createQuery("select c from VirtualCard c where c.ownerApiUser is null or c.ownerApiUser = :owner "
                        + "order by c.serial", VirtualCard.class)
                .setParameter("owner", apiUser.value()).getResultList();
    }

    @Transactional
    public void revoke(String serial, String actor) {
        VirtualCard card = find(serial).orElseThrow(() -> RuleViolation.notFound("Card", serial));
        card.revoke(clock.instant());
        audit.record(actor, "card.revoke", "card/" + serial, null);
    }

    /** Locks a card as three wrong PINs would (demo data, operator tools). */
    @Transactional
    public void lock(String serial, String actor) {
        VirtualCard card = find(serial).orElseThrow(() -> RuleViolation.notFound("Card", serial));
        while (!card.locked()) {
            card.wrongPin();
        }
        audit.record(actor, "card.lock", "card/" + serial, null);
    }

    @Transactional
    public void unlock(String serial, String actor) {
        VirtualCard card = find(serial).orElseThrow(() -> RuleViolation.notFound("Card", serial));
        card.unlock();
        audit.record(actor, "card.unlock", "card/" + serial, null);
    }

    /**
     * The card's key and certificate (with the test CA's) as PKCS#12, protected by the caller's password, for
     * integrators who sign challenges with their own code. The card is marked exported: its key is no longer the
     * simulator's alone, so PRODUCTION flows refuse it from now on.
     */
    @Transactional
    public byte[] exportPkcs12(String serial, char[] password, String actor) {
        VirtualCard card = find(serial).orElseThrow(() -> RuleViolation.notFound("Card", serial));
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(serial, privateKey(card), password,
                    new Certificate[] {card.certificate(), ca.authority().certificate()});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            card.exported(clock.instant());
            audit.record(actor, "card.export", "card/" + serial, "pkcs12; the card is refused in production flows from now on");
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the PKCS#12 file of card " + serial, e);
        }
    }

    /**
     * The card a certificate belongs to: the serial from its subject (CN), and exactly that certificate stored on
     * the card, so a certificate with the same serial from elsewhere finds nothing.
     */
    @Transactional
    public Optional<VirtualCard> byCertificate(X509Certificate certificate) {
        String serial;
        try {
            serial = new javax.naming.ldap.LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN")).map(rdn -> String.valueOf(rdn.getValue()))
                    .findFirst().orElse(null);
        } catch (javax.naming.InvalidNameException e) {
            return Optional.empty();
        }
        return find(serial).filter(card -> Arrays.equals(CertificateAuthority.der(card.certificate()),
                CertificateAuthority.der(certificate)));
    }

    PrivateKey privateKey(VirtualCard card) {
        return CertificateAuthority.decodeRsaPrivateKey(
                new SealedBox(secret.bytes(), SEAL_PURPOSE).open(card.sealedKey(), card.serial()));
    }

    boolean pinMatches(VirtualCard card, Pin pin) {
        return new PinHash(secret.bytes()).matches(card.serial(), pin, card.pinHash());
    }

    /**
     * Lets the certificate expire now, by the simulator clock: the test CA issues it again for the same key with
     * notAfter a second ago (X.509 times have whole seconds), so the card check fails as for a real expired card.
     */
    @Transactional
    public void expire(String serial, String actor) {
        VirtualCard card = find(serial).orElseThrow(() -> RuleViolation.notFound("Card", serial));
        Instant notAfter = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(1);
        Instant notBefore = card.notBefore().isBefore(notAfter) ? card.notBefore() : notAfter.minus(java.time.Duration.ofDays(1));
        card.replaceCertificate(ca.authority().issueCardCertificate(card.certificate().getPublicKey(), serial,
                notBefore, notAfter));
        audit.record(actor, "card.expire", "card/" + serial, "notAfter=" + notAfter);
    }

    /** Sets a new PIN; the card is unlocked and its count of wrong PINs starts over. */
    @Transactional
    public void resetPin(String serial, Pin pin, String actor) {
        VirtualCard card = find(serial).orElseThrow(() -> RuleViolation.notFound("Card", serial));
        card.resetPin(new PinHash(secret.bytes()).hash(serial, pin));
        audit.record(actor, "card.pin-reset", "card/" + serial, null);
    }

    /** Every card, by serial. */
    @Transactional
    public List<VirtualCard> all() {
        return em.createQuery("select c from VirtualCard c order by c.serial", VirtualCard.class).getResultList();
    }

    /** The cards an API user owns, by serial. */
    @Transactional
    public List<VirtualCard> ownedBy(ApiUserId owner) {
        return em.createQuery("select c from VirtualCard c where c.ownerApiUser = :owner order by c.serial",
                VirtualCard.class).setParameter("owner", owner.value()).getResultList();
    }
}
