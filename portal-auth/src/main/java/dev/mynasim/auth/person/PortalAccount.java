package dev.mynasim.auth.person;

import dev.mynasim.auth.api.PersonId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** 利用者登録: whether and when a person registered with the portal (the user-registration API's subject). */
@Entity
@Table(name = "portal_account")
public class PortalAccount {

    @Id
    @Column(name = "person_id")
    private String personId;
    @Column(name = "registered_at")
    private Instant registeredAt;

    protected PortalAccount() {
    }

    public PortalAccount(PersonId person, Instant registeredAt) {
        this.personId = person.value();
        this.registeredAt = registeredAt;
    }

    public Optional<Instant> registeredAt() {
        return Optional.ofNullable(registeredAt);
    }

    public void register(Instant now) {
        if (registeredAt == null) {
            registeredAt = now;
        }
    }
}
