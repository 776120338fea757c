package dev.mynasim.registry.api;

import java.util.Arrays;

/**
 * The word on the consent screen's approve button, chosen per registration: 連携 (guideline figures 2.1, 2.2 ② and
 * the normal flow) or データ取得 (guideline 2.2 ③ and ⑥, a service that fetches data as it links). 連携 unless the
 * registration says otherwise.
 */
public enum ConsentButton {
    LINK("link", "連携", "Link"),
    FETCH_DATA("fetch-data", "データ取得", "Fetch data");

    private final String code;
    private final String labelJa;
    private final String label;

    ConsentButton(String code, String labelJa, String label) {
        this.code = code;
        this.labelJa = labelJa;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String labelJa() {
        return labelJa;
    }

    public String label() {
        return label;
    }

    /** The button of a registration: its code, or 連携 when none is given. */
    public static ConsentButton fromCode(String code) {
        if (code == null || code.isBlank()) {
            return LINK;
        }
        return Arrays.stream(values()).filter(b -> b.code.equals(code.strip())).findFirst()
                .orElseThrow(() -> RuleViolation.invalid("consentButton", "consent-button-unknown",
                        "consentButton must be link (連携) or fetch-data (データ取得), got: " + code,
                        "consentButton は link (連携) または fetch-data (データ取得) で指定してください。入力値: " + code));
    }
}
