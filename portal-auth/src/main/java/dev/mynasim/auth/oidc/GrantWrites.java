package dev.mynasim.auth.oidc;

import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.flow.IssuedCode;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.auth.token.RefreshTokens;
import dev.mynasim.registry.api.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The writes of one token request of the OpenID Connect door in one transaction: one commit and one lock of the audit
 * chain's head. The grant handlers sign the tokens after it commits, outside the transaction and its locks; the
 * refresh token is in the database before the answer names it.
 */
@ApplicationScoped
public class GrantWrites {

    /** What a token request wrote: the grant and its new refresh token (the value, shown once). */
    public record Written(OAuthGrant grant, String refreshToken) {
    }

    @Inject
    Consents consents;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    AccessTokens tokens;

    @PersistenceContext
    EntityManager em;

    /** A redeemed code's grant (audited {@code grant.issue}), its first refresh token and {@code token.issue}. */
    @Transactional
    public Written grant(IssuedCode issued) {
        OAuthGrant grant = consents.grant(issued.consentId(), issued.authTime(), issued.extras().attributes(), "portal");
        // the grant's row first: the refresh token's foreign key points at it
        em.flush();
        String refreshToken = refreshTokens.issue(grant);
        tokens.audit("token.issue", grant, GrantScopes.of(grant));
        return new Written(grant, refreshToken);
    }

    /**
     * Rotation (RFC 6749 §6): the old refresh token dies and a new one is stored, audited {@code token.refresh}. A
     * refusal commits what it did: a reused token revokes its grant, a token of the other environment is used up.
     */
    @Transactional(dontRollbackOn = {RefreshTokens.Refused.class, OAuthError.class})
    public Written rotate(String refreshToken, String clientId, Environment environment) {
        OAuthGrant grant = refreshTokens.use(refreshToken, clientId);
        if (grant.environment() != environment) {
            throw new OAuthError(400, "invalid_grant", "the refresh token belongs to another environment");
        }
        String next = refreshTokens.issue(grant);
        tokens.audit("token.refresh", grant, GrantScopes.of(grant));
        return new Written(grant, next);
    }
}
