package dev.mynasim.auth.token;

import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.secret.Secrets;
import dev.mynasim.registry.api.MynaApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refresh tokens with rotation: every use returns a new one and kills the old; a dead one used again revokes the
 * whole grant (OAuth 2.0 Security BCP §4.14.2). A grant that reaches {@code medical-insurance} may be refreshed
 * without a card step until {@code mynasim.medical.term-linkage} after its consent (医療保険情報の期間連携); other grants'
 * refresh tokens live {@code mynasim.token.refresh-ttl} each.
 */
@ApplicationScoped
public class RefreshTokens {

    /** Why a refresh token was refused, in words for error_description. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Consents consents;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "mynasim.token.refresh-ttl", defaultValue = "P1D")
    String refreshTtl;

    @Inject
    @ConfigProperty(name = "mynasim.medical.term-linkage", defaultValue = "P90D")
    String termLinkage;

    /** A new refresh token for the grant; the value is returned once and stored only as a hash. */
    @Transactional
    public String issue(OAuthGrant grant) {
        String value = Secrets.random();
        Instant now = clock.instant();
        em.persist(new RefreshToken(Secrets.hash(value), grant.id(), expiry(grant, now), now));
        return value;
    }

    /**
     * Takes a refresh token of this client: the grant it belongs to, its token now dead. A used token revokes the
     * grant; an expired one, one of another client or a revoked grant is refused.
     */
    @Transactional(dontRollbackOn = Refused.class)
    public OAuthGrant use(String value, String clientId) {
        RefreshToken token = em.createNamedQuery(RefreshToken.LOCK, RefreshToken.class)
                .setParameter("hash", Secrets.hash(value)).getResultStream().findFirst()
                .orElseThrow(() -> new Refused("the refresh token is unknown"));
        // the grant with its consent in one query
        Consents.GrantState state = consents.grantState(token.grantId())
                .orElseThrow(() -> new Refused("the grant is unknown"));
        OAuthGrant grant = state.grant();
        if (!grant.client().toString().equals(clientId)) {
            throw new Refused("the refresh token was issued to another client");
        }
        if (token.used()) {
            consents.revokeGrant(grant.id(), "refresh token used twice", "portal");
            throw new Refused("the refresh token was already used; the whole grant is now revoked");
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            throw new Refused("the refresh token has expired");
        }
        if (!state.stands()) {
            throw new Refused("the consent or grant behind the refresh token was revoked");
        }
        token.use(clock.instant());
        return grant;
    }

    /** The grant a refresh token belongs to, used or not (for revocation and introspection). */
    @Transactional
    public Optional<OAuthGrant> grantOf(String value) {
        return live(value).flatMap(token -> consents.findGrant(token.grantId()));
    }

    /** Whether a refresh token may still be used (unused and not expired), for introspection. */
    @Transactional
    public boolean usable(String value) {
        return live(value).filter(token -> !token.used() && clock.instant().isBefore(token.expiresAt())).isPresent();
    }

    private Optional<RefreshToken> live(String value) {
        return value == null || value.isBlank() ? Optional.empty()
                : Optional.ofNullable(em.find(RefreshToken.class, Secrets.hash(value)));
    }

    private Instant expiry(OAuthGrant grant, Instant now) {
        if (grant.apis().contains(MynaApi.MEDICAL_INSURANCE)) {
            return grant.createdAt().plus(Duration.parse(termLinkage));
        }
        return now.plus(Duration.parse(refreshTtl));
    }
}
