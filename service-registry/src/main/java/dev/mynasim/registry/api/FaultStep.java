package dev.mynasim.registry.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a failure rule strikes: the authorization steps (applied by portal-auth) or the data steps (applied by
 * api-adapters). Wire names are lower case ({@code authorize}, {@code card}, …).
 */
public enum FaultStep {
    AUTHORIZE, CARD, TOKEN, REQUEST, CALLBACK, RESULT, DATA;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FaultStep fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> RuleViolation.invalid("step", "step-unknown",
                        "Unknown step " + code + "; known: " + codes(),
                        "不明なステップです: " + code + "。指定できる値: " + codes()));
    }

    static String codes() {
        return Arrays.stream(values()).map(FaultStep::code).collect(Collectors.joining(", "));
    }
}
