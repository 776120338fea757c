package dev.mynasim.auth.flow;

import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.flow.FlowStore.Kind;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.secret.Secrets;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RequestFacts;
import dev.mynasim.registry.api.SeededIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Authorization codes (RFC 6749 §4.1.2, §4.1.3): issued at the end of a transaction, single-use across the cluster,
 * short-lived and bound to their client and redirect URI; a code used twice revokes what its first use issued.
 * The store keeps only the code's hash.
 */
@ApplicationScoped
public class CodeStore {

    static final Duration LIFETIME = Duration.ofSeconds(60);

    private final FlowStore store;
    private final Transactions transactions;
    private final Consents consents;
    private final SeededIds seededIds;
    private final Clock clock;

    @Inject
    public CodeStore(FlowStore store, Transactions transactions, Consents consents, SeededIds seededIds, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.consents = consents;
        this.seededIds = seededIds;
        this.clock = clock;
    }

    /** For the container's proxy. */
    protected CodeStore() {
        this(null, null, null, null, null);
    }

    /** Ends the transaction with a code for its consent: where the browser goes, the service's redirect URI. */
    String issue(AuthorizationTransaction tx, String consentId) {
        // a TEST service with a seed gets a code derived from it (README: Deterministic ids)
        String code = seededIds.next(tx.environment(), ClientId.parse(tx.clientId()), SeededIds.Kind.CODE)
                .orElseGet(Secrets::random);
        Instant now = clock.instant();
        store.put(Kind.CODE, Secrets.hash(code), new IssuedCode(tx.environment(), tx.clientId(), tx.redirectUri(),
                consentId, tx.authTime(), now.plus(LIFETIME), tx.extras()));
        transactions.end(tx);
        String issuer = transactions.issuerOf(tx);
        return tx.redirectUri() + (tx.redirectUri().contains("?") ? "&" : "?") + "code=" + ErrorRedirect.encode(code)
                + (tx.state() == null ? "" : "&state=" + ErrorRedirect.encode(tx.state()))
                + (issuer == null ? "" : "&iss=" + ErrorRedirect.encode(issuer));
    }

    /**
     * RFC 6749 §4.1.3: takes the code (single use across the cluster) and checks it belongs to this environment,
     * client and redirect URI and has not expired; a code used twice revokes what its first use issued (§10.5).
     */
    public IssuedCode redeem(Environment environment, String clientIdText, String code, String redirectUri) {
        String codeHash = Secrets.hash(code);
        Optional<IssuedCode> issued = store.take(Kind.CODE, codeHash, IssuedCode.class);
        if (issued.isEmpty()) {
            Optional<String> replayed = store.get(Kind.USED_CODE, codeHash, String.class);
            if (replayed.isPresent()) {
                consents.revokeGrant(replayed.get(), "authorization code used twice", "portal");
                throw new OAuthError(400, "invalid_grant", "the code was already used; the tokens it issued are now revoked");
            }
            throw new OAuthError(400, "invalid_grant", "the code is unknown or expired");
        }
        IssuedCode granted = issued.get();
        // for the request log's diagnosis of a refused redemption (README: Request log); none of these is a secret
        RequestFacts.note("code.client", granted.clientId());
        RequestFacts.note("code.redirect_uri", granted.redirectUri());
        if (!clock.instant().isBefore(granted.expiresAt())) {
            throw new OAuthError(400, "invalid_grant", "the code has expired (codes live " + LIFETIME.toSeconds() + " s)");
        }
        if (granted.environment() != environment || !granted.clientId().equals(clientIdText)) {
            throw new OAuthError(400, "invalid_grant", "the code was issued to another client");
        }
        if (!granted.redirectUri().equals(redirectUri)) {
            throw new OAuthError(400, "invalid_grant", "redirect_uri differs from the one of the authorization request");
        }
        return granted;
    }

    /** After the tokens of a code are issued: a replay of the code will revoke this grant. */
    public void markUsed(String code, String grantId) {
        store.put(Kind.USED_CODE, Secrets.hash(code), grantId);
    }
}
