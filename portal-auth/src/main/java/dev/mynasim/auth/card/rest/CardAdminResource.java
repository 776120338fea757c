package dev.mynasim.auth.card.rest;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.auth.card.Pin;
import dev.mynasim.auth.card.VirtualCard;
import dev.mynasim.auth.card.VirtualCards;
import dev.mynasim.auth.person.Gender;
import dev.mynasim.auth.person.People;
import dev.mynasim.auth.person.Person;
import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.IsoInstant;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Test persons and their cards: the operator manages all; an API user its own cards only (others answer 404). */
@Path("admin/api/cards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "cards", description = "Virtual My Number Cards and their holders")
public class CardAdminResource {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Caller caller;

    @Inject
    VirtualCards cards;

    @Inject
    People people;

    @Inject
    Clock clock;

    @POST
    @Transactional
    @Operation(summary = "Issues a card to a new person (an API user's account owns the cards it creates)")
    public Response issue(CardRequest request, @Context UriInfo uri) {
        CardRequest body = RuleViolation.requireBody(request);
        ApiUserId owner = caller.operator()
                ? (body.apiUserId() == null ? null : new ApiUserId(body.apiUserId()))
                : caller.apiUser().orElseThrow();
        if (owner != null && !caller.mayAccess(owner)) {
            throw RuleViolation.notFound("API user", owner.value());
        }
        Instant now = clock.instant();
        Pin pin = new Pin(body.pin());
        LocalDate birthdate;
        try {
            birthdate = LocalDate.parse(RuleViolation.required("birthdate", body.birthdate()));
        } catch (DateTimeParseException e) {
            throw RuleViolation.invalid("birthdate", "date-format", "birthdate must be a date such as 1980-04-01",
                    "birthdate は 1980-04-01 のような日付で指定してください");
        }
        Person person = people.add(new Person(PersonId.random(), body.name(), body.nameKana(), birthdate,
                Gender.fromCode(RuleViolation.required("gender", body.gender())), body.address(), now),
                !Boolean.FALSE.equals(body.portalRegistered()));
        Instant notBefore = orElse(IsoInstant.parse("notBefore", body.notBefore()), now.minus(Duration.ofDays(1)));
        Instant notAfter = orElse(IsoInstant.parse("notAfter", body.notAfter()), now.plus(Duration.ofDays(5 * 365)));
        if (!notBefore.isBefore(notAfter)) {
            throw RuleViolation.invalid("notAfter", "validity-order", "notAfter must be after notBefore",
                    "notAfter は notBefore より後の日時で指定してください");
        }
        String serial = body.serial() != null ? body.serial() : "2" + String.format("%011d", RANDOM.nextLong(100_000_000_000L));
        VirtualCard card = cards.issue(serial, person.id(), owner, pin, notBefore, notAfter, caller.name());
        return Response.created(uri.getAbsolutePathBuilder().path(serial).build()).entity(CardResponse.of(card, now)).build();
    }

    @GET
    @Path("{serial}")
    @Operation(summary = "A card's state: usable, locked, expired or revoked, and its PIN failure count")
    public CardResponse get(@PathParam("serial") String serial) {
        return CardResponse.of(visible(serial), clock.instant());
    }

    @POST
    @Path("{serial}/unlock")
    @Operation(summary = "Unlocks a card and resets its PIN failure count")
    public CardResponse unlock(@PathParam("serial") String serial) {
        cards.unlock(visible(serial).serial(), caller.name());
        return get(serial);
    }

    @POST
    @Path("{serial}/lock")
    @Operation(summary = "Locks a card as three wrong PINs would")
    public CardResponse lock(@PathParam("serial") String serial) {
        cards.lock(visible(serial).serial(), caller.name());
        return get(serial);
    }

    @POST
    @Path("{serial}/revoke")
    @Operation(summary = "Revokes the card's certificate")
    public CardResponse revoke(@PathParam("serial") String serial) {
        cards.revoke(visible(serial).serial(), caller.name());
        return get(serial);
    }

    /**
     * The card's private key and certificate chain as PKCS#12 (alias: the serial), for signing challenges with one's
     * own code (the card step's outside-signature pair). Operator, or the API user that owns the card; the card then
     * serves TEST flows only.
     */
    @POST
    @Path("{serial}/pkcs12")
    @Produces({"application/x-pkcs12", MediaType.APPLICATION_JSON})
    @Operation(summary = "Exports the card's key and certificate as PKCS#12 (password in the body); "
            + "the card then serves the TEST environment only")
    public Response pkcs12(@PathParam("serial") String serial, Pkcs12Request request) {
        Pkcs12Request body = RuleViolation.requireBody(request);
        String password = RuleViolation.required("password", body.password());
        if (password.length() < 8 || password.length() > 128) {
            throw RuleViolation.invalid("password", "pkcs12-password-length",
                    "The PKCS#12 password is 8 to 128 characters", "PKCS#12 のパスワードは 8 文字以上 128 文字以内です");
        }
        // an API user reaches only the cards it owns; global cards (the demo cards) only the operator
        VirtualCard card = visible(serial);
        byte[] file = cards.exportPkcs12(card.serial(), password.toCharArray(), caller.name());
        return Response.ok(file, "application/x-pkcs12").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"card-" + card.serial() + ".p12\"").build();
    }

    private VirtualCard visible(String serial) {
        return cards.find(serial)
                .filter(card -> caller.operator() || card.owner().filter(caller::mayAccess).isPresent())
                .orElseThrow(() -> RuleViolation.notFound("Card", serial));
    }

    private static Instant orElse(Instant value, Instant fallback) {
        return value == null ? fallback : value;
    }
}
