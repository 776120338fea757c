package dev.mynasim.auth.consent;

import dev.mynasim.auth.api.LinkedServices;
import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.card.CardVerification;
import dev.mynasim.auth.card.VirtualCards;
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
import java.util.List;
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

    private List<Linked> linked(PersonId person) {
        return consents.given(person, Caller.SYSTEM).stream().filter(c -> !c.revoked()).map(c -> {
            Optional<RegisteredService> service = directory.find(c.environment(), c.client());
            return new Linked(c.id(), c.environment(), c.client(),
                    service.map(RegisteredService::apiUserName).orElse(c.client().apiUser().value()),
                    service.map(RegisteredService::displayName).orElse(c.client().toString()),
                    c.apis().stream().sorted().map(MynaApi::nameJa).toList(), c.decidedAt(), c.cardSkipped());
        }).toList();
    }

    @Override
    public boolean revoke(String pass, String consentId) {
        boolean theirs = of(pass).orElse(List.of()).stream().anyMatch(l -> l.consentId().equals(consentId));
        if (!theirs) {
            return false;
        }
        try {
            consents.revokeConsent(consentId, new Caller("citizen", true, Optional.empty()));
            return true;
        } catch (RuleViolation gone) {
            return false;
        }
    }
}
