package dev.mynasim.auth.consent;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What one code exchange granted; every token issued for it names it, so revoking it stops them all. */
@Entity
@Table(name = "oauth_grant")
public class OAuthGrant {

    @Id
    private String id;
    @Column(name = "consent_id")
    private String consentId;
    @Enumerated(EnumType.STRING)
    private Environment environment;
    @Column(name = "client_id")
    private String clientId;
    @Column(name = "person_id")
    private String personId;
    private String apis;
    /** The basic four attributes the person consented to release (OpenID Connect door scopes), space-separated. */
    private String attributes;
    @Column(name = "auth_time")
    private Instant authTime;
    @Column(name = "card_skipped")
    private boolean cardSkipped;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoke_reason")
    private String revokeReason;

    protected OAuthGrant() {
    }

    OAuthGrant(String consentId, Environment environment, ClientId client, PersonId person, Set<MynaApi> apis,
               java.util.List<String> attributes, Instant authTime, boolean cardSkipped, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.consentId = consentId;
        this.environment = environment;
        this.clientId = client.toString();
        this.personId = person.value();
        this.apis = apis.stream().map(MynaApi::code).sorted().collect(Collectors.joining(" "));
        this.attributes = String.join(" ", attributes);
        this.authTime = authTime;
        this.cardSkipped = cardSkipped;
        this.createdAt = now;
    }

    void revoke(String reason, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokeReason = reason;
        }
    }

    public String id() {
        return id;
    }

    public String consentId() {
        return consentId;
    }

    public Environment environment() {
        return environment;
    }

    public ClientId client() {
        return ClientId.parse(clientId);
    }

    public PersonId person() {
        return new PersonId(personId);
    }

    public Set<MynaApi> apis() {
        return Arrays.stream(apis.split(" ")).filter(code -> !code.isBlank()).map(MynaApi::fromCode)
                .collect(Collectors.toSet());
    }

    public java.util.List<String> attributes() {
        return attributes == null || attributes.isBlank() ? java.util.List.of() : java.util.List.of(attributes.split(" "));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant authTime() {
        return authTime;
    }

    public boolean cardSkipped() {
        return cardSkipped;
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public String revokeReason() {
        return revokeReason;
    }
}
