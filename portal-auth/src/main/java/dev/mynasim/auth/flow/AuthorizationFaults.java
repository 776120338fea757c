package dev.mynasim.auth.flow;

import dev.mynasim.auth.card.CardVerification;
import dev.mynasim.auth.protocol.OAuthError;
import dev.mynasim.auth.skip.CardState;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultEffect;
import dev.mynasim.registry.api.FaultInjection;
import dev.mynasim.registry.api.FaultRule;
import dev.mynasim.registry.api.FaultStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The failure rules of the authorization steps (DESIGN.md 6), the same on both doors: {@code access_denied} once the
 * client and its redirect URI are known to be good (a bad one keeps its error page, DESIGN.md 9.4), a card step that
 * fails as a locked card or an expired certificate does, and a token endpoint that answers 401
 * {@code invalid_client} or answers late. These steps concern no single API, so they ask with an empty one. Every
 * hit is recorded, in plain words, before the client sees its effect.
 */
@ApplicationScoped
public class AuthorizationFaults {

    private final FaultInjection faults;
    private final CardVerification verification;

    @Inject
    public AuthorizationFaults(FaultInjection faults, CardVerification verification) {
        this.faults = faults;
        this.verification = verification;
    }

    /** For the container's proxy. */
    protected AuthorizationFaults() {
        this(null, null);
    }

    /** AUTHORIZE: {@code error=access_denied} to the (already checked) redirect URI, naming the rule. */
    public Optional<AuthorizeOutcome> authorize(Environment environment, ClientId client,
                                                ErrorRedirect error) {
        return strike(environment, client, FaultStep.AUTHORIZE, FaultEffect.ACCESS_DENIED).map(rule -> {
            faults.recordHit(rule, FaultStep.AUTHORIZE, client.toString(),
                    "the authorization request was answered error=access_denied at the redirect URI",
                    "認可リクエストにリダイレクト URI への error=access_denied で応答しました");
            return error.to("access_denied", "the authorization was refused by failure-injection rule " + rule.id()
                    + " (access_denied injected by the simulator)");
        });
    }

    /**
     * CARD: the read of the chosen card fails exactly as a locked card or an expired certificate fails, and the card
     * is left as it was.
     */
    public Optional<CardVerification.Outcome> card(Environment environment, ClientId client, String serial,
                                                   String transactionId, String actor, String context) {
        return strike(environment, client, FaultStep.CARD, FaultEffect.CERTIFICATE_EXPIRED, FaultEffect.CARD_LOCKED)
                .map(rule -> {
                    boolean locked = rule.effect() == FaultEffect.CARD_LOCKED;
                    faults.recordHit(rule, FaultStep.CARD, transactionId, "the read of card " + serial + " failed as "
                            + (locked ? "a locked card" : "an expired certificate") + "; the card itself was not changed",
                            "カード " + serial + " の読み取りを" + (locked ? "ロック中のカード" : "有効期限切れの証明書")
                                    + "として失敗させました (カード自体は変更していません)");
                    return verification.injected(serial, rule.effect(), actor, context + " rule=" + rule.id());
                });
    }

    /**
     * The card behind a verification session as the skip rule sees it: while a card rule is active the card counts as
     * locked or expired, so the card step is not skipped, as it would not be for a real one (DESIGN.md 4, condition
     * 5). The hit is recorded where the card step then fails.
     */
    public CardState cardState(Environment environment, ClientId client, CardState real) {
        if (real != CardState.USABLE) {
            return real;
        }
        return strike(environment, client, FaultStep.CARD, FaultEffect.CERTIFICATE_EXPIRED, FaultEffect.CARD_LOCKED)
                .map(rule -> rule.effect() == FaultEffect.CARD_LOCKED ? CardState.LOCKED : CardState.EXPIRED)
                .orElse(real);
    }

    /**
     * TOKEN, once the client is known: 401 {@code invalid_client} (RFC 6749 §5.2) as for a failed client
     * authentication, or the answer delayed by the rule's milliseconds.
     */
    public void token(Environment environment, ClientId client) {
        Optional<FaultRule> found = strike(environment, client, FaultStep.TOKEN, FaultEffect.TOKEN_UNAUTHORIZED,
                FaultEffect.LATENCY);
        if (found.isEmpty()) {
            return;
        }
        FaultRule rule = found.get();
        if (rule.effect() == FaultEffect.TOKEN_UNAUTHORIZED) {
            faults.recordHit(rule, FaultStep.TOKEN, client.toString(), "the token request was answered 401 invalid_client",
                    "トークンリクエストに 401 invalid_client で応答しました");
            throw new OAuthError(401, "invalid_client", "client authentication failed: refused by failure-injection rule "
                    + rule.id() + " (injected by the simulator)");
        }
        int millis = rule.number(0);
        faults.recordHit(rule, FaultStep.TOKEN, client.toString(), "the token answer was delayed by " + millis + " ms",
                "トークンの応答を " + millis + " ミリ秒遅らせました");
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<FaultRule> strike(Environment environment, ClientId client, FaultStep step, FaultEffect... effects) {
        return faults.match(environment, client, Optional.empty(), step)
                .filter(rule -> java.util.Arrays.asList(effects).contains(rule.effect()));
    }
}
