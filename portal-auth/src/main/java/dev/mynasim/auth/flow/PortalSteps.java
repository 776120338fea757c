package dev.mynasim.auth.flow;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.api.PortalFlow;
import dev.mynasim.auth.card.CardVerification;
import dev.mynasim.auth.card.VirtualCard;
import dev.mynasim.auth.card.VirtualCards;
import dev.mynasim.auth.consent.Consent;
import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.flow.AuthorizationTransaction.Stage;
import dev.mynasim.auth.person.People;
import dev.mynasim.auth.person.Person;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RequestFacts;
import dev.mynasim.registry.api.RequestLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The steps of an authorization in progress as the portal's pages walk them (the card step, consent, the
 * registration step), and their headless counterpart (TEST): each answer says where the browser goes next.
 */
@ApplicationScoped
public class PortalSteps implements PortalFlow {

    static final Refusal EXPIRED = new Refusal("transaction-expired",
            "この手続きは有効期限が切れたか、既に完了しています。サービスの画面からやり直してください",
            "This step has expired or is already complete; start again from the service");
    static final Refusal NOT_SELECTABLE = new Refusal("card-not-selectable", "このカードは選択できません",
            "This card cannot be chosen");

    private final Transactions transactions;
    private final VerificationSessions sessions;
    private final CodeStore codes;
    private final VirtualCards cards;
    private final CardVerification verification;
    private final People people;
    private final Consents consents;
    private final AuthorizationFaults faults;
    private final AuditTrail audit;
    private final RequestLog requestLog;
    private final Clock clock;

    @Inject
    public PortalSteps(Transactions transactions, VerificationSessions sessions, CodeStore codes, VirtualCards cards,
                CardVerification verification, People people, Consents consents, AuthorizationFaults faults,
                AuditTrail audit, RequestLog requestLog, Clock clock) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.codes = codes;
        this.cards = cards;
        this.verification = verification;
        this.people = people;
        this.consents = consents;
        this.faults = faults;
        this.audit = audit;
        this.requestLog = requestLog;
        this.clock = clock;
    }

    /** For the container's proxy. */
    protected PortalSteps() {
        this(null, null, null, null, null, null, null, null, null, null, null);
    }

    @Override
    public Optional<CardStep> cardStep(String transactionId) {
        return transactions.at(transactionId, Stage.CARD).map(tx -> {
            RegisteredService service = transactions.service(tx);
            Instant now = clock.instant();
            List<VirtualCard> visible = cards.visibleTo(service.clientId().apiUser());
            Map<String, String> names = people.names(visible.stream().map(VirtualCard::person).toList());
            List<CardChoice> choices = visible.stream().map(card -> new CardChoice(card.serial(),
                    names.getOrDefault(card.person().value(), ""), state(card, now))).toList();
            return new CardStep(service.displayName(), service.apiUserName(), tx.environment().labelJa(), choices);
        });
    }

    @Override
    public Next readCard(String transactionId, String cardSerial, String pin) {
        Optional<AuthorizationTransaction> found = transactions.at(transactionId, Stage.CARD);
        if (found.isEmpty()) {
            return Next.stay(EXPIRED);
        }
        AuthorizationTransaction tx = found.get();
        RegisteredService service = transactions.service(tx);
        if (cards.find(cardSerial).flatMap(VirtualCard::owner).filter(o -> !o.equals(service.clientId().apiUser())).isPresent()) {
            return Next.stay(NOT_SELECTABLE);
        }
        String context = "client=" + tx.environment().path() + "/" + tx.clientId();
        var outcome = faults.card(tx.environment(), service.clientId(), cardSerial, tx.id(), "portal", context)
                .orElseGet(() -> verification.read(cardSerial, pin, tx.environment(), "portal", context));
        if (!outcome.verified()) {
            return Next.stay(new Refusal(outcome.code(), outcome.messageJa(), outcome.message()));
        }
        VerificationSessions.CardStepDone done = sessions.complete(tx, outcome);
        String location = remembered(done.transaction(), service).orElse(PortalPages.consent(tx.id()));
        return new Next(Optional.of(location), Optional.empty(), Optional.of(done.cookie()));
    }

    @Override
    public Next cancelCardStep(String transactionId) {
        Optional<AuthorizationTransaction> found = transactions.at(transactionId, Stage.CARD);
        if (found.isEmpty()) {
            return Next.stay(EXPIRED);
        }
        AuthorizationTransaction tx = found.get();
        transactions.end(tx);
        audit.record("portal", "verification.cancelled", tx.environment().path() + "/" + tx.clientId(),
                "the user stopped at the card step");
        return denied(tx, "the user stopped at the card step (連携をやめる)");
    }

    @Override
    public Optional<ConsentStep> consentStep(String transactionId) {
        return transactions.at(transactionId, Stage.CONSENT).map(tx -> {
            RegisteredService service = transactions.service(tx);
            List<ApiLine> apis = new ArrayList<>(apis(tx, service).stream().sorted()
                    .map(api -> new ApiLine(api, null)).toList());
            if (tx.oidc()) {
                tx.extras().attributes().forEach(a -> apis.add(new ApiLine(null, a)));
            }
            return new ConsentStep(service.apiUserName(), service.displayName(), service.consentText(), apis,
                    tx.verificationSkipped(), tx.environment().labelJa(), service.consentButton());
        });
    }

    @Override
    public Next decide(String transactionId, boolean approve) {
        return decide(transactionId, approve, "portal");
    }

    private Next decide(String transactionId, boolean approve, String actor) {
        Optional<AuthorizationTransaction> found = transactions.at(transactionId, Stage.CONSENT);
        if (found.isEmpty()) {
            return Next.stay(EXPIRED);
        }
        AuthorizationTransaction tx = found.get();
        RegisteredService service = transactions.service(tx);
        Consent consent = consents.decide(new PersonId(tx.personId()), tx.environment(), service.clientId(),
                apis(tx, service), service.consentText(), approve, tx.verificationSkipped(), actor);
        if (!approve) {
            transactions.end(tx);
            return denied(tx, "the user chose not to link the service (連携をやめる)");
        }
        return Next.to(afterConsent(tx, service, consent.id()));
    }

    @Override
    public Optional<RegistrationStep> registrationStep(String transactionId) {
        return transactions.at(transactionId, Stage.REGISTRATION).map(tx -> new RegistrationStep(
                transactions.service(tx).displayName(),
                people.find(new PersonId(tx.personId())).map(Person::name).orElse("")));
    }

    @Override
    public Next register(String transactionId, boolean approve) {
        Optional<AuthorizationTransaction> found = transactions.at(transactionId, Stage.REGISTRATION);
        if (found.isEmpty()) {
            return Next.stay(EXPIRED);
        }
        AuthorizationTransaction tx = found.get();
        if (!approve) {
            transactions.end(tx);
            return Next.to(transactions.errors(tx).location("access_denied", "the user did not register with the portal"));
        }
        people.register(new PersonId(tx.personId()));
        audit.record("portal", "portal-account.register", "person/" + tx.personId(), "client=" + tx.clientId());
        return Next.to(codes.issue(tx, tx.consentId()));
    }

    /**
     * The headless consent (TEST): approve or cancel as the consent page would; an approved consent also completes
     * the registration step (利用者登録) that follows it. Answers where the browser goes.
     */
    String headlessConsent(String transactionId, String preset) {
        String location = decide(transactionId, preset.equals("approve"), "headless").location().orElseThrow();
        Optional<String> registration = PortalPages.registrationOf(location);
        return registration.isPresent() ? register(registration.get(), true).location().orElseThrow() : location;
    }

    /**
     * Where a transaction at its consent step goes when its registration remembers consent (TEST, for OpenID Connect
     * certification runs) and the person's standing consent covers what is asked: past the consent screen, as
     * after 連携. Empty when a page must ask (the default: guideline, consent on every authorization).
     */
    Optional<String> remembered(AuthorizationTransaction tx, RegisteredService service) {
        if (!tx.oidc() || !tx.extras().consentMayBeRemembered() || !service.rememberConsent()
                || tx.environment() != Environment.TEST) {
            return Optional.empty();
        }
        return consents.standing(new PersonId(tx.personId()), tx.environment(), service.clientId(), apis(tx, service),
                        tx.extras().attributes(), service.consentText())
                .map(standing -> consents.remember(standing, apis(tx, service), tx.verificationSkipped()))
                .map(consent -> afterConsent(tx, service, consent.id()));
    }

    /** {@code error=access_denied} to the service; a page's stop goes to the request log as the portal's answer. */
    private Next denied(AuthorizationTransaction tx, String description) {
        if (!RequestFacts.collecting()) {
            requestLog.authorizationDenied(clock.instant(), tx.environment(), tx.clientId(), description);
        }
        return Next.to(transactions.errors(tx).location("access_denied", description));
    }

    /** After an approved (or remembered) consent: the registration step when the person needs one, else the code. */
    private String afterConsent(AuthorizationTransaction tx, RegisteredService service, String consentId) {
        if (service.apis().contains(MynaApi.USER_REGISTRATION) && !people.registered(new PersonId(tx.personId()))) {
            AuthorizationTransaction next = tx.awaitingRegistration(consentId);
            transactions.save(next);
            return PortalPages.registration(next.id());
        }
        return codes.issue(tx, consentId);
    }

    /** The OpenID Connect door asks for some of the service's APIs by scope; the Mynaportal door for all of them. */
    private static Set<MynaApi> apis(AuthorizationTransaction tx, RegisteredService service) {
        if (!tx.oidc()) {
            return service.apis();
        }
        return tx.extras().apis().stream().map(MynaApi::fromCode).collect(Collectors.toSet());
    }

    /** The card's state as the chooser words it; UNKNOWN does not occur for a card that exists. */
    private static String state(VirtualCard card, Instant now) {
        return switch (card.state(now)) {
            case USABLE, UNKNOWN -> "usable";
            case LOCKED -> "locked";
            case EXPIRED -> "expired";
            case REVOKED -> "revoked";
        };
    }
}
