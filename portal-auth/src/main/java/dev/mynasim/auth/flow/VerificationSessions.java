package dev.mynasim.auth.flow;

import dev.mynasim.auth.api.PortalFlow.SessionCookie;
import dev.mynasim.auth.card.CardVerification;
import dev.mynasim.auth.flow.FlowStore.Kind;
import dev.mynasim.auth.secret.Secrets;
import dev.mynasim.auth.skip.SkipDomain;
import dev.mynasim.auth.skip.VerifiedCard;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verification sessions (DESIGN.md 4): what a card read establishes, kept by the hash of its cookie's value, and the
 * one way a card step completes (a page's read, a headless read, an outside signature).
 */
@ApplicationScoped
public class VerificationSessions {

    private final FlowStore store;
    private final Transactions transactions;
    private final boolean secureCookie;

    @Inject
    public VerificationSessions(FlowStore store, Transactions transactions,
                         @ConfigProperty(name = "mynasim.base-url", defaultValue = "http://localhost:8080") String baseUrl) {
        this.store = store;
        this.transactions = transactions;
        this.secureCookie = baseUrl != null && baseUrl.startsWith("https:");
    }

    /** For the container's proxy. */
    protected VerificationSessions() {
        this(null, null, null);
    }

    public static String cookieName(Environment environment) {
        return "mynasim_vs_" + environment.path();
    }

    /** The session a request's cookie names, if it is still kept. */
    Optional<SessionRecord> find(Optional<String> cookie) {
        return cookie.flatMap(value -> store.get(Kind.SESSION, Secrets.hash(value), SessionRecord.class));
    }

    /** A transaction whose card step was just completed, stored at consent, and the new session's cookie. */
    record CardStepDone(AuthorizationTransaction transaction, SessionCookie cookie) {
    }

    /**
     * Completes the card step of a transaction with a verified read: a new verification session for every read (a
     * fresh cookie value, so the session id changes, DESIGN.md 9.7) and the transaction at its consent step.
     */
    CardStepDone complete(AuthorizationTransaction tx, CardVerification.Outcome read) {
        RegisteredService service = transactions.service(tx);
        String value = Secrets.random();
        SkipDomain domain = SkipDomain.of(tx.environment(), service.clientId(), service.group());
        String person = read.person().orElseThrow().value();
        store.put(Kind.SESSION, Secrets.hash(value), new SessionRecord(
                new VerifiedCard(tx.environment(), domain, read.serial(), read.at()), person));
        AuthorizationTransaction next = tx.verified(person, read.at(), false);
        transactions.save(next);
        return new CardStepDone(next, new SessionCookie(cookieName(tx.environment()), value,
                (int) Duration.ofDays(1).toSeconds(), secureCookie));
    }
}
