package dev.mynasim.registry.fault;

import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.FaultEffect;
import dev.mynasim.registry.api.FaultStep;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RuleViolation;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What an API user says about one failure rule, apart from the service it concerns: the effect, optionally the one
 * API and the one step it is narrowed to, the parameter the effect takes and the time box {@code [activeFrom,
 * activeUntil)}. The constructor enforces every rule that needs nothing but the definition itself and keeps the
 * parameter in one canonical form (a whole number without leading zeros, or the error code);
 * {@link #checkApi(ClientId, Set)} the rule that needs the service's registration.
 */
public record FaultDefinition(Optional<MynaApi> api, Optional<FaultStep> step, FaultEffect effect,
                              Optional<String> parameter, Optional<Instant> activeFrom, Optional<Instant> activeUntil) {

    static final int MAX_SECONDS = 3600;
    static final int MAX_MILLISECONDS = 30_000;
    static final Pattern ERROR_CODE = Pattern.compile("[A-Z0-9-]{1,20}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");

    public FaultDefinition {
        api = api == null ? Optional.empty() : api;
        step = step == null ? Optional.empty() : step;
        parameter = parameter == null ? Optional.empty() : parameter.filter(p -> !p.isBlank());
        activeFrom = activeFrom == null ? Optional.empty() : activeFrom;
        activeUntil = activeUntil == null ? Optional.empty() : activeUntil;
        if (effect == null) {
            throw RuleViolation.invalid("effect", "required", "effect is required; known: " + effects(),
                    "effect は必須です。指定できる値: " + effects());
        }
        if (step.isPresent() && !effect.steps().contains(step.get())) {
            throw RuleViolation.invalid("step", "step-not-for-effect",
                    "The effect " + effect.code() + " strikes only at the step(s) " + steps(effect) + ", not at "
                            + step.get().code(),
                    "効果 " + effect.code() + " を指定できるステップは " + steps(effect) + " だけです (指定値: "
                            + step.get().code() + ")");
        }
        parameter = checkParameter(effect, parameter);
        if (activeFrom.isPresent() && activeUntil.isPresent() && !activeUntil.get().isAfter(activeFrom.get())) {
            throw RuleViolation.invalid("activeUntil", "active-until-not-after-from",
                    "activeUntil (" + activeUntil.get() + ") must be after activeFrom (" + activeFrom.get() + ")",
                    "activeUntil (" + activeUntil.get() + ") は activeFrom (" + activeFrom.get() + ") より後にしてください");
        }
    }

    /** The API a rule is narrowed to must be one the service is registered for. */
    public void checkApi(ClientId service, Set<MynaApi> registered) {
        if (api.isPresent() && !registered.contains(api.get())) {
            String apis = registered.stream().map(MynaApi::code).sorted().collect(Collectors.joining(", "));
            throw RuleViolation.invalid("api", "api-not-registered",
                    "Service " + service + " is not registered for the API " + api.get().code() + " (its APIs: " + apis + ")",
                    "サービス " + service + " は API " + api.get().code() + " に登録されていません (登録済み: " + apis + ")");
        }
    }

    /** The parameter as {@link FaultEffect.Parameter} says, in its canonical form. */
    private static Optional<String> checkParameter(FaultEffect effect, Optional<String> parameter) {
        return switch (effect.parameter()) {
            case NONE -> {
                if (parameter.isPresent()) {
                    throw RuleViolation.invalid("parameter", "parameter-unexpected",
                            "The effect " + effect.code() + " takes no parameter",
                            "効果 " + effect.code() + " にはパラメーターを指定できません");
                }
                yield Optional.empty();
            }
            case ERROR_CODE -> {
                String code = required(effect, parameter, "the errorCode to answer, such as EB0001");
                if (!ERROR_CODE.matcher(code).matches()) {
                    throw RuleViolation.invalid("parameter", "parameter-error-code",
                            "The error code must be 1 to 20 of A-Z, 0-9 and -, got: " + code,
                            "エラーコードは A-Z、0-9、- の 1 〜 20 文字で指定してください。入力値: " + code);
                }
                yield Optional.of(code);
            }
            case SECONDS -> Optional.of(number(required(effect, parameter, "a number of seconds from 1 to " + MAX_SECONDS),
                    MAX_SECONDS, "parameter-seconds", "seconds", "秒"));
            case SECONDS_OPTIONAL -> parameter.map(p -> number(p, MAX_SECONDS, "parameter-seconds", "seconds", "秒"));
            case MILLISECONDS -> Optional.of(number(required(effect, parameter,
                            "a number of milliseconds from 1 to " + MAX_MILLISECONDS), MAX_MILLISECONDS,
                    "parameter-milliseconds", "milliseconds", "ミリ秒"));
        };
    }

    private static String required(FaultEffect effect, Optional<String> parameter, String meaning) {
        return parameter.orElseThrow(() -> RuleViolation.invalid("parameter", "parameter-required",
                "The effect " + effect.code() + " needs a parameter: " + meaning,
                "効果 " + effect.code() + " にはパラメーターが必要です: " + meaning));
    }

    private static String number(String value, int max, String rule, String unit, String unitJa) {
        int parsed = WHOLE_NUMBER.matcher(value).matches() ? Integer.parseInt(value) : -1;
        if (parsed < 1 || parsed > max) {
            throw RuleViolation.invalid("parameter", rule,
                    "The parameter must be a whole number of " + unit + " from 1 to " + max + ", got: " + value,
                    "パラメーターは 1 〜 " + max + " の整数 (" + unitJa + ") で指定してください。入力値: " + value);
        }
        return Integer.toString(parsed);
    }

    private static String steps(FaultEffect effect) {
        return effect.steps().stream().map(FaultStep::code).collect(Collectors.joining(", "));
    }

    private static String effects() {
        return java.util.Arrays.stream(FaultEffect.values()).map(FaultEffect::code).collect(Collectors.joining(", "));
    }
}
