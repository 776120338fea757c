package dev.mynasim.adapters.record;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.adapters.api.RecordAdmin;
import dev.mynasim.adapters.data.JsonBodies;
import dev.mynasim.adapters.layout.Layout;
import dev.mynasim.adapters.layout.Layouts;
import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.api.PortalAccounts;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The person records the adapters serve: read by layout with a date filter and paging, and edited by the operator
 * (every person) or by an API user (the persons of cards it owns), each record checked against its layout.
 */
@ApplicationScoped
public class PersonRecords implements RecordAdmin {

    /** Records per person and resource: enough for a long medication history, small enough for one answer. */
    public static final int MAX_RECORDS = 1000;
    /** Characters of one record as JSON. */
    public static final int MAX_RECORD_CHARS = 20_000;

    private final Layouts layouts = Layouts.load();

    @PersistenceContext
    EntityManager em;

    @Inject
    PortalAccounts accounts;

    @Inject
    AuditTrail audit;

    public Layouts layouts() {
        return layouts;
    }

    /** The layout of an API's resource, or 404 when the API serves no such resource. */
    public Layout layout(MynaApi api, String resource) {
        return layouts.find(api, resource).orElseThrow(() -> RuleViolation.notFound("Resource", api.code() + "/" + resource));
    }

    /**
     * A page of a person's records, newest first, with the number of records the filter matches. One SQL query reads
     * the page and the total together (a window count, evaluated before the offset); only a page past the end needs
     * a second query for the total. The bodies are read as text, not as entities: nothing here is changed.
     */
    @Transactional
    public RecordPage page(PersonId person, Layout layout, Optional<LocalDate> from, Optional<LocalDate> to,
                           int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select body, count(*) over () from person_record "
                        + "where person_id = ?1 and api = ?2 and resource = ?3 and record_date >= ?4 and record_date <= ?5 "
                        + "order by record_date desc, position offset ?6 rows fetch next ?7 rows only")
                .setParameter(1, person.value()).setParameter(2, layout.api().code())
                .setParameter(3, layout.resource())
                .setParameter(4, from.orElse(LocalDate.of(1, 1, 1)))
                .setParameter(5, to.orElse(LocalDate.of(9999, 12, 31)))
                .setParameter(6, offset).setParameter(7, limit).getResultList();
        List<JsonObject> records = rows.stream().map(row -> PersonRecord.parse((String) row[0])).toList();
        long total = !rows.isEmpty() ? ((Number) rows.get(0)[1]).longValue()
                : offset == 0 ? 0 : matching(person, layout, from, to);
        return new RecordPage(records, total);
    }

    @Transactional
    public List<JsonObject> all(PersonId person, Layout layout, Optional<LocalDate> from) {
        return page(person, layout, from, Optional.empty(), 0, MAX_RECORDS).records();
    }

    /** What the caller may see of a person's records: 404 for a person it may not edit, as for an unknown one. */
    @Transactional
    public RecordPage read(Caller caller, PersonId person, MynaApi api, String resource, int offset, int limit) {
        requireAccess(caller, person);
        return page(person, layout(api, resource), Optional.empty(), Optional.empty(), offset, limit);
    }

    /** Replaces (or, with {@code append}, extends) a resource's records; every record is checked first. */
    @Transactional
    public long write(Caller caller, PersonId person, MynaApi api, String resource, JsonArray records, boolean append) {
        requireAccess(caller, person);
        Layout layout = layout(api, resource);
        long existing = append ? count(person, api, resource) : 0;
        if (existing + records.size() > MAX_RECORDS) {
            throw RuleViolation.invalid("records", "too-many-records",
                    "At most " + MAX_RECORDS + " records per person and resource (" + existing + " stored, "
                            + records.size() + " sent)",
                    "1 人・1 リソースあたりの記録は " + MAX_RECORDS + " 件までです (保存済み " + existing + " 件、送信 "
                            + records.size() + " 件)");
        }
        List<JsonObject> checked = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            String path = "records[" + i + "]";
            JsonValue value = records.get(i);
            layout.check(value, path); // record-not-object (README) when it is not an object
            JsonObject record = value.asJsonObject();
            if (record.toString().length() > MAX_RECORD_CHARS) {
                throw RuleViolation.invalid(path, "record-too-large",
                        path + " is longer than " + MAX_RECORD_CHARS + " characters as JSON",
                        path + " が JSON で " + MAX_RECORD_CHARS + " 文字を超えています");
            }
            checked.add(record);
        }
        if (!append) {
            em.createQuery("delete from PersonRecord r where r.personId = :person and r.api = :api and r.resource = :resource")
                    .setParameter("person", person.value()).setParameter("api", api.code())
                    .setParameter("resource", resource).executeUpdate();
        }
        store(person, layout, checked, (int) existing);
        audit.record(caller.name(), append ? "records.append" : "records.replace", "person/" + person,
                api.code() + "/" + resource + " records=" + checked.size());
        return existing + checked.size();
    }

    /** Stores records already checked (the demo data at start-up, and {@link #write}). */
    @Transactional
    public void store(PersonId person, Layout layout, List<JsonObject> records, int firstPosition) {
        for (int i = 0; i < records.size(); i++) {
            em.persist(new PersonRecord(person, layout.api(), layout.resource(), firstPosition + i,
                    layout.date(records.get(i)), records.get(i)));
        }
    }

    @Transactional
    public long count(PersonId person, MynaApi api, String resource) {
        return em.createQuery("select count(r) from PersonRecord r where r.personId = :person and r.api = :api "
                        + "and r.resource = :resource", Long.class)
                .setParameter("person", person.value()).setParameter("api", api.code())
                .setParameter("resource", resource).getSingleResult();
    }

    @Transactional
    public boolean hasAny(PersonId person) {
        return !em.createQuery("select r.id from PersonRecord r where r.personId = :person", String.class)
                .setParameter("person", person.value()).setMaxResults(1).getResultList().isEmpty();
    }

    private void requireAccess(Caller caller, PersonId person) {
        boolean allowed = accounts.exists(person)
                && (caller.operator() || caller.apiUser().filter(owner -> accounts.ownedBy(person, owner)).isPresent());
        if (!allowed) {
            throw RuleViolation.notFound("Person", person.value());
        }
    }

    private long matching(PersonId person, Layout layout, Optional<LocalDate> from, Optional<LocalDate> to) {
        return em.createQuery("select count(r) from PersonRecord r where r.personId = :person and r.api = :api "
                        + "and r.resource = :resource and r.recordDate >= :from and r.recordDate <= :to", Long.class)
                .setParameter("person", person.value()).setParameter("api", layout.api().code())
                .setParameter("resource", layout.resource())
                .setParameter("from", from.orElse(LocalDate.of(1, 1, 1)))
                .setParameter("to", to.orElse(LocalDate.of(9999, 12, 31))).getSingleResult();
    }

    @Override
    @Transactional
    public List<RecordSet> recordSets(Caller caller, PersonId person) {
        requireAccess(caller, person);
        return layouts.all().stream().map(l -> new RecordSet(l.api().code(), l.resource(), l.code(), l.nameJa(),
                l.nameEn(), count(person, l.api(), l.resource()))).toList();
    }

    @Override
    @Transactional
    public String records(Caller caller, PersonId person, String api, String resource) {
        RecordPage page = read(caller, person, apiOf(api), resource, 0, MAX_RECORDS);
        var text = new java.io.StringWriter();
        try (var writer = JSON.createWriterFactory(java.util.Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.writeArray(JSON.createArrayBuilder(page.records()).build());
        }
        return text.toString().strip();
    }

    /** The checks of {@code PUT …/records/{api}/{resource}}, in the same order and with the same messages. */
    @Override
    @Transactional
    public long replace(Caller caller, PersonId person, String api, String resource, String json) {
        MynaApi code = apiOf(api);
        JsonStructure parsed = JsonBodies.parse(json).orElseThrow(() -> RuleViolation.invalid("body", "malformed-json",
                "The body is not well-formed JSON", "リクエストボディが正しい JSON ではありません"));
        if (!(parsed instanceof JsonArray array)) {
            throw RuleViolation.invalid("body", "records-array", "The body must be a JSON array of records",
                    "リクエストボディは記録の JSON 配列で指定してください");
        }
        return write(caller, person, code, resource, array, false);
    }

    private static MynaApi apiOf(String code) {
        try {
            return MynaApi.fromCode(code);
        } catch (RuleViolation e) {
            throw RuleViolation.invalid("api", e.rule(), e.getMessage(), e.messageJa());
        }
    }
}
