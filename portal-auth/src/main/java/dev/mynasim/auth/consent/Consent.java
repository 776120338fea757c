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

/**
 * One decision on the サービス連携 screen: which person, which service, which APIs, a hash of the consent text the
 * person saw, and whether the card step had been skipped (guideline 2.2: consent is asked per service).
 */
@Entity
@Table(name = "consent")
public class Consent {

    /** 連携 or 連携をやめる. */
    public enum Decision { GRANTED, DENIED }

    @Id
    private String id;
    @Column(name = "person_id")
    private String personId;
    @Enumerated(EnumType.STRING)
    private Environment environment;
    @Column(name = "client_id")
    private String clientId;
    private String apis;
    @Column(name = "consent_text_hash")
    private String consentTextHash;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    @Column(name = "card_skipped")
    private boolean cardSkipped;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected Consent() {
    }

    Consent(PersonId person, Environment environment, ClientId client, Set<MynaApi> apis, String consentTextHash,
            Decision decision, boolean cardSkipped, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.personId = person.value();
        this.environment = environment;
        this.clientId = client.toString();
        this.apis = apis.stream().map(MynaApi::code).sorted().collect(Collectors.joining(" "));
        this.consentTextHash = consentTextHash;
        this.decision = decision;
        this.cardSkipped = cardSkipped;
        this.decidedAt = now;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public String id() {
        return id;
    }

    public PersonId person() {
        return new PersonId(personId);
    }

    public ClientId client() {
        return ClientId.parse(clientId);
    }

    public Environment environment() {
        return environment;
    }

    public Set<MynaApi> apis() {
        return Arrays.stream(apis.split(" ")).filter(code -> !code.isBlank()).map(MynaApi::fromCode)
                .collect(Collectors.toSet());
    }

    public Decision decision() {
        return decision;
    }

    public boolean cardSkipped() {
        return cardSkipped;
    }

    public java.util.Optional<Instant> revokedAt() {
        return java.util.Optional.ofNullable(revokedAt);
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    String consentTextHash() {
        return consentTextHash;
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
