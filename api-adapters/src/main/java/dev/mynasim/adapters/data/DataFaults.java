package dev.mynasim.adapters.data;

import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.FaultInjection;
import dev.mynasim.registry.api.FaultRule;
import dev.mynasim.registry.api.FaultStep;
import dev.mynasim.registry.api.MynaApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Applies the failure rules of the data steps (request, result, synchronous data): latency waits and goes on; the
 * others end the call with the configured answer. Every hit is recorded by the registry.
 */
@ApplicationScoped
public class DataFaults {

    @Inject
    FaultInjection faults;

    /** Waits or fails as the first rule striking this call says; returns normally when none does. */
    public void apply(VerifiedAccessToken token, MynaApi api, FaultStep step, String subject) {
        pause(strike(token, api, step, subject));
    }

    /**
     * Fails as the first rule striking this call says, or returns the delay a latency rule asks for (zero when no
     * rule strikes): for a caller inside a transaction, which waits with {@link #pause} once it has ended, so no
     * database connection is held while waiting.
     */
    public Duration strike(VerifiedAccessToken token, MynaApi api, FaultStep step, String subject) {
        Optional<FaultRule> match = faults.match(token.environment(), token.client(), Optional.of(api), step);
        if (match.isEmpty()) {
            return Duration.ZERO;
        }
        FaultRule rule = match.get();
        String injected = "injected by failure rule " + rule.id();
        switch (rule.effect()) {
            case LATENCY -> {
                int millis = rule.number(0);
                faults.recordHit(rule, step, subject, "answer delayed by " + millis + " ms",
                        "応答を " + millis + " ミリ秒遅らせました");
                return Duration.ofMillis(millis);
            }
            case ERROR_CODE -> {
                faults.recordHit(rule, step, subject, "errorCode " + rule.parameter().orElse(""),
                        "errorCode " + rule.parameter().orElse("") + " で応答しました");
                throw new DataRefused(rule.parameter().orElse(""), 200, "errorCode " + injected, "障害注入ルール "
                        + rule.id() + " による errorCode");
            }
            case UNAVAILABLE -> {
                int seconds = rule.number(30);
                faults.recordHit(rule, step, subject, "HTTP 503, Retry-After " + seconds,
                        "HTTP 503 (Retry-After " + seconds + ") で応答しました");
                throw new DataRefused("ESV0503", 503, "Service unavailable, " + injected,
                        "サービス停止中 (障害注入ルール " + rule.id() + ")").with("Retry-After", Integer.toString(seconds));
            }
            case TOO_MANY_REQUESTS -> {
                int seconds = rule.number(1);
                faults.recordHit(rule, step, subject, "HTTP 429, Retry-After " + seconds,
                        "HTTP 429 (Retry-After " + seconds + ") で応答しました");
                throw new DataRefused("ESV0429", 429, "Too many requests, " + injected,
                        "リクエスト過多 (障害注入ルール " + rule.id() + ")").with("Retry-After", Integer.toString(seconds));
            }
            case SERVER_ERROR -> {
                faults.recordHit(rule, step, subject, "HTTP 500", "HTTP 500 で応答しました");
                throw new DataRefused("ESV0500", 500, "Internal error, " + injected,
                        "内部エラー (障害注入ルール " + rule.id() + ")");
            }
            default -> { }
        }
        return Duration.ZERO;
    }

    /** The callback rule striking a new request now; the exchange applies it to the notice and then records it. */
    public Optional<FaultRule> callbackRule(VerifiedAccessToken token, MynaApi api) {
        return faults.match(token.environment(), token.client(), Optional.of(api), FaultStep.CALLBACK);
    }

    /** Records a callback rule's hit once the request it struck is stored. */
    public void callbackHit(FaultRule rule, String processId) {
        String detail = switch (rule.effect()) {
            case CALLBACK_NEVER -> "notice withheld";
            case CALLBACK_LATE -> "notice sent " + rule.number(0) + " s late";
            case CALLBACK_TWICE -> "notice sent twice";
            default -> rule.effect().code();
        };
        String detailJa = switch (rule.effect()) {
            case CALLBACK_NEVER -> "完了通知を送りませんでした";
            case CALLBACK_LATE -> "完了通知を " + rule.number(0) + " 秒遅らせて送りました";
            case CALLBACK_TWICE -> "完了通知を 2 回送りました";
            default -> rule.effect().code();
        };
        faults.recordHit(rule, FaultStep.CALLBACK, processId, detail, detailJa);
    }

    /** Waits as {@link #strike} said. */
    public static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
