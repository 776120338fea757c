package dev.mynasim.auth.flow;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.api.PortalFlow.SessionCookie;
import dev.mynasim.auth.card.CardVerification;
import dev.mynasim.auth.card.VirtualCards;
import dev.mynasim.auth.flow.AuthorizationTransaction.Stage;
import dev.mynasim.auth.secret.Secrets;
import dev.mynasim.auth.skip.CardState;
import dev.mynasim.auth.skip.SkipDecision;
import dev.mynasim.auth.skip.SkipPolicy;
import dev.mynasim.auth.skip.SkipRequest;
import dev.mynasim.auth.token.PairwiseSubjects;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RequestFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts the transaction of a validated request of either door: the skip rule decides between the card step and
 * consent; headless parameters (TEST) complete steps without a page; {@code prompt=none} fails where a page is needed.
 */
@ApplicationScoped
public class AuthorizationStart {

    private final Transactions transactions;
    private final VerificationSessions sessions;
    private final PortalSteps steps;
    private final VirtualCards cards;
    private final CardVerification verification;
    private final AuthorizationFaults faults;
    private final PairwiseSubjects subjects;
    private final AuditTrail audit;
    private final Clock clock;
    private final SkipPolicy policy;

    @Inject
    public AuthorizationStart(Transactions transactions, VerificationSessions sessions, PortalSteps steps, VirtualCards cards,
                       CardVerification verification, AuthorizationFaults faults, PairwiseSubjects subjects,
                       AuditTrail audit, Clock clock,
                       @ConfigProperty(name = "mynasim.verification.skip-window", defaultValue = "PT10M") String skipWindow) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.steps = steps;
        this.cards = cards;
        this.verification = verification;
        this.faults = faults;
        this.subjects = subjects;
        this.audit = audit;
        this.clock = clock;
        this.policy = skipWindow == null ? null : new SkipPolicy(Duration.parse(skipWindow));
    }

    /** For the container's proxy. */
    protected AuthorizationStart() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    public AuthorizeOutcome begin(AuthorizationRequest request, Optional<String> cookie) {
        Environment environment = request.environment();
        RegisteredService service = request.service();
        Optional<String> loginHint = request.loginHintCard();
        Instant now = clock.instant();
        var transaction = new AuthorizationTransaction(Secrets.random(), environment, service.clientId().toString(),
                request.redirectUri(), request.state(), request.promptLogin(), request.maxAge(), Stage.CARD, null, null,
                false, null, now, request.extras(), request.headlessConsent().orElse(null));
        ErrorRedirect error = transactions.errors(transaction);
        Optional<SessionRecord> session = sessions.find(cookie);
        // a card whose key was exported is, in PRODUCTION, as good as revoked: its key proves nothing there any more
        CardState card = session.flatMap(s -> cards.find(s.card().cardSerial()))
                .map(c -> CardVerification.exportedInProduction(c, environment) ? CardState.REVOKED : c.state(now))
                .map(state -> faults.cardState(environment, service.clientId(), state)).orElse(CardState.UNKNOWN);
        // a login_hint naming another card than the session's asks for that card to be read, not for a skip
        boolean otherCard = loginHint.isPresent() && session.isPresent()
                && !loginHint.get().equals(session.get().card().cardSerial());
        // an id_token_hint of another person than the session's asks for a card read too (OpenID Connect Core §3.1.2.1)
        boolean otherPerson = request.hintedSubject().isPresent() && session.isPresent()
                && !subjects.subject(new PersonId(session.get().personId()), service.clientId().apiUser(), environment)
                .equals(request.hintedSubject().get());
        SkipDecision decision = policy.decide(new SkipRequest(environment,
                        service.clientId(), service.group(), service.skipFeature() && service.usable(),
                        request.promptLogin() || otherCard || otherPerson,
                        Optional.ofNullable(request.maxAge()).map(Duration::ofSeconds)),
                session.map(SessionRecord::card), card, now);
        String subject = environment.path() + "/" + service.clientId();
        audit.record("portal", decision.skip() ? "verification.skipped" : "verification.required", subject,
                "reason=" + decision.reason() + session.map(s -> " person=" + s.personId()).orElse(""));
        // for the connection-test report (README: Request log): case 2 is a skip within a group's domain
        RequestFacts.note("verification", decision.skip() ? "skipped" : "required");
        if (decision.skip()) {
            RequestFacts.note("skip.case", service.group().isPresent() ? "2" : "1");
            transaction = transaction.verified(session.get().personId(), session.get().card().authTime(), true);
        }
        if (request.promptNone()) {
            // OpenID Connect Core §3.1.2.6: no page may be shown; consent is asked on every authorization, unless the
            // registration remembers a standing consent (TEST, for certification)
            Optional<String> remembered = decision.skip() ? steps.remembered(transaction, service) : Optional.empty();
            if (remembered.isPresent()) {
                return PortalPages.isPage(remembered.get()) ? error.to("interaction_required",
                        "the portal registration step (利用者登録) needs a page") : new AuthorizeOutcome.Redirect(remembered.get(),
                        Optional.empty());
            }
            return error.to(decision.skip() ? "consent_required" : "login_required",
                    decision.skip() ? "consent is asked on every authorization, so a page is needed"
                            : "a card read is needed: " + decision.reason().description());
        }
        // every check of the request before the card read, which counts toward the card's lock (DESIGN.md 9.9)
        Optional<String> headlessConsent = request.headlessConsent();
        if (headlessConsent.isPresent() && loginHint.isEmpty() && !(environment == Environment.TEST && service.headless())) {
            return error.to("invalid_request", "mynasim_consent is available to headless TEST registrations only");
        }
        if (headlessConsent.isPresent() && !headlessConsent.get().equals("approve")
                && !headlessConsent.get().equals("cancel")) {
            // checked at the card step too: the transaction keeps it for a card step done by outside signature
            return error.to("invalid_request", "mynasim_consent must be approve or cancel");
        }
        Optional<SessionCookie> newCookie = Optional.empty();
        if (transaction.stage() == Stage.CARD && loginHint.isPresent()) {
            String serial = loginHint.get();
            String txId = transaction.id();
            var outcome = faults.card(environment, service.clientId(), serial, txId, "headless", "client=" + subject)
                    .orElseGet(() -> verification.read(serial, request.pin().orElse(null), environment, "headless",
                            "client=" + subject));
            if (!outcome.verified()) {
                return error.to("access_denied", "headless card step failed: " + outcome.code() + " (" + outcome.message() + ")");
            }
            VerificationSessions.CardStepDone done = sessions.complete(transaction, outcome);
            newCookie = Optional.of(done.cookie());
            transaction = done.transaction();
        }
        if (transaction.stage() == Stage.CONSENT && headlessConsent.isPresent()) {
            transactions.save(transaction);
            return new AuthorizeOutcome.Redirect(steps.headlessConsent(transaction.id(), headlessConsent.get()), newCookie);
        }
        Optional<String> remembered = transaction.stage() == Stage.CONSENT && headlessConsent.isEmpty()
                ? steps.remembered(transaction, service) : Optional.empty();
        if (remembered.isPresent()) {
            return new AuthorizeOutcome.Redirect(remembered.get(), newCookie);
        }
        transactions.save(transaction);
        String page = transaction.stage() == Stage.CARD ? PortalPages.cardStep(transaction.id())
                : PortalPages.consent(transaction.id());
        return new AuthorizeOutcome.Redirect(page, newCookie);
    }
}
