package dev.mynasim.auth.api;

import dev.mynasim.registry.api.ConsentButton;
import dev.mynasim.registry.api.MynaApi;
import java.util.List;
import java.util.Optional;

/**
 * The screens of an authorization in progress: the card step, consent and the registration step. The pages call
 * these with the transaction id they carry; every answer says where the browser goes next.
 */
public interface PortalFlow {

    /**
     * A card the tester may pick: its serial, its holder's name (a tester picks a person, not a number) and its state
     * ({@code usable}, {@code locked}, {@code expired}, {@code revoked}), which the page words in its language.
     */
    record CardChoice(String serial, String holderName, String state) {
    }

    /** What the card step shows, or why it cannot go on. */
    record CardStep(String serviceName, String apiUserName, String environmentLabel, List<CardChoice> cards) {
    }

    /**
     * One line of the consent screen: an API the service will reach, or (OpenID Connect door) a basic attribute by its
     * scope ({@code name}, {@code address}, {@code birthdate}, {@code gender}); the pages word them.
     */
    record ApiLine(MynaApi api, String attribute) {
    }

    /** What the consent screen shows; {@code button} is the word the registration chose for approving. */
    record ConsentStep(String apiUserName, String serviceName, String consentText, List<ApiLine> apis,
                       boolean verificationSkipped, String environmentLabel, ConsentButton button) {
    }

    /** What the registration step shows. */
    record RegistrationStep(String serviceName, String personName) {
    }

    /** Why the page's action was refused: a stable code and its words in both languages (the page shows the reader's). */
    record Refusal(String code, String messageJa, String message) {
    }

    /**
     * Where the browser goes next: a URL (a portal page or the service's redirect URI), or a refusal to show on the
     * same page instead; and a new verification session cookie value to set when a card was just read.
     */
    record Next(Optional<String> location, Optional<Refusal> refusal, Optional<SessionCookie> cookie) {
        public static Next to(String location) {
            return new Next(Optional.of(location), Optional.empty(), Optional.empty());
        }

        public static Next stay(Refusal refusal) {
            return new Next(Optional.empty(), Optional.of(refusal), Optional.empty());
        }
    }

    /** The verification session cookie: HttpOnly, SameSite=Lax, Secure under HTTPS, renewed at every card read. */
    record SessionCookie(String name, String value, int maxAgeSeconds, boolean secure) {
    }

    Optional<CardStep> cardStep(String transactionId);

    Next readCard(String transactionId, String cardSerial, String pin);

    /**
     * 連携をやめる on the card step: the transaction ends and the browser goes back to the service with
     * {@code error=access_denied} and its {@code state} (RFC 6749 §4.1.2.1), as after 連携をやめる on consent.
     */
    Next cancelCardStep(String transactionId);

    Optional<ConsentStep> consentStep(String transactionId);

    Next decide(String transactionId, boolean approve);

    Optional<RegistrationStep> registrationStep(String transactionId);

    Next register(String transactionId, boolean approve);
}
