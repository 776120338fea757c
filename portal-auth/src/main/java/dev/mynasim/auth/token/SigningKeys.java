package dev.mynasim.auth.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.mynasim.auth.card.SealedBox;
import dev.mynasim.auth.secret.ServerSecret;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.SchemaMigrated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RS256 signing keys, one set per environment, so tokens of one environment never verify in the other. Created on
 * first start and stored (private part sealed with the server key); the JWKS publishes every key not retired, so a
 * rotation can hold two. Each environment has one key of each kind per generation (auth V5): when the nodes of a
 * cluster start at once, one wins the insert of the first key and every other reads it, so the JWKS agree.
 */
@ApplicationScoped
public class SigningKeys {

    private static final String SEAL_PURPOSE = "signing-key";
    static final String RSA = "rsa";
    static final String EC = "ec";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SigningKeys.class.getName());

    /** The keys of one environment: the newest RSA key signs (the EC key signs ES256 ID tokens), all verify. */
    record KeySet(RSAKey signing, com.nimbusds.jose.jwk.ECKey ecSigning, JWKSet published) {
    }

    @Inject
    Rows rows;

    @Inject
    ServerSecret secret;

    @Inject
    Clock clock;

    private final Map<Environment, KeySet> keys = new EnumMap<>(Environment.class);

    synchronized void init(@Observes @Priority(260) SchemaMigrated migrated) {
        // Payara carries an older Nimbus of its own: say which one signs (STACK.md), so a test can hold us to it
        var nimbus = JWSAlgorithm.class;
        LOG.info(() -> "Access tokens are signed with Nimbus JOSE+JWT " + nimbus.getPackage().getImplementationVersion()
                + " from " + nimbus.getProtectionDomain().getCodeSource().getLocation());
        for (Environment environment : Environment.values()) {
            List<SigningKeyRow> stored = rows.load(environment);
            if (stored.stream().noneMatch(r -> !ec(r))) {
                insertUnlessAnotherNodeDid(create(environment, 0));
            }
            if (stored.stream().noneMatch(SigningKeys::ec)) {
                insertUnlessAnotherNodeDid(createEc(environment, 0));
            }
            keys.put(environment, keySet(rows.load(environment)));
        }
    }

    /**
     * Rotation: a new key signs from now on; the previous one stays published, so tokens it signed still verify
     * until they expire; older ones are retired. Returns the new key id.
     */
    public synchronized String rotate(Environment environment) {
        SigningKeyRow created = null;
        for (int attempt = 1; created == null; attempt++) {
            int next = rows.load(environment).stream().filter(r -> !ec(r)).mapToInt(SigningKeyRow::generation)
                    .max().orElse(-1) + 1;
            SigningKeyRow candidate = create(environment, next);
            try {
                rows.insert(candidate);
                created = candidate;
            } catch (RuntimeException takenByAnotherNode) {
                // another node rotated at the same moment and took this generation: number ours after it
                if (attempt == 3) {
                    throw takenByAnotherNode;
                }
            }
        }
        List<SigningKeyRow> live = rows.load(environment).stream().filter(r -> !r.retired() && !ec(r))
                .sorted(Comparator.comparing(SigningKeyRow::createdAt).reversed()).toList();
        live.stream().skip(2).forEach(old -> rows.retire(old.kid(), clock.instant()));
        keys.put(environment, keySet(rows.load(environment)));
        return created.kid();
    }

    /** The P-256 key that signs ID tokens of registrations that ask for ES256. */
    public synchronized com.nimbusds.jose.jwk.ECKey ecSigningKey(Environment environment) {
        return keys.get(environment).ecSigning();
    }

    public synchronized RSAKey signingKey(Environment environment) {
        return keys.get(environment).signing();
    }

    /** The signers of the keys handed out, by key: turning a JWK into a Java private key costs a sixth of a signature. */
    private final Map<com.nimbusds.jose.jwk.JWK, JWSSigner> signers = new ConcurrentHashMap<>();

    /** The signer of an RSA key this class handed out (RS256); thread-safe, so one serves every request. */
    public JWSSigner signer(RSAKey key) {
        return signers.computeIfAbsent(key, k -> {
            try {
                return new RSASSASigner(key);
            } catch (JOSEException e) {
                throw new IllegalStateException("the signing key " + key.getKeyID() + " cannot sign", e);
            }
        });
    }

    /** The signer of the EC key this class handed out (ES256). */
    public JWSSigner signer(com.nimbusds.jose.jwk.ECKey key) {
        return signers.computeIfAbsent(key, k -> {
            try {
                return new ECDSASigner(key);
            } catch (JOSEException e) {
                throw new IllegalStateException("the signing key " + key.getKeyID() + " cannot sign", e);
            }
        });
    }

    /** When each environment's keys were last read, on {@link System#nanoTime()}. */
    private final Map<Environment, Long> reloaded = new EnumMap<>(Environment.class);

    /**
     * Reads the environment's keys again, at most every ten seconds: a key another node created or rotated since this
     * node started becomes known (a token signed with an unknown key id asks for it). The ten seconds are real time on
     * a monotonic timer, not the simulator clock: a frozen clock must not stop the reads, a moved one not force them.
     */
    public synchronized void reload(Environment environment) {
        long now = System.nanoTime();
        Long last = reloaded.get(environment);
        if (last == null || now - last > java.util.concurrent.TimeUnit.SECONDS.toNanos(10)) {
            reloaded.put(environment, now);
            keys.put(environment, keySet(rows.load(environment)));
        }
    }

    public synchronized JWKSet published(Environment environment) {
        return keys.get(environment).published();
    }

    private SigningKeyRow create(Environment environment, int generation) {
        try {
            String kid = environment.path() + "-" + UUID.randomUUID().toString().substring(0, 8);
            RSAKey key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
            byte[] sealed = new SealedBox(secret.bytes(), SEAL_PURPOSE)
                    .seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), kid);
            return new SigningKeyRow(kid, environment, RSA, generation, key.toPublicJWK().toJSONString(),
                    Base64.getEncoder().encodeToString(sealed), clock.instant());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a signing key", e);
        }
    }

    private void insertUnlessAnotherNodeDid(SigningKeyRow row) {
        try {
            rows.insert(row);
        } catch (RuntimeException lostTheRace) {
            // the unique (environment, kind, generation) refused it: another node created this first key, and the
            // load that follows reads that one; any other failure leaves no key, and the load says so
            LOG.info(() -> "Signing key " + row.kid() + " not stored (" + lostTheRace + "); using the one stored");
        }
    }

    private static boolean ec(SigningKeyRow row) {
        return EC.equals(row.kind());
    }

    private SigningKeyRow createEc(Environment environment, int generation) {
        try {
            String kid = environment.path() + "-ec-" + UUID.randomUUID().toString().substring(0, 8);
            com.nimbusds.jose.jwk.ECKey key = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                    .keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256).generate();
            byte[] sealed = new SealedBox(secret.bytes(), SEAL_PURPOSE)
                    .seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), kid);
            return new SigningKeyRow(kid, environment, EC, generation, key.toPublicJWK().toJSONString(),
                    Base64.getEncoder().encodeToString(sealed), clock.instant());
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate a signing key", e);
        }
    }

    private com.nimbusds.jose.jwk.JWK open(SigningKeyRow row) throws ParseException {
        return com.nimbusds.jose.jwk.JWK.parse(new String(new SealedBox(secret.bytes(), SEAL_PURPOSE)
                .open(Base64.getDecoder().decode(row.sealedKey()), row.kid()), StandardCharsets.UTF_8));
    }

    private KeySet keySet(List<SigningKeyRow> stored) {
        try {
            SigningKeyRow newest = stored.stream().filter(r -> !r.retired() && !ec(r))
                    .max(Comparator.comparing(SigningKeyRow::createdAt)).orElseThrow();
            SigningKeyRow newestEc = stored.stream().filter(r -> !r.retired() && ec(r))
                    .max(Comparator.comparing(SigningKeyRow::createdAt)).orElseThrow();
            List<com.nimbusds.jose.jwk.JWK> published = new java.util.ArrayList<>();
            for (SigningKeyRow row : stored) {
                if (!row.retired()) {
                    published.add(com.nimbusds.jose.jwk.JWK.parse(row.publicJwk()));
                }
            }
            return new KeySet(open(newest).toRSAKey(), open(newestEc).toECKey(), new JWKSet(published));
        } catch (ParseException e) {
            throw new IllegalStateException("a stored signing key cannot be read", e);
        }
    }

    /** Reads and writes of the key rows, each in its own transaction. */
    @ApplicationScoped
    public static class Rows {
        @PersistenceContext
        private EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public List<SigningKeyRow> load(Environment environment) {
            return em.createQuery("select k from SigningKeyRow k where k.environment = :env", SigningKeyRow.class)
                    .setParameter("env", environment).getResultList();
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void insert(SigningKeyRow row) {
            em.persist(row);
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void retire(String kid, java.time.Instant now) {
            em.find(SigningKeyRow.class, kid).retire(now);
        }
    }
}
