package dev.mynasim.registry.requestlog;

import dev.mynasim.registry.api.ApplicationAdmin;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.ConnectionTestReport;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.IsoInstant;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RequestLog;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServiceDirectory;
import dev.mynasim.registry.requestlog.rest.RequestLogEntryResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The request log in the database: {@link #record} only queues (the request goes on at once); {@link RequestLogWriter}
 * diagnoses, redacts and writes in batches, then drops each service's oldest entries beyond its bound.
 */
@ApplicationScoped
public class RequestLogStore implements RequestLog {

    @PersistenceContext
    private EntityManager em;

    static final int MAX_DOWNLOAD = 10_000;

    @Inject
    private RequestLogWriter writer;

    @Inject
    private ServiceDirectory directory;

    @Inject
    private ApplicationAdmin applications;

    @Inject
    private java.time.Clock clock;

    @Inject
    @ConfigProperty(name = "mynasim.request-log.max-per-service", defaultValue = "1000")
    int maxPerService;

    @Override
    public void record(Seen seen) {
        writer.add(seen);
    }

    @Override
    public void noticeAttempt(Instant at, Environment environment, String clientId, String processId, int attempt,
                              Integer httpStatus, String outcome, boolean delivered, Instant next) {
        writer.add(new Seen(at, environment, "notice (outgoing)", "POST", clientId, null,
                Map.of("processId", List.of(processId)), null, null, httpStatus == null ? 0 : httpStatus,
                null, outcome, Map.of("notice.attempt", Integer.toString(attempt), "notice.delivered",
                Boolean.toString(delivered), "notice.next", next == null ? "" : next.toString(), "process", processId),
                0));
    }

    @Override
    public void authorizationDenied(Instant at, Environment environment, String clientId, String description) {
        writer.add(new Seen(at, environment, "authorization response (outgoing)", "GET", clientId, null, Map.of(),
                null, null, 303, "access_denied", description, Map.of(), 0));
    }

    /** Diagnoses, redacts and stores the batch in one transaction, then trims the services it touched. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(List<Seen> batch) {
        Set<String> touched = new LinkedHashSet<>();
        for (Seen seen : batch) {
            RequestLogEntry entry = entry(seen);
            em.persist(entry);
            touched.add(entry.serviceKey());
        }
        em.flush();
        for (String key : touched) {
            List<Long> kept = em.createQuery("select e.id from RequestLogEntry e where e.serviceKey = :key "
                            + "order by e.id desc", Long.class).setParameter("key", key)
                    .setFirstResult(maxPerService).setMaxResults(1).getResultList();
            if (!kept.isEmpty()) {
                em.createQuery("delete from RequestLogEntry e where e.serviceKey = :key and e.id <= :last")
                        .setParameter("key", key).setParameter("last", kept.get(0)).executeUpdate();
            }
        }
    }

    private RequestLogEntry entry(Seen seen) {
        Optional<ClientId> client = clientId(seen.clientId());
        String apiUser = client.map(c -> c.apiUser().value()).orElse(seen.apiUser());
        Diagnosis diagnosis;
        if (seen.facts().containsKey("notice.attempt")) {
            String next = seen.facts().get("notice.next");
            diagnosis = Diagnoses.notice(Integer.parseInt(seen.facts().get("notice.attempt")),
                    seen.status() == 0 ? null : seen.status(), seen.errorDescription(),
                    Boolean.parseBoolean(seen.facts().get("notice.delivered")), next.isEmpty() ? null : Instant.parse(next));
        } else {
            List<String> registered = client.flatMap(c -> directory.find(seen.environment(), c))
                    .map(RegisteredService::redirectUris).orElse(List.of());
            diagnosis = Diagnoses.diagnose(seen, registered);
        }
        return new RequestLogEntry(seen.at(), seen.environment(), client.map(ClientId::toString).orElse(null),
                apiUser, seen.endpoint(), seen.method(), Redaction.view(seen), seen.status(), seen.error(),
                seen.errorDescription(), diagnosis, seen.durationMillis(), Facts.kept(seen));
    }

    private static Optional<ClientId> clientId(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(ClientId.parse(text));
        } catch (RuleViolation e) {
            return Optional.empty();
        }
    }

    @Override
    @Transactional
    public Page entries(Caller caller, Filter filter, int offset, int limit, int maxLimit) {
        RequestLogQuery query = query(caller, filter, offset, limit, maxLimit);
        writer.flush();
        List<Entry> entries = filtered("select e", caller, query, RequestLogEntry.class, " order by e.id desc")
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(RequestLogStore::entry)
                .toList();
        return new Page(filtered("select count(e)", caller, query, Long.class, "").getSingleResult(), offset, limit,
                entries);
    }

    @Override
    public String ndjson(Caller caller, Filter filter) {
        StringBuilder lines = new StringBuilder();
        List<Entry> entries = entries(caller, filter, 0, MAX_DOWNLOAD, MAX_DOWNLOAD).entries();
        try (Jsonb jsonb = JsonbBuilder.create()) {
            entries.forEach(e -> lines.append(jsonb.toJson(RequestLogEntryResponse.of(e))).append('\n'));
        } catch (Exception e) {
            throw new IllegalStateException("could not write the request log as NDJSON", e);
        }
        return lines.toString();
    }

    @Override
    @Transactional
    public Entry entry(Caller caller, long id) {
        writer.flush();
        return Optional.ofNullable(em.find(RequestLogEntry.class, id))
                .filter(e -> caller.operator() || caller.apiUser().map(a -> a.value().equals(e.apiUser())).orElse(false))
                .map(RequestLogStore::entry)
                .orElseThrow(() -> RuleViolation.notFound("Request log entry", Long.toString(id)));
    }

    @Override
    @Transactional
    public ConnectionTestReport report(Caller caller, String service) {
        ClientId client = ClientId.parse(service);
        RegisteredService registered = Optional.of(client).filter(c -> caller.mayAccess(c.apiUser()))
                .flatMap(c -> directory.find(Environment.TEST, c))
                .orElseThrow(() -> RuleViolation.notFound("Service", service));
        writer.flush();
        List<Entry> entries = em.createQuery("select e from RequestLogEntry e where e.serviceKey = :key order by e.id",
                        RequestLogEntry.class).setParameter("key", RequestLogEntry.key(Environment.TEST, client.toString(), null))
                .getResultStream().map(RequestLogStore::entry).toList();
        return new ConnectionTestReport(Environment.TEST, client.toString(), registered.displayName(), clock.instant(),
                entries.size(), ConnectionTestChecks.check(entries, registered.apis(), registered.group().isPresent()));
    }

    @Override
    public String reportPage(Caller caller, String service) {
        return ConnectionTestPage.render(report(caller, service));
    }

    @Override
    public ApplicationAdmin.ApplicationView submit(Caller caller, String service) {
        ConnectionTestReport report = report(caller, service);
        List<String> open = report.items().stream().filter(i -> i.status() != ConnectionTestReport.Status.PASSED)
                .map(ConnectionTestReport.Item::code).toList();
        if (!open.isEmpty()) {
            throw RuleViolation.conflict("service", "connection-test-incomplete",
                    "The connection-test report of " + service + " has items not passed: " + String.join(", ", open),
                    "サービス " + service + " の接続試験レポートに合格していない項目があります: " + String.join(", ", open));
        }
        return applications.advance(caller, ClientId.parse(service).apiUser(), "A-13", "接続試験レポート "
                + service + ": 全 " + report.items().size() + " 項目合格 (" + report.computedAt() + ", "
                + report.entriesRead() + " entries) / connection-test report: all items passed");
    }

    private static Entry entry(RequestLogEntry e) {
        return new Entry(e.id(), e.at(), e.environment(), e.clientId(), e.apiUser(), e.endpoint(), e.method(),
                e.requestView(), e.status(), e.error(), e.errorDescription(), e.result(), e.diagnosisCode(),
                e.diagnosisJa(), e.diagnosisEn(), e.durationMs(), Facts.parse(e.facts()));
    }

    private static RequestLogQuery query(Caller caller, Filter filter, int offset, int limit, int maxLimit) {
        if (limit < 1 || limit > maxLimit) {
            throw RuleViolation.invalid("limit", "limit-range", "limit must be 1 to " + maxLimit + ", got: " + limit,
                    "limit は 1 から " + maxLimit + " で指定してください。入力値: " + limit);
        }
        if (offset < 0) {
            throw RuleViolation.invalid("offset", "offset-range", "offset must not be negative, got: " + offset,
                    "offset は 0 以上で指定してください。入力値: " + offset);
        }
        String result = blankToNull(filter.result());
        if (result != null && !result.equals("ok") && !result.equals("error")) {
            throw RuleViolation.invalid("result", "result-unknown", "result must be ok or error, got: " + result,
                    "result は ok または error で指定してください。入力値: " + result);
        }
        String service = blankToNull(filter.service());
        ClientId client = service == null ? null : ClientId.parse(service);
        if (client != null && !caller.mayAccess(client.apiUser())) {
            throw RuleViolation.notFound("Service", service);
        }
        String environment = blankToNull(filter.environment());
        return new RequestLogQuery(environment == null ? null : Environment.parse(environment), client,
                blankToNull(filter.endpoint()), result, IsoInstant.parse("from", blankToNull(filter.from())),
                IsoInstant.parse("to", blankToNull(filter.to())), offset, limit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private <T> TypedQuery<T> filtered(String select, Caller caller, RequestLogQuery query, Class<T> type,
                                       String order) {
        StringBuilder jpql = new StringBuilder(select).append(" from RequestLogEntry e where 1 = 1");
        if (!caller.operator()) {
            jpql.append(" and e.apiUser = :owner");
        }
        if (query.environment() != null) {
            jpql.append(" and e.environment = :environment");
        }
        if (query.service() != null) {
            jpql.append(" and e.clientId = :service");
        }
        if (query.endpoint() != null) {
            jpql.append(" and e.endpoint like :endpoint");
        }
        if (query.result() != null) {
            jpql.append(" and e.result = :result");
        }
        if (query.from() != null) {
            jpql.append(" and e.at >= :from");
        }
        if (query.to() != null) {
            jpql.append(" and e.at < :to");
        }
        TypedQuery<T> q = em.createQuery(jpql.append(order).toString(), type);
        if (!caller.operator()) {
            q.setParameter("owner", caller.apiUser().map(a -> a.value()).orElse("-"));
        }
        if (query.environment() != null) {
            q.setParameter("environment", query.environment());
        }
        if (query.service() != null) {
            q.setParameter("service", query.service().toString());
        }
        if (query.endpoint() != null) {
            q.setParameter("endpoint", "%" + query.endpoint() + "%");
        }
        if (query.result() != null) {
            q.setParameter("result", query.result());
        }
        if (query.from() != null) {
            q.setParameter("from", query.from());
        }
        if (query.to() != null) {
            q.setParameter("to", query.to());
        }
        return q;
    }
}
