package dev.mynasim.auth.card;

import dev.mynasim.auth.api.CardAdmin;
import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.person.Gender;
import dev.mynasim.auth.person.People;
import dev.mynasim.auth.person.Person;
import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.IsoInstant;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Persons and cards for the consoles and the card state endpoints: the visibility rule of {@code /admin/api/cards}
 * (the operator every card, an API user the cards it owns, another's answers not-found) and its checks, in the same
 * order, so a form shows the message the REST API would answer.
 */
@ApplicationScoped
public class CardAdminService implements CardAdmin {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    VirtualCards cards;

    @Inject
    People people;

    @Inject
    Clock clock;

    @Override
    @Transactional
    public List<CardView> cards(Caller caller) {
        List<VirtualCard> visible = caller.operator() ? cards.all() : cards.ownedBy(caller.apiUser().orElseThrow());
        Instant now = clock.instant();
        return visible.stream().map(card -> view(card, now)).toList();
    }

    @Override
    @Transactional
    public CardView card(Caller caller, String serial) {
        return view(visible(caller, serial), clock.instant());
    }

    @Override
    @Transactional
    public CardView issue(Caller caller, CardForm form) {
        ApiUserId owner = caller.operator()
                ? (blank(form.apiUserId()) ? null : new ApiUserId(form.apiUserId().strip()))
                : caller.apiUser().orElseThrow();
        if (owner != null && !caller.mayAccess(owner)) {
            throw RuleViolation.notFound("API user", owner.value());
        }
        Instant now = clock.instant();
        Pin pin = new Pin(form.pin());
        LocalDate birthdate;
        try {
            birthdate = LocalDate.parse(RuleViolation.required("birthdate", form.birthdate()).strip());
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid("birthdate", "date-format", "birthdate must be a date such as 1980-04-01",
                    "birthdate は 1980-04-01 のような日付で指定してください");
        }
        Person person = people.add(new Person(PersonId.random(), form.name(), form.nameKana(), birthdate,
                Gender.fromCode(RuleViolation.required("gender", form.gender())), form.address(), now),
                form.portalRegistered());
        Instant notBefore = orElse(IsoInstant.parse("notBefore", form.notBefore()), now.minus(Duration.ofDays(1)));
        Instant notAfter = orElse(IsoInstant.parse("notAfter", form.notAfter()), now.plus(Duration.ofDays(5 * 365)));
        if (!notBefore.isBefore(notAfter)) {
            throw RuleViolation.invalid("notAfter", "validity-order", "notAfter must be after notBefore",
                    "notAfter は notBefore より後の日時で指定してください");
        }
        String serial = blank(form.serial()) ? "2" + String.format("%011d", RANDOM.nextLong(100_000_000_000L))
                : form.serial().strip();
        return view(cards.issue(serial, person.id(), owner, pin, notBefore, notAfter, caller.name()), now);
    }

    @Override
    @Transactional
    public CardView lock(Caller caller, String serial) {
        cards.lock(visible(caller, serial).serial(), caller.name());
        return card(caller, serial);
    }

    @Override
    @Transactional
    public CardView unlock(Caller caller, String serial) {
        cards.unlock(visible(caller, serial).serial(), caller.name());
        return card(caller, serial);
    }

    @Override
    @Transactional
    public CardView revoke(Caller caller, String serial) {
        cards.revoke(visible(caller, serial).serial(), caller.name());
        return card(caller, serial);
    }

    @Override
    @Transactional
    public CardView expire(Caller caller, String serial) {
        cards.expire(visible(caller, serial).serial(), caller.name());
        return card(caller, serial);
    }

    @Override
    @Transactional
    public CardView resetPin(Caller caller, String serial, String pin) {
        VirtualCard card = visible(caller, serial);
        cards.resetPin(card.serial(), new Pin(pin), caller.name());
        return card(caller, serial);
    }

    private VirtualCard visible(Caller caller, String serial) {
        return cards.find(serial)
                .filter(card -> caller.operator() || card.owner().filter(caller::mayAccess).isPresent())
                .orElseThrow(() -> RuleViolation.notFound("Card", serial));
    }

    private CardView view(VirtualCard card, Instant now) {
        Person person = people.find(card.person()).orElseThrow();
        return new CardView(card.serial(), card.person(), person.name(), person.nameKana(), person.birthdate(),
                person.gender().code(), person.address(), people.registered(card.person()), card.owner(),
                card.state(now).name().toLowerCase(java.util.Locale.ROOT), card.failures(), card.notBefore(),
                card.notAfter(), card.exportedAt());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant orElse(Instant value, Instant fallback) {
        return value == null ? fallback : value;
    }
}
