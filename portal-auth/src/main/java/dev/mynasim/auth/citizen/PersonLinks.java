package dev.mynasim.auth.citizen;

import dev.mynasim.auth.api.LinkedServices;
import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.card.CardVerification;
import dev.mynasim.auth.card.VirtualCards;
import dev.mynasim.auth.consent.Consent;
import dev.mynasim.auth.consent.Consents;
import dev.mynasim.auth.flow.FlowStore;
import dev.mynasim.auth.flow.SessionRecord;
import dev.mynasim.auth.secret.Secrets;
import dev.mynasim.auth.skip.CardState;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.api.ServiceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The citizen's own view of their consents (連携中のサービス) and 連携を解除. */
@ApplicationScoped
public class PersonLinks implements LinkedServices {

    @Inject
    Consents consents;

    @Inject
    CardVerification verification;

    @Inject
    VirtualCards cards;

    @Inject
    FlowStore store;

    @Inject
    ServiceDirectory directory;

    @Inject
    dev.mynasim.auth.person.People people;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mynasim.verification.skip-window", defaultValue = "PT10M")
    String skipWindow;

    /** What a pass stands for. */
    public record Pass(String personId, Instant expiresAt) {
    }

    private static final Duration PASS_LIFETIME = Duration.ofMinutes(30);

    @Override
    public Access byCard(String serial, String pin) {
        CardVerification.Outcome outcome = verification.read(serial, pin, Environment.TEST, "citizen", "linked-services");
        return new Access(outcome.person().map(this::pass), outcome.messageJa(), outcome.message());
    }

    @Override
    public Optional<String> bySession(Environment environment, String cookieValue) {
        return personOfSession(environment, cookieValue).map(this::pass);
    }

    private String pass(PersonId person) {
        String value = Secrets.random();
        store.put(FlowStore.Kind.CITIZEN_PASS, Secrets.hash(value), new Pass(person.value(),
                clock.instant().plus(PASS_LIFETIME)));
        return value;
    }

    private Optional<PersonId> person(String pass) {
        Instant now = clock.instant();
        return Optional.ofNullable(pass).filter(p -> !p.isBlank())
                .flatMap(p -> store.get(FlowStore.Kind.CITIZEN_PASS, Secrets.hash(p), Pass.class))
                .filter(p -> now.isBefore(p.expiresAt())).map(p -> new PersonId(p.personId()));
    }

    private Optional<PersonId> personOfSession(Environment environment, String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.get(FlowStore.Kind.SESSION, Secrets.hash(cookieValue), SessionRecord.class)
                .filter(s -> s.card().environment() == environment)
                .filter(s -> now.isBefore(s.card().authTime().plus(Duration.parse(skipWindow))))
                .filter(s -> cards.find(s.card().cardSerial()).map(c -> c.state(now) == CardState.USABLE).orElse(false))
                .map(s -> new PersonId(s.personId()));
    }

    @Override
    public Optional<List<Linked>> of(String pass) {
        return person(pass).map(this::linked);
    }

    @Override
    public Optional<String> personName(String pass) {
        return person(pass).flatMap(people::find).map(dev.mynasim.auth.person.Person::name);
    }

    /** One row per service: its standing consents (newest first, as {@code given} orders them) taken together. */
    private List<Linked> linked(PersonId person) {
        Map<String, List<Consent>> byService = new LinkedHashMap<>();
        consents.given(person, Caller.SYSTEM).stream().filter(c -> !c.revoked())
                .forEach(c -> byService.computeIfAbsent(key(c), k -> new ArrayList<>()).add(c));
        return byService.values().stream().map(standing -> {
            Consent newest = standing.get(0);
            Optional<RegisteredService> service = directory.find(newest.environment(), newest.client());
            List<MynaApi> apis = standing.stream().flatMap(c -> c.apis().stream()).distinct().sorted().toList();
            return new Linked(newest.id(), newest.environment(), newest.client(),
                    service.map(RegisteredService::apiUserName).orElse(newest.client().apiUser().value()),
                    service.map(RegisteredService::displayName).orElse(newest.client().toString()),
                    apis, newest.decidedAt(), newest.cardSkipped());
        }).toList();
    }

    private static String key(Consent consent) {
        return consent.environment() + "/" + consent.client();
    }

    @Override
    public boolean revoke(String pass, String consentId) {
        Optional<PersonId> person = person(pass);
        if (person.isEmpty()) {
            return false;
        }
        List<Consent> standing = consents.given(person.get(), Caller.SYSTEM).stream().filter(c -> !c.revoked()).toList();
        Optional<Consent> chosen = standing.stream().filter(c -> c.id().equals(consentId)).findFirst();
        if (chosen.isEmpty()) {
            return false;
        }
        Caller citizen = new Caller("citizen", true, Optional.empty());
        boolean revoked = false;
        for (Consent consent : standing.stream().filter(c -> key(c).equals(key(chosen.get()))).toList()) {
            try {
                consents.revokeConsent(consent.id(), citizen);
                revoked = true;
            } catch (RuleViolation gone) {
                // revoked meanwhile by someone else: nothing left to do for this one
            }
        }
        return revoked;
    }
}
