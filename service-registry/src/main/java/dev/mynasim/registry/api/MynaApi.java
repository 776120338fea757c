package dev.mynasim.registry.api;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The five Mynaportal APIs the verification skip covers (guideline section 3). */
public enum MynaApi {
    SELF_INFO("self-info", "自己情報取得 API"),
    MEDICAL_INSURANCE("medical-insurance", "医療保険情報取得 API"),
    NOTICES("notices", "お知らせ／民送情報取得 API"),
    USER_REGISTRATION("user-registration", "利用者登録等 API"),
    ATTRIBUTE_LINKAGE("attribute-linkage", "属性連携設定 API");

    private final String code;
    private final String nameJa;

    MynaApi(String code, String nameJa) {
        this.code = code;
        this.nameJa = nameJa;
    }

    public String code() {
        return code;
    }

    public String nameJa() {
        return nameJa;
    }

    public static MynaApi fromCode(String code) {
        return Arrays.stream(values())
                .filter(api -> api.code.equals(code))
                .findFirst()
                .orElseThrow(() -> RuleViolation.invalid("apis", "api-unknown",
                        "Unknown API " + code + "; known: " + codes(),
                        "不明な API です: " + code + "。指定できる値: " + codes()));
    }

    private static String codes() {
        return Arrays.stream(values()).map(MynaApi::code).collect(Collectors.joining(", "));
    }
}
