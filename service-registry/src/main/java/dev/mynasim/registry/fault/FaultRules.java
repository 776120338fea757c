package dev.mynasim.registry.fault;

import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultAdmin;
import dev.mynasim.registry.api.FaultEffect;
import dev.mynasim.registry.api.FaultInjection;
import dev.mynasim.registry.api.FaultRule;
import dev.mynasim.registry.api.FaultStep;
import dev.mynasim.registry.api.IsoInstant;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.service.ServiceRemoved;
import dev.mynasim.registry.service.WebService;
import dev.mynasim.registry.service.WebServiceRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Adds, changes and removes failure-injection rules, and answers the steps that apply them (DESIGN.md 6). A rule
 * belongs to the API user of its service: an API user's console account reaches only its own, another's answers
 * 404 like one that does not exist (DESIGN.md 9.8). Every change and every hit is audited.
 */
@ApplicationScoped
public class FaultRules implements FaultInjection, FaultAdmin {

    /** The most hits one listing returns. */
    static final int MAX_HITS = 100;
    static final String ACTOR = "fault-injection";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AuditTrail audit;

    @Inject
    private WebServiceRegistry services;

    @Transactional
    public FaultRuleRow add(Caller caller, Environment environment, ClientId clientId, FaultDefinition definition) {
        check(caller, environment, clientId, definition);
        var row = new FaultRuleRow(environment, clientId, definition, caller.name(), clock.instant());
        em.persist(row);
        audit.record(caller.name(), "fault.add", subject(row), row.describe());
        return row;
    }

    /** Replaces a rule; it may move to another service the caller owns. */
    @Transactional
    public FaultRuleRow change(Caller caller, String id, Environment environment, ClientId clientId,
                               FaultDefinition definition) {
        FaultRuleRow row = get(caller, id);
        check(caller, environment, clientId, definition);
        row.change(environment, clientId, definition);
        audit.record(caller.name(), "fault.change", subject(row), row.describe());
        return row;
    }

    @Override
    @Transactional
    public void remove(Caller caller, String id) {
        FaultRuleRow row = get(caller, id);
        remove(caller, row, null);
    }

    /** The rule, or not-found when it does not exist or belongs to another API user. */
    @Transactional
    public FaultRuleRow get(Caller caller, String id) {
        return find(caller, id).orElseThrow(() -> RuleViolation.notFound("Fault rule", id));
    }

    @Transactional
    public Optional<FaultRuleRow> find(Caller caller, String id) {
        return Optional.ofNullable(id).map(key -> em.find(FaultRuleRow.class, key))
                .filter(row -> caller.mayAccess(row.owner()));
    }

    /** The rules the caller may see, oldest first, optionally of one environment and one service. */
    @Transactional
    public List<FaultRuleRow> list(Caller caller, Optional<Environment> environment, Optional<ClientId> clientId) {
        StringBuilder jpql = new StringBuilder("select r from FaultRuleRow r where 1 = 1");
        environment.ifPresent(e -> jpql.append(" and r.environment = :env"));
        clientId.ifPresent(c -> jpql.append(" and r.clientId = :client"));
        var query = em.createQuery(jpql.append(" order by r.createdAt, r.id").toString(), FaultRuleRow.class);
        environment.ifPresent(e -> query.setParameter("env", e));
        clientId.ifPresent(c -> query.setParameter("client", c.toString()));
        return query.getResultStream().filter(row -> caller.mayAccess(row.owner())).toList();
    }

    /** The rule's hits, newest first, at most {@value #MAX_HITS}. */
    @Transactional
    public List<FaultHit> hits(Caller caller, String id) {
        FaultRuleRow row = get(caller, id);
        return em.createQuery("select h from FaultHit h where h.ruleId = :rule order by h.at desc, h.id desc",
                        FaultHit.class)
                .setParameter("rule", row.id())
                .setMaxResults(MAX_HITS)
                .getResultList();
    }

    @Override
    @Transactional
    public Optional<FaultRule> match(Environment environment, ClientId client, Optional<MynaApi> api, FaultStep step) {
        Instant now = clock.instant();
        return em.createQuery("select r from FaultRuleRow r where r.environment = :env and r.clientId = :client "
                        + "order by r.createdAt, r.id", FaultRuleRow.class)
                .setParameter("env", environment)
                .setParameter("client", client.toString())
                .getResultStream().map(FaultRuleRow::rule)
                .filter(rule -> rule.strikes(api, step, now))
                .findFirst();
    }

    /**
     * In a transaction of its own, so the record stays when the step that applied the rule then fails. The audit
     * record's subject is the service, so the service's audit entries show the hit.
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordHit(FaultRule rule, FaultStep step, String subject, String detail, String detailJa) {
        var hit = new FaultHit(rule, step, subject, detail, detailJa, clock.instant());
        em.persist(hit);
        audit.record(ACTOR, "fault.hit", rule.environment().path() + "/" + rule.clientId(),
                "rule=" + rule.id() + " effect=" + rule.effect().code() + " step=" + step.code() + " subject="
                        + hit.subject() + (detail == null ? "" : " " + detail));
    }

    /** A removed service takes its rules (and their hits) with it; the audit trail keeps them. */
    void serviceRemoved(@Observes ServiceRemoved removed) {
        list(removed.caller(), Optional.of(removed.environment()), Optional.of(removed.clientId()))
                .forEach(row -> remove(removed.caller(), row, "service removed"));
    }

    private void remove(Caller caller, FaultRuleRow row, String why) {
        em.createQuery("delete from FaultHit h where h.ruleId = :rule").setParameter("rule", row.id()).executeUpdate();
        em.remove(row);
        audit.record(caller.name(), "fault.remove", subject(row), row.describe() + (why == null ? "" : " (" + why + ")"));
    }

    /**
     * The service must be registered in that environment and be the caller's (else 404, DESIGN.md 9.8), and the API
     * a rule is narrowed to one of the service's.
     */
    private void check(Caller caller, Environment environment, ClientId clientId, FaultDefinition definition) {
        WebService service = services.get(caller, environment, clientId);
        definition.checkApi(clientId, service.apis());
    }

    private static String subject(FaultRuleRow row) {
        return row.environment().path() + "/" + row.clientId();
    }

    @Override
    @Transactional
    public List<FaultRuleView> faultRules(Caller caller) {
        return list(caller, Optional.empty(), Optional.empty()).stream().map(FaultRules::view).toList();
    }

    /** A console form read as {@code FaultRuleRequest} reads a JSON body: the same fields, rules and order. */
    @Override
    @Transactional
    public FaultRuleView addRule(Caller caller, FaultForm form) {
        Environment environment = Environment.parse(RuleViolation.required("environment", form.environment()));
        ClientId clientId = ClientId.parse(RuleViolation.required("clientId", form.clientId()));
        Optional<MynaApi> api;
        try {
            api = present(form.api()).map(MynaApi::fromCode);
        } catch (RuleViolation e) {
            throw RuleViolation.invalid("api", e.rule(), e.getMessage(), e.messageJa());
        }
        var definition = new FaultDefinition(api, present(form.step()).map(FaultStep::fromCode),
                FaultEffect.fromCode(RuleViolation.required("effect", form.effect())), present(form.parameter()),
                Optional.ofNullable(IsoInstant.parse("activeFrom", form.activeFrom())),
                Optional.ofNullable(IsoInstant.parse("activeUntil", form.activeUntil())));
        return view(add(caller, environment, clientId, definition));
    }

    @Override
    @Transactional
    public List<FaultHitView> hitsOf(Caller caller, String id) {
        return hits(caller, id).stream().map(h -> new FaultHitView(h.at(), h.step(), h.subject(), h.detail(), h.detailJa())).toList();
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static FaultRuleView view(FaultRuleRow row) {
        return new FaultRuleView(row.id(), row.environment(), row.clientId(), row.api(), row.step(), row.effect(),
                row.parameter(), row.activeFrom(), row.activeUntil(), row.createdBy(), row.createdAt());
    }
}
