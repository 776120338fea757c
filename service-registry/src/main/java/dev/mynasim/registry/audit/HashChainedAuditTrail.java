package dev.mynasim.registry.audit;

import dev.mynasim.registry.api.AuditTrail;
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
public class HashChainedAuditTrail implements AuditTrail {

    private static final int PAGE = 500;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Override
    @Transactional
    public void record(String actor, String action, String subjectId, String detail) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        // millisecond precision survives every database's timestamp type, so the hash can be recomputed
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditRecord record = new AuditRecord(head.lastSeq() + 1, at, clip(actor, 128), clip(action, 64),
                clip(subjectId, 256), detail == null ? null : clip(detail, 4000), head.lastHash());
        em.persist(record);
        head.advance(record);
    }

    /** Cuts a value to its column's width, so an over-long detail never makes the audited change fail. */
    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Records matching every given filter (null means any), oldest first. */
    @Transactional
    public List<AuditRecord> find(AuditQuery query) {
        StringBuilder jpql = new StringBuilder("select r from AuditRecord r where 1 = 1");
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
        jpql.append(" order by r.seq");
        TypedQuery<AuditRecord> q = em.createQuery(jpql.toString(), AuditRecord.class);
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
        return q.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
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
}
