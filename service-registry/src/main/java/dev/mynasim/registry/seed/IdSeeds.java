package dev.mynasim.registry.seed;

import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.SeededIds;
import dev.mynasim.registry.api.ServiceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/**
 * The seeds of TEST services (README: Deterministic ids): set, read and removed by the service's owner or the
 * operator; each id derived counts under a row lock, so two nodes never hand out the same count.
 */
@ApplicationScoped
public class IdSeeds implements SeededIds {

    static final String SEED_PATTERN = "[A-Za-z0-9._-]{1,64}";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ServiceDirectory directory;

    @Inject
    private AuditTrail audit;

    @Inject
    private Clock clock;

    @Override
    @Transactional
    public Optional<String> next(Environment environment, ClientId client, Kind kind) {
        if (environment != Environment.TEST) {
            return Optional.empty();
        }
        IdSeed seed = em.find(IdSeed.class, client.toString(), LockModeType.PESSIMISTIC_WRITE);
        return seed == null ? Optional.empty()
                : Optional.of(IdDerivation.derive(seed.seed(), client.toString(), kind, seed.count(kind)));
    }

    /** Sets the seed (again): the counts start at zero, so the next run derives the same ids as the last. */
    @Transactional
    public IdSeed set(Caller caller, ClientId client, String seed) {
        owned(caller, client);
        if (seed == null || !seed.matches(SEED_PATTERN)) {
            throw RuleViolation.invalid("seed", "seed-format",
                    "seed must be 1 to 64 letters, digits, '.', '_' or '-', got: " + seed,
                    "seed は英数字と . _ - の 1 から 64 文字で指定してください。入力値: " + seed);
        }
        IdSeed row = em.find(IdSeed.class, client.toString(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new IdSeed(client.toString(), seed, clock.instant());
            em.persist(row);
        } else {
            row.reset(seed, clock.instant());
        }
        audit.record(caller.name(), "id-seed.set", "test/" + client, "deterministic ids from a seed");
        return row;
    }

    @Transactional
    public Optional<IdSeed> get(Caller caller, ClientId client) {
        owned(caller, client);
        return Optional.ofNullable(em.find(IdSeed.class, client.toString()));
    }

    @Transactional
    public void remove(Caller caller, ClientId client) {
        owned(caller, client);
        IdSeed row = em.find(IdSeed.class, client.toString());
        if (row == null) {
            throw RuleViolation.notFound("Id seed", client.toString());
        }
        em.remove(row);
        audit.record(caller.name(), "id-seed.remove", "test/" + client, "random ids again");
    }

    private void owned(Caller caller, ClientId client) {
        if (!caller.mayAccess(client.apiUser()) || directory.find(Environment.TEST, client).isEmpty()) {
            throw RuleViolation.notFound("Service", client.toString());
        }
    }
}
