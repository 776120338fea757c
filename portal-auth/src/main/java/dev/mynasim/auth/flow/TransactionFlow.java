package dev.mynasim.auth.flow;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.api.PortalFlow;
import dev.mynasim.auth.api.PresentedCertificate;
import dev.mynasim.auth.card.CardVerification;
import dev.mynasim.auth.card.VirtualCard;
import dev.mynasim.auth.card.VirtualCards;
import dev.mynasim.auth.consent.Consent;
import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.auth.flow.AuthorizationTransaction.Stage;
import dev.mynasim.auth.flow.FlowStore.Kind;
import dev.mynasim.auth.person.People;
import dev.mynasim.auth.person.Person;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.secret.Secrets;
import dev.mynasim.auth.skip.CardState;
import dev.mynasim.auth.skip.SkipDecision;
import dev.mynasim.auth.skip.SkipDomain;
import dev.mynasim.auth.skip.SkipPolicy;
import dev.mynasim.auth.skip.SkipRequest;
import dev.mynasim.auth.skip.VerifiedCard;
import dev.mynasim.auth.tls.ClientCertificates;
import dev.mynasim.auth.token.AccessTokens;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RequestFacts;
import dev.mynasim.registry.api.SeededIds;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServiceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Mynaportal-compatible authorization (DESIGN.md 4, 5A): the request is checked, the skip rule decides between
 * the card step and consent, the pages (or headless parameters in TEST) walk the steps, and an approved consent
 * ends in a single-use code that the token endpoint exchanges.
 */
@ApplicationScoped
public class TransactionFlow implements PortalFlow {

    static final String PAGES = "/portal/";
    /** Longest value of one authorization request parameter. */
    static final int MAX_PARAMETER = 2048;
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    static final Duration TRANSACTION_LIFETIME = Duration.ofMinutes(30);

    /** The data each API returns, as the consent screen lists it. */
    static final Map<MynaApi, String> API_DATA = Map.of(
            MynaApi.SELF_INFO, "予防接種、自治体健診などの自己情報",
            MynaApi.MEDICAL_INSURANCE, "薬剤情報、特定健診情報、医療費通知情報",
            MynaApi.NOTICES, "お知らせ、民間送達",
            MynaApi.USER_REGISTRATION, "マイナポータルの利用者登録",
            MynaApi.ATTRIBUTE_LINKAGE, "マイナポータルとサービスのアカウントの連携 (属性連携)");

    @Inject
    ServiceDirectory directory;

    @Inject
    FlowStore store;

    @Inject
    VirtualCards cards;

    @Inject
    CardVerification verification;

    @Inject
    People people;

    @Inject
    Consents consents;

    @Inject
    AccessTokens tokens;

    @Inject
    dev.mynasim.auth.token.PairwiseSubjects subjects;

    @Inject
    AuditTrail audit;

    @Inject
    AuthorizationFaults faults;

    @Inject
    ClientCertificates certificates;

    @Inject
    Clock clock;

    @Inject
    dev.mynasim.registry.api.RequestLog requestLog;

    @Inject
    SeededIds seededIds;

    @Inject
    @ConfigProperty(name = "mynasim.verification.skip-window", defaultValue = "PT10M")
    String skipWindow;

    @Inject
    @ConfigProperty(name = "mynasim.authorize.login-types", defaultValue = "0")
    String loginTypes;

    @Inject
    @ConfigProperty(name = "mynasim.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    // ---- authorization endpoint ----

    /** RFC 6749 §4.1.1 with the door's own parameters; see README for every error and why. */
    public AuthorizeOutcome authorize(Environment environment, Map<String, List<String>> query, Optional<String> cookie) {
        ClientCheck client = checkClient(environment, query, null);
        if (client.refusal().isPresent()) {
            return client.refusal().get();
        }
        RegisteredService service = client.service();
        String state = single(query, "state").orElse(null);
        ErrorRedirect error = new ErrorRedirect(client.redirectUri(), state, null);
        Optional<String> redirectUri = Optional.of(client.redirectUri());
        if (!"code".equals(single(query, "response_type").orElse(null))) {
            return error.to("unsupported_response_type", "response_type must be code");
        }
        String loginType = single(query, "login_type").orElse(null);
        if (loginType == null || Arrays.stream(loginTypes.split(",")).map(String::trim).noneMatch(loginType::equals)) {
            return error.to("invalid_request", "login_type must be one of " + loginTypes + ", got " + loginType);
        }
        Optional<String> prompt = single(query, "prompt");
        if (prompt.isPresent() && !prompt.get().equals("login")) {
            return error.to("invalid_request", "this door supports prompt=login only (simulator extension)");
        }
        Long maxAge = null;
        if (single(query, "max_age").isPresent()) {
            String value = single(query, "max_age").get();
            if (!value.matches("\\d{1,9}")) {
                return error.to("invalid_request", "max_age must be a number of seconds");
            }
            maxAge = Long.parseLong(value);
        }
        Optional<String> loginHint = single(query, "login_hint");
        if (loginHint.isPresent()) {
            if (environment != Environment.TEST) {
                return error.to("invalid_request", "headless mode (login_hint) is available in the TEST environment only");
            }
            if (!service.headless()) {
                return error.to("invalid_request", "headless mode is not enabled for this service registration");
            }
            if (!loginHint.get().matches("card:\\d{12}")) {
                return error.to("invalid_request", "login_hint must be card: and a 12-digit card serial");
            }
        }

        return begin(new Begin(environment, service, redirectUri.get(), state, prompt.isPresent(), false, maxAge,
                loginHint.map(h -> h.substring(5)), single(query, "mynasim_pin"), single(query, "mynasim_consent"), null,
                Optional.empty()), cookie);
    }

    /** The client of an authorization request: its registration and redirect URI, or how to refuse the request. */
    public record ClientCheck(RegisteredService service, String redirectUri, Optional<AuthorizeOutcome> refusal) {
    }

    /**
     * What both doors check first (DESIGN.md 9.4): the client and its exact redirect URI, else an error page and
     * never a redirect; then repeated parameters and a registration that may not be used, as redirected errors; then
     * an {@code access_denied} that a failure rule injects.
     */
    public ClientCheck checkClient(Environment environment, Map<String, List<String>> query, String issuer) {
        Optional<ClientId> clientId = single(query, "client_id").flatMap(TransactionFlow::clientId);
        if (clientId.isEmpty()) {
            return refuse(new AuthorizeOutcome.ErrorPage("client_id がないか、形式が正しくありません (例: SP00000001_AA0001)。",
                    "client_id is missing or malformed (e.g. SP00000001_AA0001)."));
        }
        Optional<RegisteredService> found = directory.find(environment, clientId.get());
        if (found.isEmpty()) {
            return refuse(new AuthorizeOutcome.ErrorPage("client_id " + clientId.get() + " のサービスは" + environment.labelJa()
                    + "に登録されていません。", "No service " + clientId.get() + " is registered in " + environment.path() + "."));
        }
        RegisteredService service = found.get();
        Optional<String> redirectUri = single(query, "redirect_uri");
        if (redirectUri.isEmpty() || !service.allowsRedirectTo(redirectUri.get())) {
            return refuse(new AuthorizeOutcome.ErrorPage("redirect_uri がないか、このサービスに登録されたものと完全には一致しません: "
                    + redirectUri.orElse("(なし)"), "redirect_uri is missing or does not exactly match a registered one: "
                    + redirectUri.orElse("(none)")));
        }
        ErrorRedirect error = new ErrorRedirect(redirectUri.get(), single(query, "state").orElse(null), issuer);
        Optional<String> repeated = query.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .findFirst();
        if (repeated.isPresent()) {
            return new ClientCheck(service, redirectUri.get(), Optional.of(error.to("invalid_request",
                    "parameter " + repeated.get() + " is repeated (RFC 6749 §3.1)")));
        }
        Optional<String> unfit = query.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(v ->
                v != null && (v.length() > MAX_PARAMETER || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f))))
                .map(Map.Entry::getKey).findFirst();
        if (unfit.isPresent()) {
            return new ClientCheck(service, redirectUri.get(), Optional.of(error.to("invalid_request",
                    "parameter " + unfit.get() + " is longer than " + MAX_PARAMETER + " characters or holds control characters")));
        }
        if (!service.usable()) {
            return new ClientCheck(service, redirectUri.get(), Optional.of(error.to("unauthorized_client",
                    "the registration may not be used now: " + service.unusableReason().get())));
        }
        return new ClientCheck(service, redirectUri.get(), faults.authorize(environment, service.clientId(), error));
    }

    private static ClientCheck refuse(AuthorizeOutcome.ErrorPage page) {
        return new ClientCheck(null, null, Optional.of(page));
    }

    /** A validated authorization request of either door, ready to start its transaction. */
    public record Begin(Environment environment, RegisteredService service, String redirectUri, String state,
                        boolean promptLogin, boolean promptNone, Long maxAge, Optional<String> loginHintCard,
                        Optional<String> pin, Optional<String> headlessConsent, AuthorizationTransaction.Extras extras,
                        Optional<String> hintedSubject) {
    }

    /**
     * Starts the transaction of a validated request: the skip rule decides between the card step and consent;
     * headless parameters (TEST) complete steps without a page; {@code prompt=none} fails where a page is needed.
     */
    public AuthorizeOutcome begin(Begin request, Optional<String> cookie) {
        Environment environment = request.environment();
        RegisteredService service = request.service();
        ErrorRedirect error = new ErrorRedirect(request.redirectUri(), request.state(),
                request.extras() == null ? null : tokens.issuer(environment));
        Optional<String> loginHint = request.loginHintCard();
        Instant now = clock.instant();
        var transaction = new AuthorizationTransaction(Secrets.random(), environment, service.clientId().toString(),
                request.redirectUri(), request.state(), request.promptLogin(), request.maxAge(), Stage.CARD, null, null,
                false, null, now, request.extras(), request.headlessConsent().orElse(null));
        Optional<SessionRecord> session = cookie.flatMap(value -> store.get(Kind.SESSION, Secrets.hash(value), SessionRecord.class));
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
        SkipDecision decision = new SkipPolicy(Duration.parse(skipWindow)).decide(new SkipRequest(environment,
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
            Optional<String> remembered = decision.skip() ? remembered(transaction, service) : Optional.empty();
            if (remembered.isPresent()) {
                return remembered.get().startsWith(PAGES) ? error.to("interaction_required",
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
            newCookie = Optional.of(newSession(transaction, outcome.serial(), outcome.person().get(), outcome.at()));
            transaction = transaction.verified(outcome.person().get().value(), outcome.at(), false);
        }
        if (transaction.stage() == Stage.CONSENT && headlessConsent.isPresent()) {
            store.put(Kind.TRANSACTION, transaction.id(), transaction);
            return new AuthorizeOutcome.Redirect(headlessConsent(transaction.id(), headlessConsent.get()), newCookie);
        }
        Optional<String> remembered = transaction.stage() == Stage.CONSENT && headlessConsent.isEmpty()
                ? remembered(transaction, service) : Optional.empty();
        if (remembered.isPresent()) {
            return new AuthorizeOutcome.Redirect(remembered.get(), newCookie);
        }
        store.put(Kind.TRANSACTION, transaction.id(), transaction);
        String page = transaction.stage() == Stage.CARD ? "verify.xhtml" : "consent.xhtml";
        return new AuthorizeOutcome.Redirect(PAGES + page + "?tx=" + transaction.id(), newCookie);
    }

    /**
     * The headless consent (TEST): approve or cancel as the consent page would; an approved consent also completes
     * the registration step (利用者登録) that follows it. Answers where the browser goes.
     */
    private String headlessConsent(String transactionId, String preset) {
        Next next = decide(transactionId, preset.equals("approve"), "headless");
        String registration = PAGES + "register.xhtml?tx=";
        if (next.location().orElseThrow().startsWith(registration)) {
            next = register(next.location().get().substring(registration.length()), true);
        }
        return next.location().orElseThrow();
    }

    // ---- pages ----

    @Override
    public Optional<CardStep> cardStep(String transactionId) {
        return transaction(transactionId, Stage.CARD).map(tx -> {
            RegisteredService service = service(tx);
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
        Optional<AuthorizationTransaction> found = transaction(transactionId, Stage.CARD);
        if (found.isEmpty()) {
            return Next.stay(EXPIRED);
        }
        AuthorizationTransaction tx = found.get();
        RegisteredService service = service(tx);
        if (cards.find(cardSerial).flatMap(VirtualCard::owner).filter(o -> !o.equals(service.clientId().apiUser())).isPresent()) {
            return Next.stay("このカードは選択できません");
        }
        String context = "client=" + tx.environment().path() + "/" + tx.clientId();
        var outcome = faults.card(tx.environment(), service.clientId(), cardSerial, tx.id(), "portal", context)
                .orElseGet(() -> verification.read(cardSerial, pin, tx.environment(), "portal", context));
        if (!outcome.verified()) {
            return Next.stay(outcome.messageJa());
        }
        SessionCookie cookie = newSession(tx, outcome.serial(), outcome.person().get(), outcome.at());
        AuthorizationTransaction next = tx.verified(outcome.person().get().value(), outcome.at(), false);
        store.put(Kind.TRANSACTION, next.id(), next);
        String location = remembered(next, service).orElse(PAGES + "consent.xhtml?tx=" + next.id());
        return new Next(Optional.of(location), Optional.empty(), Optional.of(cookie));
    }

    @Override
    public Next cancelCardStep(String transactionId) {
        Optional<AuthorizationTransaction> found = transaction(transactionId, Stage.CARD);
        if (found.isEmpty()) {
            return Next.stay(EXPIRED);
        }
        AuthorizationTransaction tx = found.get();
        store.remove(Kind.TRANSACTION, tx.id());
        audit.record("portal", "verification.cancelled", tx.environment().path() + "/" + tx.clientId(),
                "the user stopped at the card step");
        return denied(tx, "the user stopped at the card step (連携をやめる)");
    }

    @Override
    public Optional<ConsentStep> consentStep(String transactionId) {
        return transaction(transactionId, Stage.CONSENT).map(tx -> {
            RegisteredService service = service(tx);
            List<ApiLine> apis = new java.util.ArrayList<>(apis(tx, service).stream().sorted()
                    .map(api -> new ApiLine(api, api.nameJa(), API_DATA.get(api))).toList());
            if (tx.extras() != null) {
                tx.extras().attributes().forEach(a -> apis.add(new ApiLine(null, ATTRIBUTES.get(a), "基本 4 情報")));
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
        Optional<AuthorizationTransaction> found = transaction(transactionId, Stage.CONSENT);
        if (found.isEmpty()) {
            return Next.stay(EXPIRED);
        }
        AuthorizationTransaction tx = found.get();
        RegisteredService service = service(tx);
        PersonId person = new PersonId(tx.personId());
        Consent consent = consents.decide(person, tx.environment(), service.clientId(), apis(tx, service),
                service.consentText(), approve, tx.verificationSkipped(), actor);
        if (!approve) {
            store.remove(Kind.TRANSACTION, tx.id());
            return denied(tx, "the user chose not to link the service (連携をやめる)");
        }
        return Next.to(afterConsent(tx, service, consent.id()));
    }

    /** {@code error=access_denied} to the service; a page's stop goes to the request log as the portal's answer. */
    private Next denied(AuthorizationTransaction tx, String description) {
        if (!RequestFacts.collecting()) {
            requestLog.authorizationDenied(clock.instant(), tx.environment(), tx.clientId(), description);
        }
        return Next.to(new ErrorRedirect(tx.redirectUri(), tx.state(), issuerOf(tx)).location("access_denied",
                description));
    }

    /** After an approved (or remembered) consent: the registration step when the person needs one, else the code. */
    private String afterConsent(AuthorizationTransaction tx, RegisteredService service, String consentId) {
        if (service.apis().contains(MynaApi.USER_REGISTRATION) && !people.registered(new PersonId(tx.personId()))) {
            AuthorizationTransaction next = tx.awaitingRegistration(consentId);
            store.put(Kind.TRANSACTION, next.id(), next);
            return PAGES + "register.xhtml?tx=" + next.id();
        }
        return codeRedirect(tx, consentId);
    }

    /**
     * Where a transaction at its consent step goes when its registration remembers consent (TEST, for OpenID Connect
     * certification runs) and the person's standing consent covers what is asked: past the consent screen, as
     * after 連携. Empty when a page must ask (the default: guideline, consent on every authorization).
     */
    private Optional<String> remembered(AuthorizationTransaction tx, RegisteredService service) {
        if (tx.extras() == null || !tx.extras().consentMayBeRemembered() || !service.rememberConsent()
                || tx.environment() != Environment.TEST) {
            return Optional.empty();
        }
        return consents.standing(new PersonId(tx.personId()), tx.environment(), service.clientId(), apis(tx, service),
                tx.extras().attributes(), service.consentText())
                .map(standing -> consents.remember(standing, apis(tx, service), tx.verificationSkipped()))
                .map(consent -> afterConsent(tx, service, consent.id()));
    }

    @Override
    public Optional<RegistrationStep> registrationStep(String transactionId) {
        return transaction(transactionId, Stage.REGISTRATION).map(tx -> new RegistrationStep(service(tx).displayName(),
                people.find(new PersonId(tx.personId())).map(Person::name).orElse("")));
    }

    @Override
    public Next register(String transactionId, boolean approve) {
        Optional<AuthorizationTransaction> found = transaction(transactionId, Stage.REGISTRATION);
        if (found.isEmpty()) {
            return Next.stay(EXPIRED);
        }
        AuthorizationTransaction tx = found.get();
        if (!approve) {
            store.remove(Kind.TRANSACTION, tx.id());
            return Next.to(new ErrorRedirect(tx.redirectUri(), tx.state(), issuerOf(tx)).location("access_denied",
                    "the user did not register with the portal"));
        }
        people.register(new PersonId(tx.personId()));
        audit.record("portal", "portal-account.register", "person/" + tx.personId(), "client=" + tx.clientId());
        return Next.to(codeRedirect(tx, tx.consentId()));
    }

    // ---- the card step with an outside signature (TEST) ----

    /** Who signs the challenge in the audit trail. */
    static final String OUTSIDE_SIGNATURE = "outside-signature";
    /** How long a challenge may be signed: long enough for a human with a shell, short enough to be fresh. */
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

    /** A challenge of a card step in progress, as the integrator's signing code gets it. */
    public record CardChallenge(String transactionId, String challenge, Instant expiresAt) {
    }

    /**
     * Draws a fresh 256-bit challenge for the card step of a transaction (a new one replaces the one before), to be
     * signed by the card's key outside the simulator. TEST only.
     */
    public CardChallenge cardChallenge(Environment environment, String transactionId) {
        AuthorizationTransaction tx = outsideCardStep(environment, transactionId);
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
        AuthorizationTransaction tx = outsideCardStep(environment, transactionId);
        CardChallenge challenge = store.take(Kind.CARD_CHALLENGE, tx.id(), CardChallenge.class)
                .orElseThrow(() -> RuleViolation.conflict("challenge", "challenge-required",
                        "Fetch a challenge first (GET …/challenge); each challenge serves one attempt",
                        "先にチャレンジを取得してください (GET …/challenge)。チャレンジは 1 回の試行にのみ使えます"));
        if (!clock.instant().isBefore(challenge.expiresAt())) {
            throw RuleViolation.conflict("challenge", "challenge-expired",
                    "The challenge expired at " + challenge.expiresAt() + "; fetch a new one",
                    "チャレンジの有効期限 (" + challenge.expiresAt() + ") が切れました。新しいチャレンジを取得してください");
        }
        RegisteredService service = service(tx);
        String context = "client=" + tx.environment().path() + "/" + tx.clientId();
        String serial = cards.byCertificate(certificate).map(VirtualCard::serial)
                .orElse(certificate.getSubjectX500Principal().getName());
        CardVerification.Outcome outcome = faults.card(tx.environment(), service.clientId(), serial, tx.id(),
                        OUTSIDE_SIGNATURE, context)
                .orElseGet(() -> verification.readSigned(certificate,
                        challenge.challenge().getBytes(StandardCharsets.US_ASCII), signature, tx.environment(),
                        service.clientId().apiUser(), OUTSIDE_SIGNATURE, context));
        if (!outcome.verified()) {
            throw RuleViolation.forbidden(outcome.code(), outcome.message(), outcome.messageJa());
        }
        SessionCookie cookie = newSession(tx, outcome.serial(), outcome.person().get(), outcome.at());
        AuthorizationTransaction next = tx.verified(outcome.person().get().value(), outcome.at(), false);
        store.put(Kind.TRANSACTION, next.id(), next);
        String location = next.consentPreset() == null
                ? remembered(next, service).orElse(PAGES + "consent.xhtml?tx=" + next.id())
                : headlessConsent(next.id(), next.consentPreset());
        return new Next(Optional.of(location), Optional.empty(), Optional.of(cookie));
    }

    /** A transaction of this environment at its card step; TEST only, like the other headless tools. */
    private AuthorizationTransaction outsideCardStep(Environment environment, String transactionId) {
        if (environment != Environment.TEST) {
            throw RuleViolation.forbidden("outside-signature-test-only",
                    "Card steps with an outside signature are available in the TEST environment only",
                    "外部で作成した署名による本人確認は接続確認環境でのみ利用できます");
        }
        return transaction(transactionId, Stage.CARD).filter(tx -> tx.environment() == environment)
                .orElseThrow(() -> RuleViolation.notFound("Card step of transaction", transactionId));
    }

    // ---- token endpoint ----

    /**
     * RFC 6749 §4.1.3 and §5: the code is single-use, short-lived and bound to its client and redirect URI. The client
     * authenticates as registered: {@code none} (TEST) or its TLS client certificate (RFC 8705 §2), and then the
     * access token is bound to that certificate (RFC 8705 §3).
     */
    public Map<String, Object> exchange(Environment environment, Map<String, List<String>> form,
                                        PresentedCertificate presented) {
        form.entrySet().stream().filter(e -> e.getValue().size() > 1).findFirst().ifPresent(e -> {
            throw new OAuthError(400, "invalid_request", "parameter " + e.getKey() + " is repeated (RFC 6749 §3.2)");
        });
        String grantType = required(form, "grant_type");
        if (!grantType.equals("authorization_code")) {
            throw new OAuthError(400, "unsupported_grant_type", "grant_type must be authorization_code");
        }
        String clientIdText = required(form, "client_id");
        Optional<RegisteredService> service = clientId(clientIdText).flatMap(id -> directory.find(environment, id));
        if (service.isEmpty()) {
            throw new OAuthError(401, "invalid_client", "no client " + clientIdText + " is registered in " + environment.path());
        }
        Optional<String> certificate = switch (service.get().clientAuth()) {
            case NONE -> Optional.empty();
            case TLS_CLIENT_AUTH -> Optional.of(certificates.authenticate(service.get(), presented));
            default -> throw new OAuthError(401, "invalid_client", "this client authenticates with "
                    + service.get().clientAuth().code() + ", which this door does not accept: it takes none (TEST) "
                    + "and tls_client_auth; use the OpenID Connect door for other methods");
        };
        faults.token(environment, service.get().clientId());
        IssuedCode granted = redeem(environment, clientIdText, required(form, "code"), required(form, "redirect_uri"));
        if (granted.extras() != null) {
            throw new OAuthError(400, "invalid_grant", "the code was issued by the OpenID Connect door; exchange it there");
        }
        OAuthGrant grant = consents.grant(granted.consentId(), granted.authTime(), List.of(), "portal");
        AccessTokens.Issued token = tokens.issue(grant, certificate);
        remember(code(form), grant, token);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.token());
        body.put("token_type", "Bearer");
        body.put("expires_in", token.lifetime().toSeconds());
        body.put("scope", token.scope());
        return body;
    }

    private static String code(Map<String, List<String>> form) {
        return single(form, "code").orElseThrow();
    }

    /** After the tokens are issued: a replay of the code will revoke this grant; the issue is audited. */
    public void remember(String code, OAuthGrant grant, AccessTokens.Issued token) {
        store.put(Kind.USED_CODE, Secrets.hash(code), grant.id());
        audit("token.issue", grant, token);
    }

    public void audit(String action, OAuthGrant grant, AccessTokens.Issued token) {
        audit.record("portal", action, grant.environment().path() + "/" + grant.client(),
                "grant=" + grant.id() + " scope=" + token.scope() + " skipped=" + grant.cardSkipped());
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
                // RFC 6749 §4.1.2 / §10.5: a code used twice revokes what its first use issued
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
            throw new OAuthError(400, "invalid_grant", "the code has expired (codes live " + CODE_LIFETIME.toSeconds() + " s)");
        }
        if (granted.environment() != environment || !granted.clientId().equals(clientIdText)) {
            throw new OAuthError(400, "invalid_grant", "the code was issued to another client");
        }
        if (!granted.redirectUri().equals(redirectUri)) {
            throw new OAuthError(400, "invalid_grant", "redirect_uri differs from the one of the authorization request");
        }
        return granted;
    }

    // ---- shared ----

    static final String EXPIRED = "この手続きは有効期限が切れたか、既に完了しています。サービスの画面からやり直してください";

    private Optional<AuthorizationTransaction> transaction(String id, Stage stage) {
        return store.get(Kind.TRANSACTION, id, AuthorizationTransaction.class)
                .filter(tx -> tx.stage() == stage)
                .filter(tx -> clock.instant().isBefore(tx.createdAt().plus(TRANSACTION_LIFETIME)));
    }

    private RegisteredService service(AuthorizationTransaction tx) {
        return directory.find(tx.environment(), ClientId.parse(tx.clientId()))
                .orElseThrow(() -> RuleViolation.notFound("Service", tx.clientId()));
    }

    /** A new verification session for every card read: a fresh cookie value, so the session id changes (9.7). */
    private SessionCookie newSession(AuthorizationTransaction tx, String serial, PersonId person, Instant at) {
        RegisteredService service = service(tx);
        String value = Secrets.random();
        SkipDomain domain = SkipDomain.of(tx.environment(), service.clientId(), service.group());
        store.put(Kind.SESSION, Secrets.hash(value), new SessionRecord(
                new VerifiedCard(tx.environment(), domain, serial, at), person.value()));
        return new SessionCookie(cookieName(tx.environment()), value, (int) Duration.ofDays(1).toSeconds(),
                baseUrl.startsWith("https:"));
    }

    public static String cookieName(Environment environment) {
        return "mynasim_vs_" + environment.path();
    }

    private String codeRedirect(AuthorizationTransaction tx, String consentId) {
        // a TEST service with a seed gets a code derived from it (README: Deterministic ids)
        String code = seededIds.next(tx.environment(), ClientId.parse(tx.clientId()), SeededIds.Kind.CODE)
                .orElseGet(Secrets::random);
        Instant now = clock.instant();
        store.put(Kind.CODE, Secrets.hash(code), new IssuedCode(tx.environment(), tx.clientId(), tx.redirectUri(),
                consentId, tx.authTime(), now.plus(CODE_LIFETIME), tx.extras()));
        store.remove(Kind.TRANSACTION, tx.id());
        String issuer = issuerOf(tx);
        return tx.redirectUri() + (tx.redirectUri().contains("?") ? "&" : "?") + "code=" + encode(code)
                + (tx.state() == null ? "" : "&state=" + encode(tx.state()))
                + (issuer == null ? "" : "&iss=" + encode(issuer));
    }

    /** The OpenID Connect door asks for some of the service's APIs by scope; the Mynaportal door for all of them. */
    private static Set<MynaApi> apis(AuthorizationTransaction tx, RegisteredService service) {
        if (tx.extras() == null) {
            return service.apis();
        }
        return tx.extras().apis().stream().map(MynaApi::fromCode).collect(java.util.stream.Collectors.toSet());
    }

    /** The basic four attributes as OpenID Connect scopes, with their names on the consent screen. */
    public static final Map<String, String> ATTRIBUTES = Map.of("name", "氏名", "address", "住所",
            "birthdate", "生年月日", "gender", "性別");

    /** The card's state as the chooser words it; UNKNOWN does not occur for a card that exists. */
    private static String state(VirtualCard card, Instant now) {
        return switch (card.state(now)) {
            case USABLE, UNKNOWN -> "usable";
            case LOCKED -> "locked";
            case EXPIRED -> "expired";
            case REVOKED -> "revoked";
        };
    }

    public static Optional<String> single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()
                ? Optional.empty() : Optional.of(values.get(0));
    }

    public static String required(Map<String, List<String>> form, String name) {
        return single(form, name).orElseThrow(() -> new OAuthError(400, "invalid_request", name + " is required"));
    }

    public static Optional<ClientId> clientId(String value) {
        try {
            return Optional.of(ClientId.parse(value));
        } catch (RuleViolation e) {
            return Optional.empty();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Errors that go back to the service's (already checked) redirect URI, RFC 6749 §4.1.2.1. */
    /** {@code issuer}: the OpenID Connect door adds {@code iss} to its responses (RFC 9207); null on the other door. */
    public record ErrorRedirect(String redirectUri, String state, String issuer) {
        public AuthorizeOutcome to(String error, String description) {
            return new AuthorizeOutcome.Redirect(location(error, description), Optional.empty());
        }

        String location(String error, String description) {
            return redirectUri + (redirectUri.contains("?") ? "&" : "?") + "error=" + encode(error)
                    + "&error_description=" + encode(description) + (state == null ? "" : "&state=" + encode(state))
                    + (issuer == null ? "" : "&iss=" + encode(issuer));
        }
    }

    /** The issuer to name in the responses of a transaction: only the OpenID Connect door's. */
    private String issuerOf(AuthorizationTransaction tx) {
        return tx.extras() == null ? null : tokens.issuer(tx.environment());
    }
}
