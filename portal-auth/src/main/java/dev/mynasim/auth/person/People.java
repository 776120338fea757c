package dev.mynasim.auth.person;

import dev.mynasim.auth.api.PortalAccounts;
import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RuleViolation;
import java.time.Instant;
import java.util.List;

import dev.mynasim.auth.api.PersonId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Persons, their portal registration and attribute links. */
@ApplicationScoped
public class People implements PortalAccounts {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AuditTrail audit;

    @Transactional
    public Person add(Person person, boolean registered) {
        em.persist(person);
        em.persist(new PortalAccount(person.id(), registered ? clock.instant() : null));
        em.flush();
        return person;
    }

    @Transactional
    public Optional<Person> find(PersonId id) {
        return Optional.ofNullable(em.find(Person.class, id.value()));
    }

    /** The names of several persons in one query (the card chooser shows each card's holder), by person id. */
    @Transactional
    public java.util.Map<String, String> names(java.util.Collection<PersonId> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("select p.id, p.name from Person p where p.id in :ids", Object[].class)
                .setParameter("ids", ids.stream().map(PersonId::value).distinct().toList()).getResultList().stream()
                .collect(java.util.stream.Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
    }

    @Transactional
    public boolean registered(PersonId id) {
        PortalAccount account = em.find(PortalAccount.class, id.value());
        return account != null && account.registeredAt().isPresent();
    }

    @Transactional
    public void register(PersonId id) {
        PortalAccount account = em.find(PortalAccount.class, id.value());
        if (account == null) {
            em.persist(new PortalAccount(id, clock.instant()));
        } else {
            account.register(clock.instant());
        }
    }

    @Override
    @Transactional
    public List<PersonId> all() {
        return em.createQuery("select p.id from Person p order by p.id", String.class).getResultList().stream()
                .map(PersonId::new).toList();
    }

    @Override
    @Transactional
    public boolean exists(PersonId person) {
        return em.find(Person.class, person.value()) != null;
    }

    @Override
    @Transactional
    public boolean ownedBy(PersonId person, ApiUserId apiUser) {
        return !em.createQuery("select c.serial from VirtualCard c where c.personId = :person "
                        + "and c.ownerApiUser = :owner", String.class)
                .setParameter("person", person.value()).setParameter("owner", apiUser.value())
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    @Transactional
    public Optional<Instant> registeredAt(PersonId person) {
        return Optional.ofNullable(em.find(PortalAccount.class, person.value())).flatMap(PortalAccount::registeredAt);
    }

    @Override
    @Transactional
    public Instant register(PersonId person, String actor) {
        Optional<Instant> already = registeredAt(person);
        if (already.isPresent()) {
            return already.get();
        }
        register(person);
        audit.record(actor, "portal-account.register", "person/" + person, "");
        return registeredAt(person).orElseThrow();
    }

    @Override
    @Transactional
    public Optional<AttributeLink> link(PersonId person, Environment environment, ClientId client) {
        return Optional.ofNullable(em.find(AttributeLinkRow.class, key(person, environment, client)))
                .map(AttributeLinkRow::view);
    }

    @Override
    @Transactional
    public AttributeLink link(PersonId person, Environment environment, ClientId client, String serviceAccountId,
                              String actor) {
        if (serviceAccountId == null || serviceAccountId.isBlank() || serviceAccountId.length() > 200) {
            throw RuleViolation.invalid("serviceAccountId", "service-account-id",
                    "The service's account id is required, at most 200 characters",
                    "サービス側のアカウント ID は必須で、200 文字以内です");
        }
        AttributeLinkRow row = em.find(AttributeLinkRow.class, key(person, environment, client));
        if (row == null) {
            row = new AttributeLinkRow(person, environment, client, serviceAccountId, clock.instant());
            em.persist(row);
        } else {
            row.relink(serviceAccountId, clock.instant());
        }
        audit.record(actor, "attribute-link.link", "person/" + person,
                environment.path() + " " + client + " account=" + serviceAccountId);
        return row.view();
    }

    @Override
    @Transactional
    public boolean unlink(PersonId person, Environment environment, ClientId client, String actor) {
        AttributeLinkRow row = em.find(AttributeLinkRow.class, key(person, environment, client));
        if (row == null) {
            return false;
        }
        em.remove(row);
        audit.record(actor, "attribute-link.unlink", "person/" + person, environment.path() + " " + client);
        return true;
    }

    private static AttributeLinkRow.Key key(PersonId person, Environment environment, ClientId client) {
        return new AttributeLinkRow.Key(person.value(), environment.name(), client.toString());
    }
}
