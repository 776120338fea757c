package dev.mynasim.auth.card;

import dev.mynasim.auth.secret.ServerSecret;
import dev.mynasim.registry.api.SchemaMigrated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The simulator's test certification authority, created on first start and kept in the database (its key sealed
 * with the server key), so restarts and other nodes keep trusting the cards it issued. Two nodes starting together
 * both try to insert the one row; the loser reads the winner's.
 */
@ApplicationScoped
public class TestCa {

    private static final Logger LOG = Logger.getLogger(TestCa.class.getName());
    private static final String SEAL_PURPOSE = "test-ca-key";
    private static final String SEAL_BINDING = "test-ca";

    @Inject
    Rows rows;

    @Inject
    ServerSecret secret;

    @Inject
    Clock clock;

    private volatile CertificateAuthority authority;

    void init(@Observes @Priority(250) SchemaMigrated migrated) {
        authority = rows.load().map(this::restore).orElseGet(() -> {
            CertificateAuthority created = CertificateAuthority.generate(clock.instant());
            byte[] sealed = new SealedBox(secret.bytes(), SEAL_PURPOSE)
                    .seal(CertificateAuthority.encodePrivateKey(created.privateKey()), SEAL_BINDING);
            try {
                rows.insert(new TestCaRow(Base64.getEncoder().encodeToString(CertificateAuthority.der(created.certificate())),
                        Base64.getEncoder().encodeToString(sealed), clock.instant()));
                LOG.info("Created the test certification authority");
                return created;
            } catch (RuntimeException lostTheRace) {
                return rows.load().map(this::restore).orElseThrow(() -> lostTheRace);
            }
        });
    }

    public CertificateAuthority authority() {
        if (authority == null) {
            throw new IllegalStateException("the test CA is created at start-up, after the schema migration");
        }
        return authority;
    }

    private CertificateAuthority restore(TestCaRow row) {
        return CertificateAuthority.restore(
                CertificateAuthority.certificate(Base64.getDecoder().decode(row.certificate())),
                CertificateAuthority.decodeRsaPrivateKey(new SealedBox(secret.bytes(), SEAL_PURPOSE)
                        .open(Base64.getDecoder().decode(row.sealedKey()), SEAL_BINDING)));
    }

    /** The row's reads and writes, each in its own transaction. */
    @ApplicationScoped
    public static class Rows {
        @PersistenceContext
        private EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public Optional<TestCaRow> load() {
            return Optional.ofNullable(em.find(TestCaRow.class, TestCaRow.ID));
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void insert(TestCaRow row) {
            em.persist(row);
        }
    }
}
