package dev.mynasim.registry.application;

/** The phases of guideline section 4.1 and the steps each spans. */
public enum Phase {
    EXAMINATION(1, 5, "フェーズ 1: 利用検討"),
    DEVELOPMENT(6, 9, "フェーズ 2: 利用準備 (開発)"),
    CONNECTION_TEST(10, 15, "フェーズ 2: 利用準備 (接続試験)"),
    PRODUCTION_CHECK(16, 21, "フェーズ 2: 利用準備 (本番動作確認)"),
    LAUNCHED(Step.LAUNCHED_NUMBER, Step.LAUNCHED_NUMBER, "サービス提供開始");

    private final int first;
    private final int last;
    private final String labelJa;

    Phase(int first, int last, String labelJa) {
        this.first = first;
        this.last = last;
        this.labelJa = labelJa;
    }

    public String labelJa() {
        return labelJa;
    }

    static Phase of(int step) {
        for (Phase phase : values()) {
            if (step >= phase.first && step <= phase.last) {
                return phase;
            }
        }
        throw new IllegalArgumentException("no phase holds step " + step);
    }
}
