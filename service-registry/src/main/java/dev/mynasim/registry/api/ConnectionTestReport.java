package dev.mynasim.registry.api;

import java.time.Instant;
import java.util.List;

/**
 * The connection-test (接続試験, guideline A-10 … A-15) checklist of one Web service in TEST, computed from its
 * request log (README: Connection-test report): each item passed, not yet seen or failed, with the entries that
 * prove it. {@code passed}: every item passed, so the usage application may be submitted from it (A-12 → A-13).
 */
public record ConnectionTestReport(Environment environment, String service, String displayName, Instant computedAt,
                                   long entriesRead, List<Item> items) {

    public enum Status {
        PASSED("合格", "passed"), NOT_YET_SEEN("未確認", "not yet seen"), FAILED("不合格", "failed");

        private final String ja;
        private final String en;

        Status(String ja, String en) {
            this.ja = ja;
            this.en = en;
        }

        public String ja() {
            return ja;
        }

        public String en() {
            return en;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** One check: a stable code (README), what it asks in both languages, its status and why, and its evidence. */
    public record Item(String code, String titleJa, String titleEn, Status status, String detailJa, String detailEn,
                       List<Long> evidence) {
    }

    public boolean passed() {
        return items.stream().allMatch(i -> i.status() == Status.PASSED);
    }
}
