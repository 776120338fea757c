package dev.mynasim.auth.skip;

import java.util.Objects;

/** The skip rule's answer: skip the card read, or why not. Recorded in the audit trail and shown in diagnostics. */
public record SkipDecision(Reason reason) {

    /** Why a card read was or was not skipped, in the order the skip rule checks (DESIGN.md section 4). */
    public enum Reason {
        SKIPPED("Card read skipped: this browser already verified the card for this service's skip domain",
                "本人確認済みのため、マイナンバーカードによる本人確認を省略しました"),
        NO_SKIP_FEATURE("Card read needed: the service has no skip feature approved for this environment",
                "このサービスは本人確認省略機能の利用が承認されていないため、マイナンバーカードによる本人確認が必要です"),
        NO_SESSION("Card read needed: this browser holds no verification session",
                "本人確認済みのセッションがないため、マイナンバーカードによる本人確認が必要です"),
        SESSION_EXPIRED("Card read needed: the last card read is older than the skip window",
                "前回の本人確認から省略可能な時間を過ぎたため、マイナンバーカードによる本人確認が必要です"),
        OTHER_ENVIRONMENT("Card read needed: the last card read was made in another environment",
                "前回の本人確認は別の環境で行われたため、マイナンバーカードによる本人確認が必要です"),
        OTHER_DOMAIN("Card read needed: the last card read was made for another service or group",
                "前回の本人確認は別のサービスまたはグループで行われたため、マイナンバーカードによる本人確認が必要です"),
        CARD_UNUSABLE("Card read needed: the card is locked, or its certificate has expired or been revoked",
                "前回本人確認したマイナンバーカードがロック中、または電子証明書が有効期限切れか失効しているため、本人確認が必要です"),
        FRESH_VERIFICATION_REQUESTED(
                "Card read needed: the service asked for a fresh verification (prompt=login or max_age)",
                "サービスが改めての本人確認を求めたため (prompt=login または max_age)、マイナンバーカードによる本人確認が必要です");

        private final String description;
        private final String descriptionJa;

        Reason(String description, String descriptionJa) {
            this.description = description;
            this.descriptionJa = descriptionJa;
        }

        public String description() {
            return description;
        }

        public String descriptionJa() {
            return descriptionJa;
        }
    }

    public SkipDecision {
        Objects.requireNonNull(reason, "reason");
    }

    /** True only when the card read may be skipped. */
    public boolean skip() {
        return reason == Reason.SKIPPED;
    }
}
