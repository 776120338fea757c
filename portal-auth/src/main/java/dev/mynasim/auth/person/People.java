package dev.mynasim.auth.person;

import dev.mynasim.auth.api.PersonId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

/** Persons and their portal registration. */
@ApplicationScoped
public class People {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

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
}
