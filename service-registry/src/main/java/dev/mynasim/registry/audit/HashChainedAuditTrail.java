package dev.mynasim.registry.audit;

import dev.mynasim.registry.api.AuditAdmin;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.IsoInstant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The audit trail in the database: appends in the caller's transaction, reads with filters, checks the chain. */
@ApplicationScoped
public class HashChainedAuditTrail implements AuditTrail, AuditAdmin {

    private static final int PAGE = 500;

    /** Every audited event, counted by its action once it commits: {@code mynasim_events_total{action="..."}}. */
    static final String EVENTS = "mynasim.events";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AuditBatches batches;

    @Inject
    private AuditMetrics metrics;

    @Override
    @Transactional
    public void record(String actor, String action, String subjectId, String detail) {
        write(List.of(new AuditBatches.Entry(clock.instant(), actor, action, subjectId, detail)));
    }

    @Override
    public void append(String actor, String action, String subjectId, String detail) {
        batches.add(new AuditBatches.Entry(clock.instant(), actor, action, subjectId, detail));
    }

    /** The batch writer's append: a transaction of its own, whatever the calling thread is in. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void writeBatch(List<AuditBatches.Entry> entries) {
        write(entries);
    }

    /** Appends the entries in order under one lock of the head, in the caller's transaction. */
    private void write(List<AuditBatches.Entry> entries) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        for (AuditBatches.Entry entry : entries) {
            // millisecond precision survives every database's timestamp type, so the hash can be recomputed
            AuditRecord record = new AuditRecord(head.lastSeq() + 1, entry.at().truncatedTo(ChronoUnit.MILLIS),
                    clip(entry.actor(), 128), clip(entry.action(), 64), clip(entry.subjectId(), 256),
                    entry.detail() == null ? null : clip(entry.detail(), 4000), head.lastHash());
            em.persist(record);
            head.advance(record);
            metrics.count(EVENTS, "action", record.action());
        }
    }

    /** Cuts a value to its column's width, so an over-long detail never makes the audited change fail. */
    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Records matching every given filter (null means any), oldest first. */
    @Transactional
    public List<AuditRecord> find(AuditQuery query) {
        return filtered("select r", query, AuditRecord.class, " order by r.seq")
                .setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
    }

    /** How many records match every given filter. */
    @Transactional
    public long total(AuditQuery query) {
        return filtered("select count(r)", query, Long.class, "").getSingleResult();
    }

    private <T> TypedQuery<T> filtered(String select, AuditQuery query, Class<T> type, String order) {
        StringBuilder jpql = new StringBuilder(select).append(" from AuditRecord r where 1 = 1");
        if (query.from() != null) {
            jpql.append(" and r.at >= :from");
        }
        if (query.to() != null) {
            jpql.append(" and r.at < :to");
        }
        if (query.actor() != null) {
            jpql.append(" and r.actor = :actor");
        }
        if (query.subject() != null) {
            jpql.append(" and r.subjectId = :subject");
        }
        if (query.action() != null) {
            jpql.append(" and r.action = :action");
        }
        jpql.append(order);
        TypedQuery<T> q = em.createQuery(jpql.toString(), type);
        if (query.from() != null) {
            q.setParameter("from", query.from());
        }
        if (query.to() != null) {
            q.setParameter("to", query.to());
        }
        if (query.actor() != null) {
            q.setParameter("actor", query.actor());
        }
        if (query.subject() != null) {
            q.setParameter("subject", query.subject());
        }
        if (query.action() != null) {
            q.setParameter("action", query.action());
        }
        return q;
    }

    /** Walks the whole chain in pages and reports the first record whose link or content does not hold. */
    @Transactional
    public ChainCheck verify() {
        String expectedPrev = AuditRecord.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditRecord> page = em.createQuery(
                            "select r from AuditRecord r where r.seq >= :seq order by r.seq", AuditRecord.class)
                    .setParameter("seq", expectedSeq)
                    .setMaxResults(PAGE)
                    .getResultList();
            for (AuditRecord r : page) {
                if (r.seq() != expectedSeq) {
                    return ChainCheck.broken(checked, expectedSeq, "record " + expectedSeq + " is missing");
                }
                if (!r.prevHash().equals(expectedPrev)) {
                    return ChainCheck.broken(checked, r.seq(), "does not link to record " + (r.seq() - 1));
                }
                if (!r.hash().equals(r.computeHash())) {
                    return ChainCheck.broken(checked, r.seq(), "content was changed after it was written");
                }
                expectedPrev = r.hash();
                expectedSeq++;
                checked++;
            }
            em.clear();
            if (page.size() < PAGE) {
                break;
            }
        }
        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        if (head.lastSeq() != checked || !head.lastHash().equals(expectedPrev)) {
            return ChainCheck.broken(checked, checked + 1,
                    "records after " + checked + " were removed (the head points at " + head.lastSeq() + ")");
        }
        return ChainCheck.intact(checked);
    }

    /** The checks of {@code GET /admin/api/audit}: operator only, the instants and the paging as typed. */
    @Override
    @Transactional
    public AuditPage entries(Caller caller, String from, String to, String actor, String subject, String action,
                             int offset, int limit) {
        caller.requireOperator();
        var query = new AuditQuery(IsoInstant.parse("from", from), IsoInstant.parse("to", to), blankToNull(actor),
                blankToNull(subject), blankToNull(action), offset, limit);
        return new AuditPage(find(query).stream().map(r -> new AuditEntry(r.seq(), r.at(), r.actor(), r.action(),
                r.subjectId(), r.detail(), r.hash())).toList(), total(query));
    }

    @Override
    @Transactional
    public ChainStatus checkChain(Caller caller) {
        caller.requireOperator();
        ChainCheck check = verify();
        return new ChainStatus(check.intact(), check.checked(), check.firstBrokenSeq(), check.reason());
    }

    @Override
    @Transactional
    public long count(Caller caller, String action, Instant from, Instant to) {
        String jpql = "select count(r) from AuditRecord r where r.action = :action and r.at >= :from and r.at < :to";
        if (!caller.operator()) {
            // the subjects of the portal's decisions and of failure hits name the service: test/SP00000001_AA0001
            jpql += " and r.subjectId like :subject";
        }
        TypedQuery<Long> query = em.createQuery(jpql, Long.class).setParameter("action", action)
                .setParameter("from", from).setParameter("to", to);
        if (!caller.operator()) {
            query.setParameter("subject", "%/" + caller.apiUser().orElseThrow().value() + "_%");
        }
        return query.getSingleResult();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
