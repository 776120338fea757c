package dev.mynasim.adapters.exchange;

import dev.mynasim.adapters.data.ApiAdapter;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.FaultRule;
import dev.mynasim.registry.api.OperationsCounters;
import dev.mynasim.registry.api.RequestLog;
import dev.mynasim.registry.api.SeededIds;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The exchange's durable state: accepted requests, the notices due, and every delivery attempt. */
@ApplicationScoped
public class DataRequests {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    OperationsCounters counters;

    @Inject
    RequestLog log;

    @Inject
    SeededIds seededIds;

    @Transactional
    public boolean telegramTaken(String telegramId) {
        return !em.createQuery("select d.processId from DataRequest d where d.telegramId = :id", String.class)
                .setParameter("id", telegramId).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Lets the adapter act on the request block and stores the request, in one transaction: a refused block or a
     * duplicate telegram id (the unique key, for a race) leaves nothing behind, not even a registration.
     */
    @Transactional
    public DataRequest accept(ApiAdapter adapter, VerifiedAccessToken token, JsonObject requestInfo, String telegramId,
                              String mode, Optional<String> callbackUrl, Optional<FaultRule> callbackRule,
                              Instant now, Instant readyAt) {
        JsonObject accepted = adapter.accept(token, requestInfo);
        // a TEST service with a seed gets a processId derived from it (README: Deterministic ids); a run after the
        // seed was set again derives the same ids, so it replaces the earlier run's request of that id
        Optional<String> seeded = seededIds.next(token.environment(), token.client(), SeededIds.Kind.PROCESS_ID);
        seeded.ifPresent(id -> replaceEarlierRun(id, token.client().toString()));
        DataRequest request = new DataRequest(seeded.orElseGet(() -> java.util.UUID.randomUUID().toString()),
                telegramId, token, adapter.api(), mode, accepted, callbackUrl, now, readyAt);
        callbackRule.ifPresent(rule -> {
            switch (rule.effect()) {
                case CALLBACK_NEVER -> request.withhold();
                case CALLBACK_LATE -> request.delayNotice(rule.number(0));
                case CALLBACK_TWICE -> request.sendTwice();
                default -> { }
            }
        });
        em.persist(request);
        em.flush();
        audit.record("client:" + token.client(), "data.request", "process/" + request.processId(),
                adapter.api().code() + " " + telegramId + " person=" + token.person());
        return request;
    }

    private void replaceEarlierRun(String processId, String clientId) {
        DataRequest earlier = em.find(DataRequest.class, processId);
        if (earlier != null && earlier.client().toString().equals(clientId)) {
            em.createQuery("delete from NoticeAttempt a where a.processId = :id").setParameter("id", processId)
                    .executeUpdate();
            em.remove(earlier);
            em.flush();
        }
    }

    @Transactional
    public Optional<DataRequest> find(String processId) {
        return Optional.ofNullable(em.find(DataRequest.class, processId));
    }

    /** Claims up to {@code limit} notices due now for this node, each leased until {@code leaseUntil}. */
    @Transactional
    public List<DataRequest> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<String> due = em.createQuery("select d.processId from DataRequest d where d.noticeState = :pending "
                        + "and d.noticeDueAt <= :now and (d.leaseUntil is null or d.leaseUntil < :now) "
                        + "order by d.noticeDueAt", String.class)
                .setParameter("pending", DataRequest.NoticeState.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
        List<DataRequest> claimed = new ArrayList<>();
        for (String id : due) {
            int won = em.createQuery("update DataRequest d set d.leaseUntil = :until where d.processId = :id "
                            + "and d.noticeState = :pending and (d.leaseUntil is null or d.leaseUntil < :now)")
                    .setParameter("until", leaseUntil).setParameter("id", id)
                    .setParameter("pending", DataRequest.NoticeState.PENDING).setParameter("now", now)
                    .executeUpdate();
            if (won == 1) {
                claimed.add(em.find(DataRequest.class, id));
            }
        }
        return claimed;
    }

    /** Records one delivery attempt and moves the notice on: delivered, retried at {@code next}, or given up. */
    @Transactional
    public void attempted(String processId, Instant at, Integer httpStatus, String outcome, boolean delivered,
                          Instant next, int maxAttempts) {
        DataRequest request = em.find(DataRequest.class, processId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.persist(new NoticeAttempt(processId, request.attempts() + 1, at, httpStatus, outcome));
        request.attempted(delivered, next, maxAttempts);
        audit.record("simulator", "data.notice", "process/" + processId,
                "attempt " + request.attempts() + ": " + outcome);
        counters.count("mynasim.notice.attempts", "result", delivered ? "delivered" : "failed");
        boolean givenUp = !delivered && (next == null || request.attempts() >= maxAttempts);
        log.noticeAttempt(at, request.environment(), request.client().toString(), processId, request.attempts(),
                httpStatus, outcome, delivered, givenUp ? null : next);
    }

    /** Records an extra copy of a delivered notice (a failure rule sends it twice). */
    @Transactional
    public void copySent(String processId, Instant at, Integer httpStatus, String outcome) {
        long count = em.createQuery("select count(a) from NoticeAttempt a where a.processId = :id", Long.class)
                .setParameter("id", processId).getSingleResult();
        em.persist(new NoticeAttempt(processId, (int) count + 1, at, httpStatus, "second copy: " + outcome));
    }

    @Transactional
    public List<DataRequest> list(Caller caller, Optional<String> clientId, int limit) {
        // a client id is SP + 8 digits, "_", service id: the prefix names the API user exactly
        String owner = caller.apiUser().map(a -> a.value() + "_%").orElse("%");
        var query = em.createQuery("select d from DataRequest d where d.clientId like :owner"
                + (clientId.isPresent() ? " and d.clientId = :client" : "") + " order by d.createdAt desc",
                DataRequest.class).setParameter("owner", owner);
        clientId.ifPresent(c -> query.setParameter("client", c));
        return query.setMaxResults(limit).getResultList();
    }

    /** One request as the caller may see it: another API user's answers 404, as an unknown one. */
    @Transactional
    public DataRequest visible(Caller caller, String processId) {
        return find(processId).filter(d -> caller.mayAccess(d.client().apiUser()))
                .orElseThrow(() -> RuleViolation.notFound("Data request", processId));
    }

    @Transactional
    public List<NoticeAttempt> attempts(String processId) {
        return em.createQuery("select a from NoticeAttempt a where a.processId = :id order by a.attempt",
                NoticeAttempt.class).setParameter("id", processId).getResultList();
    }
}
