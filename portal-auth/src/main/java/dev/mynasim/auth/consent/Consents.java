package dev.mynasim.auth.consent;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.secret.Secrets;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Records consent decisions and grants, and revokes them (DESIGN.md 9.5: revocation makes tokens fail at once). */
@ApplicationScoped
public class Consents {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AuditTrail audit;

    @Transactional
    public Consent decide(PersonId person, Environment environment, ClientId client, Set<MynaApi> apis,
                          String consentText, boolean approve, boolean cardSkipped, String actor) {
        var consent = new Consent(person, environment, client, apis, Secrets.hash(consentText),
                approve ? Consent.Decision.GRANTED : Consent.Decision.DENIED, cardSkipped, clock.instant());
        em.persist(consent);
        audit.record(actor, approve ? "consent.granted" : "consent.denied",
                environment.path() + "/" + client, "consent=" + consent.id() + " person=" + person
                        + " apis=" + String.join(",", apis.stream().map(MynaApi::code).sorted().toList())
                        + " cardSkipped=" + cardSkipped);
        return consent;
    }

    @Transactional
    public OAuthGrant grant(String consentId, Instant authTime, java.util.List<String> attributes, String actor) {
        Consent consent = em.find(Consent.class, consentId);
        var grant = new OAuthGrant(consent.id(), consent.environment(), consent.client(), consent.person(),
                consent.apis(), attributes, authTime, consent.cardSkipped(), clock.instant());
        em.persist(grant);
        audit.record(actor, "grant.issue", consent.environment().path() + "/" + consent.client(),
                "grant=" + grant.id() + " consent=" + consent.id());
        return grant;
    }

    @Transactional
    public Optional<OAuthGrant> findGrant(String grantId) {
        return grantId == null ? Optional.empty() : Optional.ofNullable(em.find(OAuthGrant.class, grantId));
    }

    /**
     * The grant with whether it stands, read with its consent in one query: for the token checks of every data call.
     * Empty for an unknown grant.
     */
    @Transactional
    public Optional<GrantState> grantState(String grantId) {
        if (grantId == null) {
            return Optional.empty();
        }
        return em.createQuery("select g, c from OAuthGrant g left join Consent c on c.id = g.consentId "
                        + "where g.id = :id", Object[].class)
                .setParameter("id", grantId).getResultStream().findFirst().map(row -> {
                    OAuthGrant grant = (OAuthGrant) row[0];
                    return new GrantState(grant, stands(grant, (Consent) row[1]));
                });
    }

    /** A grant and whether it stands (neither it nor its consent revoked), as read together. */
    public record GrantState(OAuthGrant grant, boolean stands) {
    }

    /** A grant stands while neither it nor the consent behind it is revoked. */
    @Transactional
    public boolean stands(OAuthGrant grant) {
        return stands(grant, em.find(Consent.class, grant.consentId()));
    }

    private static boolean stands(OAuthGrant grant, Consent consent) {
        return !grant.revoked() && consent != null && !consent.revoked();
    }

    @Transactional
    public void revokeGrant(String grantId, String reason, String actor) {
        OAuthGrant grant = em.find(OAuthGrant.class, grantId);
        if (grant != null) {
            grant.revoke(reason, clock.instant());
            audit.record(actor, "grant.revoke", grant.environment().path() + "/" + grant.client(),
                    "grant=" + grantId + " reason=" + reason);
        }
    }

    /**
     * The newest standing consent (granted, not revoked) of a person to a service that covers these APIs, given to the
     * consent text the service shows now; with attributes asked for, one of its grants must have carried them too,
     * since the consent row records APIs only. For registrations that remember consent (README, Certification).
     */
    @Transactional
    public Optional<Consent> standing(PersonId person, Environment environment, ClientId client, Set<MynaApi> apis,
                                      java.util.List<String> attributes, String consentText) {
        return em.createQuery("select c from Consent c where c.personId = :person and c.environment = :environment "
                        + "and c.clientId = :client and c.decision = :granted and c.revokedAt is null "
                        + "and c.consentTextHash = :text order by c.decidedAt desc", Consent.class)
                .setParameter("person", person.value()).setParameter("environment", environment)
                .setParameter("client", client.toString()).setParameter("granted", Consent.Decision.GRANTED)
                .setParameter("text", Secrets.hash(consentText)).getResultStream()
                .filter(c -> c.apis().containsAll(apis))
                .filter(c -> attributes.isEmpty() || em.createQuery("select g from OAuthGrant g where g.consentId = :id",
                        OAuthGrant.class).setParameter("id", c.id()).getResultStream()
                        .anyMatch(g -> g.attributes().containsAll(attributes)))
                .findFirst();
    }

    /**
     * Records that a standing consent stood in for the consent screen: a consent of its own for this authorization
     * (the APIs asked for now, whether the card step was skipped now), audited with the consent it came from.
     */
    @Transactional
    public Consent remember(Consent standing, Set<MynaApi> apis, boolean cardSkipped) {
        var consent = new Consent(standing.person(), standing.environment(), standing.client(), apis,
                standing.consentTextHash(), Consent.Decision.GRANTED, cardSkipped, clock.instant());
        em.persist(consent);
        audit.record("portal", "consent.remembered", standing.environment().path() + "/" + standing.client(),
                "consent=" + consent.id() + " from=" + standing.id() + " person=" + standing.person()
                        + " apis=" + String.join(",", apis.stream().map(MynaApi::code).sorted().toList())
                        + " cardSkipped=" + cardSkipped);
        return consent;
    }

    /** The consents given (連携) by a person, newest first, as the caller may see them. */
    @Transactional
    public java.util.List<Consent> given(PersonId person, dev.mynasim.registry.api.Caller caller) {
        return em.createQuery("select c from Consent c where c.personId = :person and c.decision = :granted "
                        + "order by c.decidedAt desc", Consent.class)
                .setParameter("person", person.value()).setParameter("granted", Consent.Decision.GRANTED)
                .getResultList().stream().filter(c -> caller.mayAccess(c.client().apiUser())).toList();
    }

    /**
     * 連携を解除: revokes a consent; every grant behind it stops at once (DESIGN.md 9.5). Another API user's consent
     * answers 404 like an unknown one.
     */
    @Transactional
    public Consent revokeConsent(String consentId, dev.mynasim.registry.api.Caller caller) {
        Consent consent = Optional.ofNullable(consentId == null ? null : em.find(Consent.class, consentId))
                .filter(c -> caller.mayAccess(c.client().apiUser()))
                .orElseThrow(() -> dev.mynasim.registry.api.RuleViolation.notFound("Consent", consentId));
        if (!consent.revoked()) {
            consent.revoke(clock.instant());
            audit.record(caller.name(), "consent.revoke", consent.environment().path() + "/" + consent.client(),
                    "consent=" + consentId + " person=" + consent.person());
        }
        return consent;
    }
}
