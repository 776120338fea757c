package dev.mynasim.auth.person;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.api.PortalAccounts.AttributeLink;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** 属性連携: a person's portal account linked to one service's own account id, per environment. */
@Entity
@Table(name = "attribute_link")
@IdClass(AttributeLinkRow.Key.class)
public class AttributeLinkRow {

    /** The composite key: person, environment, service. */
    public record Key(String personId, String environment, String clientId) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "person_id")
    private String personId;
    @Id
    @Column(name = "environment")
    private String environment;
    @Id
    @Column(name = "client_id")
    private String clientId;
    @Column(name = "external_account_id")
    private String serviceAccountId;
    @Column(name = "linked_at")
    private Instant linkedAt;

    protected AttributeLinkRow() {
    }

    AttributeLinkRow(PersonId person, Environment environment, ClientId client, String serviceAccountId, Instant now) {
        this.personId = person.value();
        this.environment = environment.name();
        this.clientId = client.toString();
        relink(serviceAccountId, now);
    }

    void relink(String serviceAccountId, Instant now) {
        this.serviceAccountId = serviceAccountId;
        this.linkedAt = now;
    }

    AttributeLink view() {
        return new AttributeLink(new PersonId(personId), Environment.valueOf(environment), ClientId.parse(clientId),
                serviceAccountId, linkedAt);
    }
}
