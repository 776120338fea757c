package dev.mynasim.registry.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an injected failure does (DESIGN.md section 6), the steps where it can strike, and what its parameter means.
 * Wire names are lower case with dashes ({@code access-denied}, {@code error-code}, …).
 */
public enum FaultEffect {
    /** The authorization answers {@code error=access_denied} to the redirect URI. */
    ACCESS_DENIED(Parameter.NONE, FaultStep.AUTHORIZE),
    /** The card step fails as if the certificate had expired. */
    CERTIFICATE_EXPIRED(Parameter.NONE, FaultStep.CARD),
    /** The card step fails as if the card were locked. */
    CARD_LOCKED(Parameter.NONE, FaultStep.CARD),
    /** The token endpoint answers 401 {@code invalid_client}. */
    TOKEN_UNAUTHORIZED(Parameter.NONE, FaultStep.TOKEN),
    /** The answer carries this {@code commonHeader.errorCode} (parameter: the code). */
    ERROR_CODE(Parameter.ERROR_CODE, FaultStep.REQUEST, FaultStep.RESULT),
    /** HTTP 503 with {@code Retry-After} (parameter: seconds, default 30). */
    UNAVAILABLE(Parameter.SECONDS_OPTIONAL, FaultStep.REQUEST, FaultStep.RESULT, FaultStep.DATA),
    /** HTTP 429 with {@code Retry-After} (parameter: seconds, default 1). */
    TOO_MANY_REQUESTS(Parameter.SECONDS_OPTIONAL, FaultStep.REQUEST, FaultStep.RESULT, FaultStep.DATA),
    /** HTTP 500. */
    SERVER_ERROR(Parameter.NONE, FaultStep.REQUEST, FaultStep.RESULT, FaultStep.DATA),
    /** The answer comes late (parameter: milliseconds, 1 to 30,000). */
    LATENCY(Parameter.MILLISECONDS, FaultStep.TOKEN, FaultStep.REQUEST, FaultStep.RESULT, FaultStep.DATA),
    /** The completion notice is never sent. */
    CALLBACK_NEVER(Parameter.NONE, FaultStep.CALLBACK),
    /** The completion notice is sent late (parameter: extra seconds, 1 to 3,600). */
    CALLBACK_LATE(Parameter.SECONDS, FaultStep.CALLBACK),
    /** The completion notice is sent twice. */
    CALLBACK_TWICE(Parameter.NONE, FaultStep.CALLBACK);

    /** The meaning of a rule's parameter. */
    public enum Parameter {
        NONE, ERROR_CODE, SECONDS, SECONDS_OPTIONAL, MILLISECONDS
    }

    private final Parameter parameter;
    private final Set<FaultStep> steps;

    FaultEffect(Parameter parameter, FaultStep first, FaultStep... more) {
        this.parameter = parameter;
        this.steps = EnumSet.of(first, more);
    }

    public Parameter parameter() {
        return parameter;
    }

    public Set<FaultStep> steps() {
        return steps;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FaultEffect fromCode(String code) {
        return Arrays.stream(values()).filter(e -> e.code().equals(code)).findFirst()
                .orElseThrow(() -> RuleViolation.invalid("effect", "effect-unknown",
                        "Unknown effect " + code + "; known: " + codes(),
                        "不明な効果です: " + code + "。指定できる値: " + codes()));
    }

    static String codes() {
        return Arrays.stream(values()).map(FaultEffect::code).collect(Collectors.joining(", "));
    }
}
