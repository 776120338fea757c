package dev.mynasim.auth.flow;

import dev.mynasim.auth.api.PortalFlow.Next;
import dev.mynasim.auth.card.CardVerification;
import dev.mynasim.auth.card.VirtualCard;
import dev.mynasim.auth.card.VirtualCards;
import dev.mynasim.auth.flow.AuthorizationTransaction.Stage;
import dev.mynasim.auth.flow.FlowStore.Kind;
import dev.mynasim.auth.secret.Secrets;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The card step with a signature made outside the simulator (TEST): a challenge per transaction, signed by the card's
 * key with the integrator's own code, then checked as the page's card read is.
 */
@ApplicationScoped
public class OutsideSignature {

    /** Who signs the challenge in the audit trail. */
    static final String ACTOR = "outside-signature";
    /** How long a challenge may be signed: long enough for a human with a shell, short enough to be fresh. */
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

    /** A challenge of a card step in progress, as the integrator's signing code gets it. */
    public record CardChallenge(String transactionId, String challenge, Instant expiresAt) {
    }

    private final FlowStore store;
    private final Transactions transactions;
    private final VerificationSessions sessions;
    private final PortalSteps steps;
    private final VirtualCards cards;
    private final CardVerification verification;
    private final AuthorizationFaults faults;
    private final Clock clock;

    @Inject
    public OutsideSignature(FlowStore store, Transactions transactions, VerificationSessions sessions, PortalSteps steps,
                     VirtualCards cards, CardVerification verification, AuthorizationFaults faults, Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.sessions = sessions;
        this.steps = steps;
        this.cards = cards;
        this.verification = verification;
        this.faults = faults;
        this.clock = clock;
    }

    /** For the container's proxy. */
    protected OutsideSignature() {
        this(null, null, null, null, null, null, null, null);
    }

    /**
     * Draws a fresh 256-bit challenge for the card step of a transaction (a new one replaces the one before), to be
     * signed by the card's key outside the simulator. TEST only.
     */
    public CardChallenge cardChallenge(Environment environment, String transactionId) {
        AuthorizationTransaction tx = cardStep(environment, transactionId);
        CardChallenge challenge = new CardChallenge(tx.id(), Secrets.random(), clock.instant().plus(CHALLENGE_LIFETIME));
        store.put(Kind.CARD_CHALLENGE, tx.id(), challenge);
        return challenge;
    }

    /**
     * Completes the card step with a signature made outside: RS256 over the ASCII bytes of the challenge, with the
     * card's certificate. The challenge is used up by the attempt, whatever its outcome. Checks and audit as the
     * page's card read, the card step's failure rules included; a failure is a rule violation whose rule is the
     * card step's code ({@code card-locked}, {@code certificate-expired} …). On success the verification session
     * starts as after a page read, and the browser goes on to consent (or, with the request's headless
     * {@code mynasim_consent}, straight back to the service).
     */
    public Next signedCardStep(Environment environment, String transactionId, X509Certificate certificate,
                               byte[] signature) {
        AuthorizationTransaction tx = cardStep(environment, transactionId);
        CardChallenge challenge = store.take(Kind.CARD_CHALLENGE, tx.id(), CardChallenge.class)
                .orElseThrow(() -> RuleViolation.conflict("challenge", "challenge-required",
                        "Fetch a challenge first (GET …/challenge); each challenge serves one attempt",
                        "先にチャレンジを取得してください (GET …/challenge)。チャレンジは 1 回の試行にのみ使えます"));
        if (!clock.instant().isBefore(challenge.expiresAt())) {
            throw RuleViolation.conflict("challenge", "challenge-expired",
                    "The challenge expired at " + challenge.expiresAt() + "; fetch a new one",
                    "チャレンジの有効期限 (" + challenge.expiresAt() + ") が切れました。新しいチャレンジを取得してください");
        }
        RegisteredService service = transactions.service(tx);
        String context = "client=" + tx.environment().path() + "/" + tx.clientId();
        String serial = cards.byCertificate(certificate).map(VirtualCard::serial)
                .orElse(certificate.getSubjectX500Principal().getName());
        CardVerification.Outcome outcome = faults.card(tx.environment(), service.clientId(), serial, tx.id(), ACTOR,
                        context)
                .orElseGet(() -> verification.readSigned(certificate,
                        challenge.challenge().getBytes(StandardCharsets.US_ASCII), signature, tx.environment(),
                        service.clientId().apiUser(), ACTOR, context));
        if (!outcome.verified()) {
            throw RuleViolation.forbidden(outcome.code(), outcome.message(), outcome.messageJa());
        }
        VerificationSessions.CardStepDone done = sessions.complete(tx, outcome);
        AuthorizationTransaction next = done.transaction();
        String location = next.consentPreset() == null
                ? steps.remembered(next, service).orElse(PortalPages.consent(next.id()))
                : steps.headlessConsent(next.id(), next.consentPreset());
        return new Next(Optional.of(location), Optional.empty(), Optional.of(done.cookie()));
    }

    /** A transaction of this environment at its card step; TEST only, like the other headless tools. */
    private AuthorizationTransaction cardStep(Environment environment, String transactionId) {
        if (environment != Environment.TEST) {
            throw RuleViolation.forbidden("outside-signature-test-only",
                    "Card steps with an outside signature are available in the TEST environment only",
                    "外部で作成した署名による本人確認は接続確認環境でのみ利用できます");
        }
        return transactions.at(transactionId, Stage.CARD).filter(tx -> tx.environment() == environment)
                .orElseThrow(() -> RuleViolation.notFound("Card step of transaction", transactionId));
    }
}
