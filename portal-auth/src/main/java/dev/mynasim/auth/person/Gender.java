package dev.mynasim.auth.person;

import dev.mynasim.registry.api.RuleViolation;
import java.util.Arrays;

/** 性別 as the basic four attributes carry it; codes as OpenID Connect Core §5.1 {@code gender}. */
public enum Gender {
    MALE("male", "男"), FEMALE("female", "女"), OTHER("other", "その他");

    private final String code;
    private final String labelJa;

    Gender(String code, String labelJa) {
        this.code = code;
        this.labelJa = labelJa;
    }

    public String code() {
        return code;
    }

    public String labelJa() {
        return labelJa;
    }

    public static Gender fromCode(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst()
                .orElseThrow(() -> RuleViolation.invalid("gender", "gender-unknown",
                        "gender must be male, female or other, got: " + code,
                        "性別は male、female、other のいずれかです。入力値: " + code));
    }
}
