package dev.mynasim.registry.application;

import dev.mynasim.registry.api.RuleViolation;
import java.util.Arrays;

/** What a usage application can declare besides walking its steps. */
public enum Declaration {
    SKIP_FEATURE("skip-feature"),
    PRODUCTION_GROUPING("production-grouping");

    private final String code;

    Declaration(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Declaration fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst()
                .orElseThrow(() -> RuleViolation.invalid("declaration", "declaration-unknown",
                        "declaration must be skip-feature or production-grouping, got: " + code,
                        "declaration は skip-feature または production-grouping で指定してください。入力値: " + code));
    }
}
