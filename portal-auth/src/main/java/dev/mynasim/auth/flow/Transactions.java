package dev.mynasim.auth.flow;

import dev.mynasim.auth.flow.AuthorizationTransaction.Stage;
import dev.mynasim.auth.flow.FlowStore.Kind;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServiceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The authorizations in progress, in the flow store: found by id at the step they are at, until they expire. */
@ApplicationScoped
public class Transactions {

    static final Duration LIFETIME = Duration.ofMinutes(30);

    private final FlowStore store;
    private final ServiceDirectory directory;
    private final AccessTokens tokens;
    private final Clock clock;

    @Inject
    public Transactions(FlowStore store, ServiceDirectory directory, AccessTokens tokens, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** For the container's proxy. */
    protected Transactions() {
        this(null, null, null, null);
    }

    /** The transaction, if it exists, is at this step and has not outlived {@link #LIFETIME}. */
    Optional<AuthorizationTransaction> at(String id, Stage stage) {
        return store.get(Kind.TRANSACTION, id, AuthorizationTransaction.class)
                .filter(tx -> tx.stage() == stage)
                .filter(tx -> clock.instant().isBefore(tx.createdAt().plus(LIFETIME)));
    }

    void save(AuthorizationTransaction tx) {
        store.put(Kind.TRANSACTION, tx.id(), tx);
    }

    void end(AuthorizationTransaction tx) {
        store.remove(Kind.TRANSACTION, tx.id());
    }

    RegisteredService service(AuthorizationTransaction tx) {
        return directory.find(tx.environment(), ClientId.parse(tx.clientId()))
                .orElseThrow(() -> RuleViolation.notFound("Service", tx.clientId()));
    }

    /** The errors of a transaction go to its redirect URI with its state (and the issuer on the OpenID Connect door). */
    ErrorRedirect errors(AuthorizationTransaction tx) {
        return new ErrorRedirect(tx.redirectUri(), tx.state(), issuerOf(tx));
    }

    /** The issuer to name in the responses of a transaction: only the OpenID Connect door's. */
    String issuerOf(AuthorizationTransaction tx) {
        return tx.oidc() ? tokens.issuer(tx.environment()) : null;
    }
}
